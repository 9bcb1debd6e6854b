"""The daily reminder pass: due in 3 days and overdue hazards to the enterprise, investigations
due to the bureau and duty officers; each reminder once a day, however often the pass runs."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from yingji.accidents.tests.factories import accident_factory
from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory
from yingji.hazards.tests.factories import assigned, hazard_factory
from yingji.notifications.models import Notification
from yingji.notifications.reminders import remind

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def hazards(street, enterprise_user, enterprises, other_street):
    """Found 10 days ago; due in 3 days, in 4 days, yesterday; and one of 文艺路's (no users)."""
    A = enterprises["A"]
    return {
        "soon": assigned(hazard_factory(actor=street, enterprise=A), street, days=13),
        "later": assigned(hazard_factory(actor=street, enterprise=A), street, days=14),
        "overdue": assigned(hazard_factory(actor=street, enterprise=A), street, days=9),
        "elsewhere": assigned(
            hazard_factory(actor=other_street, enterprise=enterprises["C"]), other_street, days=9
        ),
    }


def sent():
    return sorted(Notification.objects.values_list("kind", "user__username", "url"))


def test_hazards_due_in_three_days_and_overdue_remind_the_enterprise_once_a_day(hazards, enterprise_user):
    assert remind(TODAY) == 2
    assert sent() == [
        ("hazard_due", "enterprise", f"/hazards/{hazards['soon'].pk}/"),
        ("hazard_overdue", "enterprise", f"/hazards/{hazards['overdue'].pk}/"),
    ]
    assert remind(TODAY) == 0
    assert len(sent()) == 2
    # The next day: the one due in 4 days is now due in 3, the overdue one is reminded again.
    assert remind(TODAY + DAY) == 3


def test_the_command_takes_a_day_and_runs_twice_without_sending_twice(hazards, enterprise_user, capsys):
    call_command("remind", "--today", str(TODAY))
    call_command("remind", "--today", str(TODAY))
    assert capsys.readouterr().out.splitlines() == ["2 reminders sent.", "0 reminders sent."]
    assert len(sent()) == 2


def test_an_investigation_due_reminds_the_bureau_and_duty_over_it(bureau, outsider):
    duty = user_factory(role=Role.DUTY, org=bureau.organisation, username="duty")
    occurred = timezone.now() - 58 * DAY
    accident = accident_factory(actor=duty, occurred_at=occurred, reported_at=occurred)
    due = accident.investigation_deadline
    assert remind(due - 4 * DAY) == 0
    assert remind(due - 3 * DAY) == 2
    assert sent() == [
        ("accident_due", "bureau", f"/accidents/{accident.pk}/"),
        ("accident_due", "duty", f"/accidents/{accident.pk}/"),
    ]
    assert remind(due - 3 * DAY) == 0
