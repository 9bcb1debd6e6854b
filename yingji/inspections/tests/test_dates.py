"""An inspection's dates follow the shared rule (core/dates.py): not in the future, not
before 2000-01-01; a hazard it finds has its deadline not years ahead."""

import datetime

import pytest
from django.utils import translation

from yingji.core.errors import ApplicationError
from yingji.inspections.models import Inspection
from yingji.inspections.tests.factories import TODAY, inspection_factory

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def refused(**kwargs) -> dict:
    with pytest.raises(ApplicationError) as error:
        inspection_factory(**kwargs)
    assert not Inspection.objects.exists()
    return error.value.errors


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (TODAY + DAY, "This date is in the future."),
        (datetime.date(1999, 12, 31), "This date cannot be before 2000-01-01."),
        (datetime.date(1, 1, 1), "This date cannot be before 2000-01-01."),
    ],
)
def test_an_inspection_date_outside_2000_to_today_is_refused(street, enterprises, day, message):
    assert refused(actor=street, enterprise=enterprises["A"], inspected_on=day) == {"inspected_on": [message]}


def test_an_inspection_of_today_passes(street, enterprises):
    assert (
        inspection_factory(actor=street, enterprise=enterprises["A"], inspected_on=TODAY).inspected_on
        == TODAY
    )


def test_the_deadline_of_a_hazard_found_is_not_years_ahead(street, enterprises):
    draft = {"description": "配电箱未上锁", "deadline": TODAY.replace(year=TODAY.year + 6)}
    errors = refused(actor=street, enterprise=enterprises["A"], inspected_on=TODAY, hazards=[draft])
    assert list(errors) == ["hazards.0.deadline"]
    assert errors["hazards.0.deadline"][0].startswith(
        "This date cannot be more than 5 years after the inspection date"
    )


def test_through_the_api_the_field_is_named(api, street, enterprises):
    body = {"enterprise_id": enterprises["A"].pk, "inspected_on": "0001-01-01", "type": "daily"}
    response = api(street).post("/api/v1/inspections", body, "application/json")
    assert response.status_code == 400, response.content
    assert list(response.json()["errors"]) == ["inspected_on"]
