"""The hazard list as a dashboard opens it: every filter it applies shows as a chip, and
removing one widens the list; keyword search, the street filter, sorting; the API's filters."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from yingji.accounts.tests.factories import web_login
from yingji.hazards.choices import HazardLevel
from yingji.hazards.tests.factories import assigned, hazard_factory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def logged_in(username: str) -> Client:
    client = Client()
    client.cookies["django_language"] = "en"  # the labels as their msgids say, whatever the catalogue
    assert web_login(client, username)
    return client


@pytest.fixture
def three(bureau, enterprises):
    """A: a major hazard, overdue; B: a general one, not yet assigned; C (文艺路): general."""
    a = assigned(
        hazard_factory(
            actor=bureau,
            enterprise=enterprises["A"],
            level=HazardLevel.MAJOR,
            description="液氨阀门泄漏",
            found_at=TODAY - datetime.timedelta(days=40),
        ),
        bureau,
        days=10,
    )
    b = hazard_factory(actor=bureau, enterprise=enterprises["B"], description="货架超高堆放")
    c = hazard_factory(actor=bureau, enterprise=enterprises["C"], description="燃气报警器失效")
    return a, b, c


def chips(response) -> dict[str, tuple[str, str]]:
    return {chip.name: (chip.label, chip.url) for chip in response.context["chips"]}


def test_each_filter_of_a_drill_down_is_a_chip_and_removing_one_widens_the_list(three):
    client = logged_in("bureau")
    response = client.get("/hazards/", {"region": "430102015", "level": "major", "page": "1"})
    assert response.context["counts"]["total"] == 1  # only A: major and in 东岸
    shown = chips(response)
    assert shown["region"] == ("东岸街道", "?level=major")
    assert shown["level"] == ("Major hazard", "?region=430102015")
    assert "东岸街道" in response.content.decode()

    wider = client.get("/hazards/" + shown["level"][1])
    assert wider.context["counts"]["total"] == 2  # A and B, both of 东岸
    assert list(chips(wider)) == ["region"]
    assert client.get("/hazards/" + chips(wider)["region"][1]).context["counts"]["total"] == 3


def test_the_dates_a_statistic_adds_are_chips_too(three):
    cutoff = TODAY.isoformat()
    response = logged_in("bureau").get("/hazards/", {"counted": "1", "overdue_on": cutoff})
    shown = chips(response)
    assert shown["overdue_on"][0] == f"Overdue as of {cutoff}"
    assert shown["counted"][1] == f"?overdue_on={cutoff}"
    assert response.context["counts"]["total"] == 1  # A, past its deadline of 30 days ago
    assert logged_in("bureau").get("/hazards/" + shown["overdue_on"][1]).context["counts"]["total"] == 3


def test_an_enterprise_filter_shows_the_enterprises_name(three, enterprises):
    response = logged_in("bureau").get("/hazards/", {"enterprise": enterprises["B"].pk})
    assert chips(response)["enterprise"][0] == "东岸商贸有限公司"
    assert response.context["counts"]["total"] == 1


def test_a_keyword_finds_description_enterprise_name_and_uscc(three, enterprises):
    client = logged_in("bureau")

    def found(q):
        return {h.description for h in client.get("/hazards/", {"q": q}).context["page"]}

    assert found("阀门") == {"液氨阀门泄漏"}
    assert found("燃气有限") == {"燃气报警器失效"}
    assert found(enterprises["B"].uscc.lower()) == {"货架超高堆放"}
    assert found("东岸") == {"液氨阀门泄漏", "货架超高堆放"}


def test_a_search_never_finds_another_countys_hazard(bureau, outsider, enterprises, api):
    hazard_factory(actor=outsider, enterprise=enterprises["D"], description="天心的隐患")
    assert logged_in("bureau").get("/hazards/", {"q": "天心"}).context["counts"]["total"] == 0
    assert api(bureau).get("/api/v1/hazards", {"q": enterprises["D"].uscc}).json()["count"] == 0


def test_the_street_filter(three):
    response = logged_in("bureau").get("/hazards/", {"street": "430102001"})
    assert [h.description for h in response.context["page"]] == ["燃气报警器失效"]
    assert chips(response)["street"][0] == "文艺路街道"


def test_columns_sort_and_an_unknown_sort_is_ignored(three):
    client = logged_in("bureau")
    by_deadline = client.get("/hazards/", {"sort": "deadline"}).context["page"]
    assert by_deadline[0].description == "液氨阀门泄漏"  # the only one with a deadline; none come last
    by_enterprise = [
        h.enterprise.name for h in client.get("/hazards/", {"sort": "-enterprise"}).context["page"]
    ]
    assert by_enterprise == sorted(by_enterprise, reverse=True)
    response = client.get("/hazards/", {"sort": "password"})
    assert response.status_code == 200 and response.context["sort"] == "-found_at"


def test_the_page_number_form_keeps_the_filters(bureau, enterprises):
    for n in range(51):
        hazard_factory(actor=bureau, enterprise=enterprises["A"], description=f"隐患{n}")
    response = logged_in("bureau").get("/hazards/", {"level": "general", "page": "2"})
    page = response.content.decode()
    assert 'name="page"' in page and '<input type="hidden" name="level" value="general">' in page
    assert response.context["page"].number == 2


def test_the_api_searches_filters_by_street_and_sorts(three, bureau, enterprises, api):
    client = api(bureau)
    assert client.get("/api/v1/hazards", {"q": "货架"}).json()["count"] == 1
    assert client.get("/api/v1/hazards", {"street": "430102015"}).json()["count"] == 2
    assert client.get("/api/v1/hazards", {"enterprise": enterprises["C"].pk}).json()["count"] == 1
    first = client.get("/api/v1/hazards", {"sort": "deadline"}).json()["results"][0]
    assert first["description"] == "液氨阀门泄漏"
    response = client.get("/api/v1/hazards", {"sort": "password"})
    assert response.status_code == 400 and "sort" in response.json()["errors"]


def test_no_filter_the_list_applies_stays_on_without_a_chip(three, enterprises):
    """Every filter of the list at once: each shows as a chip, and removing them all leaves none."""
    day = TODAY.isoformat()
    every = {
        "q": "阀门",
        "region": "430102",
        "street": "430102015",
        "enterprise": str(enterprises["A"].pk),
        "status": "rectifying",
        "level": "major",
        "source": "inspection",
        "industry": "construction",
        "overdue": "true",
        "from": "2020-01-01",
        "to": day,
        "counted": "1",
        "rectified_by": day,
        "listed_from": "2020-01-01",
        "listed_to": day,
        "open_on": day,
        "overdue_on": day,
    }
    client = logged_in("bureau")
    response = client.get("/hazards/", every)
    assert set(chips(response)) == set(every)
    cleared = client.get("/hazards/" + response.context["clear_url"])
    assert cleared.context["chips"] == [] and cleared.context["counts"]["total"] == 3


def test_a_value_that_does_not_parse_is_neither_applied_nor_a_chip(three):
    response = logged_in("bureau").get("/hazards/", {"overdue_on": "yesterday", "enterprise": "x"})
    assert response.context["chips"] == [] and response.context["counts"]["total"] == 3


def test_the_ledger_export_holds_what_the_search_shows(three):
    response = logged_in("bureau").get("/hazards/ledger/export/", {"q": "阀门", "format": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "液氨阀门泄漏" in text and "货架超高堆放" not in text and "燃气报警器失效" not in text
