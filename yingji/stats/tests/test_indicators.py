"""Every hazard and inspection indicator on known records, and the stats API."""

import datetime

import pytest

from yingji.hazards.models import Hazard
from yingji.inspections.models import Inspection
from yingji.stats.catalog import CATALOG, Query
from yingji.stats.periods import Period

pytestmark = pytest.mark.django_db
D = datetime.date
H1_2026 = Period(D(2026, 1, 1), D(2026, 6, 30), "half")


def hazard(enterprise, found, *, status="reported", rectified=None, deadline=None, level="general", **extra):
    return Hazard.objects.create(
        enterprise=enterprise,
        region_id=enterprise.region_id,
        industry=enterprise.industry,
        description="x",
        found_at=found,
        status=status,
        rectified_at=rectified,
        deadline=deadline,
        level=level,
        **extra,
    )


@pytest.fixture
def records(enterprises, bureau):
    a, b, c = enterprises["A"], enterprises["B"], enterprises["C"]
    hazard(a, D(2026, 2, 1), status="closed", rectified=D(2026, 2, 10))
    hazard(a, D(2026, 3, 1), status="rectified", rectified=D(2026, 7, 5))  # rectified after H1
    hazard(b, D(2026, 4, 1), status="rectifying", deadline=D(2026, 5, 1))  # overdue at the end of H1
    hazard(
        c, D(2026, 5, 1), status="rectified", rectified=D(2026, 5, 2), level="major", listed_on=D(2026, 5, 1)
    )
    hazard(c, D(2026, 6, 1), status="cancelled")  # counts nowhere
    hazard(a, D(2025, 3, 1), status="closed", rectified=D(2025, 3, 5))  # last year
    hazard(enterprises["D"], D(2026, 2, 1))  # 天心区
    for enterprise, day, inspectors in ((a, D(2026, 1, 5), 2), (a, D(2026, 3, 5), 3), (c, D(2026, 3, 9), 2)):
        Inspection.objects.create(
            enterprise=enterprise,
            region_id=enterprise.region_id,
            industry=enterprise.industry,
            inspected_on=day,
            type="daily",
            inspector_count=inspectors,
        )


def value(key, user, period=H1_2026, **kwargs):
    return CATALOG[key].value(Query(user=user, period=period, **kwargs))


def test_hazard_indicators_for_the_first_half(bureau, records):
    assert value("hazards.found", bureau) == 4
    assert value("hazards.rectified", bureau) == 2  # the one rectified in July is not, by 30 June
    assert value("hazards.rectification_rate", bureau) == 50
    assert value("hazards.major_found", bureau) == 1
    assert value("hazards.listed", bureau) == 1
    assert value("hazards.open", bureau) == 2
    assert value("hazards.overdue", bureau) == 1


def test_a_report_rebuilt_later_can_see_later_rectification_only_when_asked(bureau, records):
    assert value("hazards.rectified", bureau, as_of=D(2026, 6, 30)) == 2
    full_year = Period(D(2026, 1, 1), D(2026, 12, 31))
    assert value("hazards.rectified", bureau, period=full_year) == 3
    assert value("hazards.rectified", bureau, period=full_year, as_of=D(2026, 7, 1)) == 2


def test_the_funnel_closes_only_hazards_found_in_the_period(bureau, enterprises):
    a = enterprises["A"]
    hazard(a, D(2025, 12, 1), status="closed", rectified=D(2026, 1, 5), closed_at=D(2026, 1, 9))
    hazard(a, D(2026, 2, 1), status="closed", rectified=D(2026, 2, 5), closed_at=D(2026, 2, 9))
    hazard(a, D(2026, 3, 1), status="closed", rectified=D(2026, 6, 5), closed_at=D(2026, 7, 9))
    assert value("hazards.closed", bureau) == 2  # closed in H1, whenever found
    assert value("hazards.found_closed", bureau) == 1  # found in H1 and closed by 30 June


def test_inspection_indicators(bureau, records):
    assert value("inspections.count", bureau) == 3
    assert value("inspections.person_times", bureau) == 7
    assert value("inspections.units", bureau) == 2


def test_a_street_users_numbers_cover_only_its_street(street, department, records):
    assert value("hazards.found", street) == 3
    assert value("inspections.person_times", street) == 5
    assert value("hazards.found", department) == 3  # construction (A) and gas (C)


def test_dimensions_narrow_the_numbers(bureau, records):
    assert value("hazards.found", bureau, filters={"region": "430102001"}) == 1
    assert value("hazards.found", bureau, filters={"industry": "construction"}) == 2
    assert value("hazards.found", bureau, filters={"level": "major"}) == 1


def test_the_api_answers_values_comparison_and_groups(api, bureau, records):
    response = api(bureau).get(
        "/api/v1/stats",
        {
            "indicators": "hazards.found,hazards.rectified,hazards.rectification_rate",
            "year": 2026,
            "period": "H1",
            "compare": "yoy",
            "group_by": "street",
        },
    )
    assert response.status_code == 200, response.content
    body = response.json()
    found = body["indicators"]["hazards.found"]
    assert (found["value"], found["previous"], found["change_pct"], found["change_text"]) == (
        4,
        1,
        300,
        "上升300%",
    )
    assert body["indicators"]["hazards.rectification_rate"]["value"] == 50
    groups = {g["key"]: g for g in body["groups"]}
    assert groups["430102015"]["label"] == "东岸街道"
    assert groups["430102015"]["values"] == {
        "hazards.found": 3,
        "hazards.rectified": 1,
        "hazards.rectification_rate": 33.3,
    }


def test_group_by_month_and_industry(api, bureau, records):
    body = (
        api(bureau)
        .get(
            "/api/v1/stats",
            {"indicators": "hazards.found", "from": "2026-01-01", "to": "2026-06-30", "group_by": "month"},
        )
        .json()
    )
    assert [(g["key"], g["values"]["hazards.found"]) for g in body["groups"]] == [
        ("2026-02", 1),
        ("2026-03", 1),
        ("2026-04", 1),
        ("2026-05", 1),
    ]
    body = (
        api(bureau)
        .get(
            "/api/v1/stats",
            {"indicators": "inspections.count", "year": 2026, "period": "H1", "group_by": "industry"},
        )
        .json()
    )
    assert {g["label"]: g["values"]["inspections.count"] for g in body["groups"]} == {
        "建筑施工": 2,
        "城镇燃气": 1,
    }


def test_group_by_county_and_by_two_dimensions(api, admin, bureau, records):
    params = {"indicators": "hazards.found", "year": 2026, "period": "H1"}
    body = api(admin).get("/api/v1/stats", params | {"region": "4301", "group_by": "county"}).json()
    assert [(g["label"], g["values"]["hazards.found"]) for g in body["groups"]] == [
        ("芙蓉区", 4),
        ("天心区", 1),
    ]
    body = api(bureau).get("/api/v1/stats", params | {"group_by": "street,industry"}).json()
    assert [(g["by"], g["label"], g["values"]["hazards.found"]) for g in body["groups"]] == [
        ({"street": "430102001", "industry": "gas"}, "文艺路街道 · 城镇燃气", 1),
        ({"street": "430102015", "industry": "commerce_trade"}, "东岸街道 · 商贸", 1),
        ({"street": "430102015", "industry": "construction"}, "东岸街道 · 建筑施工", 2),
    ]


def test_a_rate_of_a_group_without_its_denominator_is_null(api, bureau, records):
    params = {"indicators": "hazards.found,hazards.major_rectification_rate", "year": 2026, "period": "H1"}
    body = api(bureau).get("/api/v1/stats", params | {"group_by": "street"}).json()
    rates = {g["key"]: g["values"]["hazards.major_rectification_rate"] for g in body["groups"]}
    assert rates == {"430102001": 100, "430102015": None}  # 东岸 found hazards, none of them major


def test_the_api_is_scoped(api, street, outsider, records):
    params = {"indicators": "hazards.found", "year": 2026, "period": "H1"}
    assert api(street).get("/api/v1/stats", params).json()["indicators"]["hazards.found"]["value"] == 3
    assert api(outsider).get("/api/v1/stats", params).json()["indicators"]["hazards.found"]["value"] == 1
    wider = api(street).get("/api/v1/stats", params | {"region": "430102"}).json()
    assert wider["indicators"]["hazards.found"]["value"] == 3


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"indicators": "hazards.nothing"}, "indicators"),
        ({"indicators": "hazards.found", "year": 2026, "period": "H3"}, "period"),
        ({"indicators": "hazards.found", "compare": "qoq"}, "compare"),
        ({"indicators": "hazards.found", "group_by": "planet"}, "group_by"),
        ({"indicators": "hazards.found", "group_by": "street,street"}, "group_by"),
        ({"indicators": "hazards.found", "group_by": "city,street,month"}, "group_by"),
        ({"indicators": "hazards.found", "from": "2026-05-01", "to": "2026-01-01"}, "to"),
    ],
)
def test_bad_questions_are_400(api, bureau, params, field):
    response = api(bureau).get("/api/v1/stats", params)
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_the_catalog_lists_every_indicator(api, bureau):
    keys = {row["key"] for row in api(bureau).get("/api/v1/stats/catalog").json()}
    assert {
        "inspections.count",
        "inspections.person_times",
        "inspections.units",
        "hazards.found",
        "hazards.rectified",
        "hazards.rectification_rate",
        "hazards.major_found",
        "hazards.listed",
        "hazards.overdue",
    } <= keys
