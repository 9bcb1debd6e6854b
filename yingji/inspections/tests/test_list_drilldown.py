"""The inspection list as a dashboard number opens it: its period and the rest as removable
chips; keyword search by enterprise name or USCC, in the jurisdiction only; sorting."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from yingji.accounts.tests.factories import web_login
from yingji.inspections.tests.factories import inspection_factory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def logged_in(username: str) -> Client:
    client = Client()
    client.cookies["django_language"] = "en"
    assert web_login(client, username)
    return client


@pytest.fixture
def inspections(inspector, outsider, enterprises):
    return [
        inspection_factory(
            actor=inspector, enterprise=enterprises["A"], inspected_on=TODAY - datetime.timedelta(days=40)
        ),
        inspection_factory(
            actor=inspector, enterprise=enterprises["C"], inspected_on=TODAY - datetime.timedelta(days=3)
        ),
        inspection_factory(
            actor=outsider, enterprise=enterprises["D"], inspected_on=TODAY - datetime.timedelta(days=3)
        ),
    ]


def chips(response) -> dict[str, tuple[str, str]]:
    return {chip.name: (chip.label, chip.url) for chip in response.context["chips"]}


def names(response) -> list[str]:
    return [i.enterprise.name for i in response.context["page"]]


def test_the_period_of_a_drill_down_is_chips_and_removing_one_widens_the_list(inspections):
    since = (TODAY - datetime.timedelta(days=10)).isoformat()
    client = logged_in("bureau")
    response = client.get("/inspections/", {"from": since, "to": TODAY.isoformat()})
    assert names(response) == ["文艺路燃气有限公司"]
    shown = chips(response)
    assert shown["from"] == (f"Inspected from {since}", f"?to={TODAY.isoformat()}")
    assert sorted(names(client.get("/inspections/" + shown["from"][1]))) == [
        "东岸建筑工程有限公司",
        "文艺路燃气有限公司",
    ]


def test_a_keyword_finds_the_enterprise_by_name_or_uscc_in_the_jurisdiction_only(inspections, enterprises):
    client = logged_in("bureau")
    assert names(client.get("/inspections/", {"q": "燃气"})) == ["文艺路燃气有限公司"]
    assert names(client.get("/inspections/", {"q": enterprises["A"].uscc})) == ["东岸建筑工程有限公司"]
    assert names(client.get("/inspections/", {"q": "天心"})) == []
    assert chips(client.get("/inspections/", {"q": "燃气"}))["q"][0] == "Search: 燃气"


def test_columns_sort_and_an_unknown_sort_is_ignored(inspections):
    client = logged_in("bureau")
    assert names(client.get("/inspections/", {"sort": "inspected_on"})) == [
        "东岸建筑工程有限公司",
        "文艺路燃气有限公司",
    ]
    assert names(client.get("/inspections/", {"sort": "-inspected_on"})) == [
        "文艺路燃气有限公司",
        "东岸建筑工程有限公司",
    ]
    assert client.get("/inspections/", {"sort": "nonsense"}).status_code == 200


def test_the_api_searches_and_filters_by_street(inspections, bureau, api):
    client = api(bureau)
    assert client.get("/api/v1/inspections", {"q": "燃气"}).json()["count"] == 1
    assert client.get("/api/v1/inspections", {"street": "430102015"}).json()["count"] == 1
    assert client.get("/api/v1/inspections", {"q": "天心"}).json()["count"] == 0
