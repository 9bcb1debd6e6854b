"""An accident's times and dates follow the shared rule (core/dates.py): nothing in the
future, nothing before 2000-01-01, a measure's due date not years after the accident."""

import datetime

import pytest
from django.utils import translation

from yingji.accidents import services
from yingji.accidents.models import Accident
from yingji.accidents.tests.factories import accident_factory, beijing
from yingji.core.errors import ApplicationError

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_an_accident_before_2000_is_refused(bureau):
    with pytest.raises(ApplicationError) as error:
        accident_factory(actor=bureau, occurred_at=beijing(1999, 12, 31, 23, 0))
    assert error.value.errors["occurred_at"] == ["This date cannot be before 2000-01-01."]
    assert not Accident.objects.exists()
    assert accident_factory(actor=bureau, occurred_at=beijing(2000, 1, 1, 0, 30))


def test_a_measure_is_not_due_years_after_the_accident(bureau):
    accident = accident_factory(actor=bureau)
    with pytest.raises(ApplicationError) as error:
        services.accident_add_measure(
            actor=bureau, accident=accident, description="脚手架全面检查", due_on=datetime.date(2031, 3, 2)
        )
    assert list(error.value.errors) == ["due_on"]
    measure = services.accident_add_measure(
        actor=bureau, accident=accident, description="脚手架全面检查", due_on=datetime.date(2031, 3, 1)
    )
    assert measure.due_on == datetime.date(2031, 3, 1)


def test_through_the_api_the_field_is_named(api, bureau):
    body = {
        "occurred_at": "0001-01-01T09:00:00+08:00",
        "region_code": "430102015",
        "place": "五一大道123号工地",
        "kind": "production",
        "category": "09",
        "deaths": 1,
        "missing": 0,
        "serious_injuries": 0,
        "minor_injuries": 0,
        "direct_loss": "0",
        "summary": "一名工人从脚手架坠落。",
    }
    response = api(bureau).post("/api/v1/accidents", body, content_type="application/json")
    assert response.status_code == 400, response.content
    assert list(response.json()["errors"]) == ["occurred_at"]
