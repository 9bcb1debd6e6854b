"""Inspections, hazards and cases recorded during a campaign carry it: chosen on entry, or by
default every campaign whose region, industry and window cover the record. The hazard,
inspection and case lists filter by it, as each user's jurisdiction allows; the campaign page
counts them and charts each figure of the dispatch form by period."""

import datetime

import pytest

from yingji.campaigns import services, tagging
from yingji.campaigns.tests.conftest import NOVEMBER
from yingji.core.errors import ApplicationError
from yingji.enforcement.services import open_case_from_hazard
from yingji.enforcement.tests.factories import officers
from yingji.hazards.tests.factories import hazard_factory
from yingji.inspections.tests.factories import inspection_factory

pytestmark = pytest.mark.django_db
IN_WINDOW, BEFORE = datetime.date(2026, 11, 3), datetime.date(2026, 10, 30)


@pytest.fixture
def gas_drive(bureau):
    """A second campaign of the same district and weeks, for the gas industry only."""
    return services.campaign_create(
        actor=bureau, name="燃气安全专项整治", region_code="430102", starts_on=NOVEMBER,
        ends_on=NOVEMBER + datetime.timedelta(days=27), cycle="weekly", industry="gas",
        participant_ids=[bureau.organisation_id], fields=[{"key": "n", "label": "检查", "indicator": "inspections.count"}],
    )  # fmt: skip


def _names(record) -> set[str]:
    return {c.name for c in record.campaigns.all()}


def test_a_record_defaults_to_every_campaign_covering_its_region_industry_and_day(campaign, gas_drive, bureau, enterprises):  # fmt: skip
    construction = hazard_factory(actor=bureau, enterprise=enterprises["A"], found_at=IN_WINDOW)
    gas = hazard_factory(actor=bureau, enterprise=enterprises["C"], found_at=IN_WINDOW)
    earlier = hazard_factory(actor=bureau, enterprise=enterprises["A"], found_at=BEFORE)
    assert _names(construction) == {"岁末年初安全生产专项整治"}  # the gas drive is for gas only
    assert _names(gas) == {"岁末年初安全生产专项整治", "燃气安全专项整治"}
    assert _names(earlier) == set()  # before the window


def test_a_record_of_another_county_is_in_none_of_the_districts_campaigns(campaign, outsider, enterprises):
    across = hazard_factory(actor=outsider, enterprise=enterprises["D"], found_at=IN_WINDOW)
    assert _names(across) == set()


def test_a_record_goes_only_into_the_campaigns_chosen(campaign, gas_drive, bureau, enterprises):
    only = hazard_factory(
        actor=bureau, enterprise=enterprises["C"], found_at=IN_WINDOW, campaign_ids=[gas_drive.pk]
    )
    none = hazard_factory(actor=bureau, enterprise=enterprises["C"], found_at=IN_WINDOW, campaign_ids=[])
    assert _names(only) == {"燃气安全专项整治"} and _names(none) == set()


@pytest.mark.parametrize(
    "enterprise, day, why",
    [
        ("A", IN_WINDOW, "a construction hazard is not in the gas drive"),
        ("C", BEFORE, "a day before the window"),
        ("D", IN_WINDOW, "another county's enterprise"),
    ],
)
def test_a_campaign_that_does_not_cover_the_record_is_refused(gas_drive, bureau, outsider, enterprises, enterprise, day, why):  # fmt: skip
    actor = outsider if enterprise == "D" else bureau
    with pytest.raises(ApplicationError) as refused:
        hazard_factory(
            actor=actor, enterprise=enterprises[enterprise], found_at=day, campaign_ids=[gas_drive.pk]
        )
    assert list(refused.value.errors) == ["campaign_ids"], why


def test_the_api_answers_400_naming_the_field_for_an_unknown_campaign(api, bureau, enterprises, campaign):
    body = {"enterprise_id": enterprises["A"].pk, "description": "脚手架未设防护网", "found_at": "2026-11-03", "campaign_ids": [999999]}  # fmt: skip
    response = api(bureau).post("/api/v1/hazards", body, content_type="application/json")
    assert response.status_code == 400 and "campaign_ids" in response.json()["errors"]
    body["campaign_ids"] = [campaign.pk]
    created = api(bureau).post("/api/v1/hazards", body, content_type="application/json")
    assert created.status_code == 201 and created.json()["campaign_ids"] == [campaign.pk]


def test_an_inspections_hazards_are_found_in_the_inspections_campaigns(campaign, bureau, enterprises):
    drafts = [{"description": "配电箱未上锁"}]
    inside = inspection_factory(
        actor=bureau, enterprise=enterprises["A"], inspected_on=IN_WINDOW, hazards=drafts
    )
    outside = inspection_factory(actor=bureau, enterprise=enterprises["A"], inspected_on=IN_WINDOW, hazards=drafts, campaign_ids=[])  # fmt: skip
    assert _names(inside) == {"岁末年初安全生产专项整治"} == _names(inside.hazards.get())
    assert _names(outside) == set() == _names(outside.hazards.get())  # left out on entry: its hazards too


def test_a_case_from_a_hazard_is_in_the_hazards_campaigns(campaign, bureau, enterprises):
    hazard = hazard_factory(actor=bureau, enterprise=enterprises["A"], found_at=IN_WINDOW)
    crew = officers(bureau)
    case = open_case_from_hazard(actor=crew[0], hazard=hazard, officer_ids=[u.pk for u in crew])
    assert _names(case) == {"岁末年初安全生产专项整治"}


def test_the_lists_filter_by_campaign_within_the_jurisdiction(api, campaign, bureau, street, enterprises):
    in_dongan = hazard_factory(actor=bureau, enterprise=enterprises["A"], found_at=IN_WINDOW)
    in_wenyilu = hazard_factory(actor=bureau, enterprise=enterprises["C"], found_at=IN_WINDOW)
    hazard_factory(actor=bureau, enterprise=enterprises["A"], found_at=BEFORE)
    inspection = inspection_factory(actor=bureau, enterprise=enterprises["B"], inspected_on=IN_WINDOW)

    def ids(user, path):
        return {r["id"] for r in api(user).get(path, {"campaign": campaign.pk}).json()["results"]}

    assert ids(bureau, "/api/v1/hazards") == {in_dongan.pk, in_wenyilu.pk}
    assert ids(street, "/api/v1/hazards") == {in_dongan.pk}  # 东岸 sees only its own
    assert ids(bureau, "/api/v1/inspections") == {inspection.pk}


def test_the_hazard_page_says_which_campaign_it_lists(client, campaign, bureau, enterprises):
    hazard_factory(actor=bureau, enterprise=enterprises["A"], found_at=IN_WINDOW)
    client.force_login(bureau)
    page = client.get("/hazards/", {"campaign": campaign.pk}).content.decode()
    assert "岁末年初安全生产专项整治" in page and "东岸建筑工程有限公司" in page


def test_a_ledger_import_puts_its_hazards_into_the_covering_campaigns(campaign, bureau, enterprises):
    rows = [(h.pk, h.region_id, h.industry, h.found_at) for h in [
        hazard_factory(actor=bureau, enterprise=enterprises["A"], found_at=IN_WINDOW, campaign_ids=[]),
        hazard_factory(actor=bureau, enterprise=enterprises["A"], found_at=BEFORE, campaign_ids=[]),
    ]]  # fmt: skip
    assert tagging.tag_many("hazards", rows) == 1
    assert list(campaign.hazards.values_list("pk", flat=True)) == [rows[0][0]]


def test_the_campaign_page_counts_its_records_and_charts_each_figure(client, campaign, found, bureau, street):
    services.submit(actor=street, campaign=campaign, period_start=NOVEMBER, values={"hazards": 5, "work": "检查"},
                    now=datetime.datetime(2026, 11, 5, 9, tzinfo=datetime.UTC))  # fmt: skip
    client.force_login(bureau)
    page = client.get(f"/campaigns/{campaign.pk}/")
    tagged = {str(label): count for label, count, _url in page.context["tagged"]}
    assert list(tagged.values()) == [0, 5, 0]  # the five hazards of `found`, all inside the window
    [chart] = page.context["charts"]  # one number field: 发现隐患
    assert chart["title"] == "发现隐患（处）" and chart["months"][:2] == ["第1期", "第2期"]
    reported, records = chart["series"]
    assert reported["data"][:2] == [5, 0] and records["data"][:2] == [3, 0]  # 东岸's week 1: 5 said, 3 held
    assert 'data-chart="trend"' in page.content.decode()


def test_each_records_page_names_its_campaign(client, campaign, bureau, enterprises):
    hazard = hazard_factory(actor=bureau, enterprise=enterprises["A"], found_at=IN_WINDOW)
    inspection = inspection_factory(actor=bureau, enterprise=enterprises["A"], inspected_on=IN_WINDOW)
    client.force_login(bureau)
    for url in (f"/hazards/{hazard.pk}/", f"/inspections/{inspection.pk}/"):
        assert "岁末年初安全生产专项整治" in client.get(url).content.decode(), url
