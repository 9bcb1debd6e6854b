"""An enterprise has no date a person enters today (its record times are the system's own).
The day one is added (an establishment date, a licence's expiry), it is checked by
core/dates.py in the service like every other module's: this test is the reminder."""

from django.db import models

from yingji.enterprises.models import Enterprise


def test_the_enterprise_has_no_date_a_person_enters():
    entered = [
        f.name for f in Enterprise._meta.get_fields() if isinstance(f, models.DateField) and f.editable
    ]
    assert entered == [], "check these dates with yingji.core.dates in enterprises/services.py"
