"""The inspection rollups answer exactly what the inspections answer, whatever writes them:
random inspections saved and bulk-inserted, moved to another day, kind, enterprise or region,
given more inspectors, deleted, their enterprises graded and ungraded in the registry — then
every question is asked of both. Units are counted distinct: an enterprise inspected twice in a
period is one unit, wherever the months fall."""

import dataclasses
import datetime
import random

import pytest
from django.db.models import F

from yingji.enterprises.models import Enterprise
from yingji.inspections import rollup
from yingji.inspections.models import (
    Inspection,
    InspectionCityTotal,
    InspectionCountyMonth,
    InspectionCountyTotal,
    InspectionMonth,
    InspectionStreetTotal,
)
from yingji.stats.catalog import CATALOG, Query, remembering
from yingji.stats.periods import Period

pytestmark = pytest.mark.django_db
D = datetime.date
START = D(2025, 1, 1)
COUNTS = [
    "inspections.count",
    "inspections.person_times",
    "inspections.supervision",
    "inspections.supervision_person_times",
    "inspections.self_checks",
]
UNITS = ["inspections.units", "inspections.supervision_units", "plans.inspected"]
TYPES = ["daily", "special", "self_check", "self_check", "law_enforcement"]
GRADES = ["", "major", "relatively_high", "general", "low"]


def _new(rng, enterprise) -> Inspection:
    return Inspection(
        enterprise=enterprise,
        region_id=enterprise.region_id,
        industry=enterprise.industry,
        inspected_on=START + datetime.timedelta(days=rng.randrange(700)),
        type=rng.choice(TYPES),
        inspector_count=rng.randint(1, 4),
    )


def _grade(rng, enterprises) -> None:
    """The registry grades or ungrades an enterprise: by save(), or by a queryset update of several."""
    if rng.random() < 0.5:
        enterprise = Enterprise.objects.get(pk=rng.choice(enterprises).pk)
        enterprise.risk_grade = rng.choice(GRADES)
        enterprise.save()
    else:
        chosen = [e.pk for e in rng.sample(enterprises, 2)]
        Enterprise.objects.filter(pk__in=chosen).update(risk_grade=rng.choice(GRADES))


def _random_writes(rng, enterprises, steps: int = 250) -> None:
    """Writes in every way the product writes: save(), bulk_create, queryset update, delete;
    and the registry's grades changed between them."""
    for _ in range(steps):
        choice = rng.random()
        ids = list(Inspection.objects.order_by("id").values_list("id", flat=True))
        if rng.random() < 0.08:
            _grade(rng, enterprises)
        if choice < 0.4 or not ids:
            _new(rng, rng.choice(enterprises)).save()
        elif choice < 0.5:
            Inspection.objects.bulk_create(
                [_new(rng, rng.choice(enterprises)) for _ in range(rng.randint(2, 6))]
            )
        elif choice < 0.62:  # a date corrected: into another month, or another year
            Inspection.objects.filter(pk=rng.choice(ids)).update(
                inspected_on=F("inspected_on") + datetime.timedelta(days=rng.choice([-40, -3, 9, 200]))
            )
        elif choice < 0.72:
            Inspection.objects.filter(pk=rng.choice(ids)).update(type=rng.choice(TYPES))
        elif choice < 0.8:
            Inspection.objects.filter(pk=rng.choice(ids)).update(inspector_count=rng.randint(1, 5))
        elif choice < 0.86:  # recorded under the wrong enterprise
            other = rng.choice(enterprises)
            Inspection.objects.filter(pk=rng.choice(ids)).update(enterprise=other, region_id=other.region_id, industry=other.industry)  # fmt: skip
        elif choice < 0.9:  # the enterprise's region changed: its later inspections carry the new one
            moved = rng.choice(enterprises)
            Inspection.objects.filter(pk=rng.choice(ids)).update(enterprise=moved, region_id="430103002")
        elif choice < 0.95:
            Inspection.objects.filter(pk=rng.choice(ids)).delete()
        else:
            Inspection.objects.filter(pk__in=rng.sample(ids, min(3, len(ids)))).delete()


def _questions(rng, users, *, from_new_year: bool = False):
    """Whole months, periods starting and ending inside a month, and (for units) periods from
    1 January to any day of that year."""
    for _ in range(70):
        if from_new_year:
            year = rng.choice([2025, 2026])
            start = D(year, 1, 1)
            end = start + datetime.timedelta(days=rng.randrange(365))
        elif rng.random() < 0.5:
            start = D(rng.choice([2025, 2026]), rng.randint(1, 12), 1)
            months = start.month - 1 + rng.choice([1, 3, 6, 12])
            end = D(start.year + months // 12, months % 12 + 1, 1) - datetime.timedelta(days=1)
        else:
            start = START + datetime.timedelta(days=rng.randrange(690))
            end = start + datetime.timedelta(days=rng.choice([3, 40, 95, 200, 400]))
        filters = rng.choice([{}, {"region": "430102015"}, {"industry": "construction"}, {"region": "4301"}])
        if not from_new_year and rng.random() < 0.25:  # the month tables keep the type
            filters = {**filters, "type": rng.choice(TYPES)}
        dims = rng.choice([(), ("street",), ("county",), ("city",), ("industry",), ("street", "industry")])
        if not from_new_year and rng.random() < 0.3:
            dims = ("month",)
        yield Query(user=rng.choice(users), period=Period(start, end), filters=filters), dims


def _without_zeros(answer):
    return {k: v for k, v in answer.items() if v} if isinstance(answer, dict) else answer


def _ask(measure, query, dims):
    return measure.grouped(query, *dims) if dims else measure.value(query)


def _check(keys, questions) -> int:
    used = 0
    for query, dims in questions:
        # Inside an answer a partial month is counted once for the measures reading its rows
        # (stats.catalog.Measure._raw_part); outside, each alone: both what the records say.
        with remembering():
            together = {key: _ask(CATALOG[key], query, dims) for key in keys}
        for key in keys:
            measure = CATALOG[key]
            used += measure._parts(query, dims) is not None
            raw = _without_zeros(_ask(dataclasses.replace(measure, rollup=None), query, dims))
            assert _without_zeros(_ask(measure, query, dims)) == raw, (key, query, dims)
            assert _without_zeros(together[key]) == raw, (key, query, dims)
    return used


@pytest.mark.parametrize("seed", [1, 2])
def test_counts_and_person_times_from_the_month_rollups_are_what_the_records_say(seed, enterprises, admin, bureau, street, department):  # fmt: skip
    rng = random.Random(seed)
    _random_writes(rng, list(enterprises.values()))
    used = _check(COUNTS, _questions(rng, [admin, bureau, street, department]))
    assert used > 200  # most questions took their whole months from the rollup


@pytest.mark.parametrize("seed", [3, 4])
def test_units_from_new_year_to_any_day_are_the_enterprises_counted_distinct(seed, enterprises, admin, bureau, street, department):  # fmt: skip
    rng = random.Random(seed)
    _random_writes(rng, list(enterprises.values()))
    used = _check(UNITS, _questions(rng, [admin, bureau, street, department], from_new_year=True))
    assert used > 100


def test_units_over_other_periods_are_counted_from_the_records(bureau):
    h2 = Query(user=bureau, period=Period(D(2026, 7, 1), D(2026, 12, 31)))
    across = Query(user=bureau, period=Period(D(2025, 1, 1), D(2026, 6, 30)))
    by_month = Query(user=bureau, period=Period(D(2026, 1, 1), D(2026, 6, 30)))
    assert CATALOG["inspections.units"]._parts(h2) is None
    assert CATALOG["inspections.units"]._parts(across) is None
    assert CATALOG["inspections.units"]._parts(by_month, ("month",)) is None  # distinct per month


def test_an_enterprise_inspected_in_two_months_and_two_streets_is_one_unit(enterprises, bureau):
    a = enterprises["A"]
    wenyilu = "430102001"  # A is in 东岸; an inspection recorded it under 文艺路
    for day, region in [(D(2026, 3, 2), a.region_id), (D(2026, 5, 6), a.region_id), (D(2026, 6, 1), wenyilu)]:
        Inspection.objects.create(
            enterprise=a, region_id=region, industry=a.industry, inspected_on=day, type="daily"
        )
    h1 = Query(user=bureau, period=Period(D(2026, 1, 1), D(2026, 6, 30)))
    units = CATALOG["inspections.units"]
    assert units._parts(h1) is not None
    assert units.grouped(h1, "street") == {a.region_id: 1, wenyilu: 1}
    assert units.value(h1) == 1  # one enterprise, though two streets recorded it
    assert units.grouped(h1, "county") == {"430102": 1}
    assert CATALOG["inspections.count"].value(h1) == 3
    q1 = Query(user=bureau, period=Period(D(2026, 1, 1), D(2026, 3, 31)))
    assert units.value(q1) == 1
    Inspection.objects.filter(inspected_on=D(2026, 3, 2)).delete()  # its first day moves to May
    assert units.value(q1) == 0
    assert units.value(h1) == 1


def test_self_checks_are_units_but_not_supervised_units(enterprises, bureau):
    a = enterprises["A"]
    Inspection.objects.create(enterprise=a, region_id=a.region_id, industry=a.industry, inspected_on=D(2026, 2, 3), type="self_check", inspector_count=2)  # fmt: skip
    year = Query(user=bureau, period=Period(D(2026, 1, 1), D(2026, 12, 31)))
    assert [CATALOG[k].value(year) for k in ["inspections.units", "inspections.supervision_units"]] == [1, 0]
    assert [CATALOG[k].value(year) for k in ["inspections.count", "inspections.self_checks", "inspections.supervision"]] == [1, 1, 0]  # fmt: skip
    assert CATALOG["inspections.person_times"].value(year) == 2


def test_leader_led_and_unannounced_inspections_are_counted_from_the_month_tables(enterprises, bureau):
    """The work summary's 领导带队 and 四不两直 figures: inspections.count of one type."""
    a, b, c = enterprises["A"], enterprises["B"], enterprises["C"]
    for e, day, kind, inspectors in [
        (a, D(2026, 2, 3), "leader", 1),
        (a, D(2026, 4, 5), "leader", 3),
        (b, D(2026, 3, 1), "unannounced", 2),
        (c, D(2026, 3, 9), "daily", 2),
    ]:
        Inspection.objects.create(enterprise=e, region_id=e.region_id, industry=e.industry, inspected_on=day, type=kind, inspector_count=inspectors)  # fmt: skip

    def h1(kind):
        return Query(user=bureau, period=Period(D(2026, 1, 1), D(2026, 6, 30)), filters={"type": kind})

    count, person_times = CATALOG["inspections.count"], CATALOG["inspections.person_times"]
    assert count._parts(h1("leader")) is not None
    assert [count.value(h1(kind)) for kind in ("leader", "unannounced", "daily", "self_check")] == [2, 1, 1, 0]
    assert person_times.value(h1("leader")) == 4
    assert count.grouped(h1("leader"), "month") == {"2026-02": 1, "2026-04": 1}


def test_graded_units_follow_the_registry_grade_whenever_it_changes(enterprises, bureau):
    """plans.inspected counts graded enterprises a supervisor inspected: the grade is the
    registry's now, not when inspected; a self-check does not count."""
    a, b = enterprises["A"], enterprises["B"]
    for e, kind in [(a, "daily"), (b, "self_check")]:
        Inspection.objects.create(enterprise=e, region_id=e.region_id, industry=e.industry, inspected_on=D(2026, 3, 4), type=kind)  # fmt: skip
    h1 = Query(user=bureau, period=Period(D(2026, 1, 1), D(2026, 6, 30)))
    graded = CATALOG["plans.inspected"]
    assert graded._parts(h1) is not None
    assert graded.value(h1) == 0  # neither is graded yet
    Enterprise.objects.filter(pk__in=[a.pk, b.pk]).update(risk_grade="major")
    assert graded.value(h1) == 1  # A; B only checked itself
    a.refresh_from_db()
    a.risk_grade = ""
    a.save()
    assert graded.value(h1) == 0
    Inspection.objects.create(enterprise=b, region_id=b.region_id, industry=b.industry, inspected_on=D(2026, 6, 9), type="special")  # fmt: skip
    assert graded.value(h1) == 1  # B, graded before this inspection
    assert graded.value(Query(user=bureau, period=Period(D(2026, 1, 1), D(2026, 5, 31)))) == 0


def _tables():
    months = [
        sorted(
            grain.model.objects.exclude(inspections=0).values_list(
                "month", "region_code", "industry", "type", "inspections", "person_times"
            )
        )  # fmt: skip
        for grain in rollup.GRAINS
    ]
    months += [
        sorted(
            grain.model.objects.exclude(units=0, supervised_units=0, graded_units=0).values_list(
                "month", "region_code", "industry", "units", "supervised_units", "graded_units"
            )
        )  # fmt: skip
        for grain in rollup.UNIT_GRAINS
    ]
    units = sorted(
        rollup.InspectedUnit.objects.values_list(
            "enterprise_id", "year", "region_code", "industry", "first_day", "first_supervision_day", "shared", "risk_grade"
        )  # fmt: skip
    )
    return months, units


def test_triggers_keep_the_tables_equal_to_a_rebuild(enterprises):
    _random_writes(random.Random(9), list(enterprises.values()), steps=200)
    kept = _tables()
    rollup.rebuild()
    assert kept == _tables()
    (streets, street_totals, counties, totals, cities, unit_streets, *_), units = kept
    assert sum(row[4] for row in streets) == Inspection.objects.count()
    assert sum(row[3] for row in unit_streets) == len(units)
    assert any(row[-2] for row in units)  # some enterprises were recorded under two regions
    assert {row[-1] for row in units} - {""}  # and some were graded
    assert {code for _, code, *_ in counties} == {code for _, code, *_ in totals} == {"430102", "430103"}
    assert {industry for _, _, industry, *_ in totals + cities + street_totals} == {""}
    assert sum(row[4] for row in street_totals) == Inspection.objects.count()
    assert {code for _, code, *_ in cities} == {"4301"}
    assert sum(row[4] for row in cities) == sum(row[4] for row in totals) == Inspection.objects.count()
    assert len(units) == len(set(Inspection.objects.values_list("enterprise_id", "inspected_on__year", "region_id", "industry")))  # fmt: skip


def _read_by(user, dims=(), **filters):
    query = Query(user=user, period=Period(D(2026, 1, 1), D(2026, 6, 30)), filters=filters)
    return CATALOG["inspections.count"].rollup.queryset(query, dims).model


def test_each_question_reads_the_smallest_month_table_that_keeps_what_it_needs(
    bureau, street, department, admin
):
    assert _read_by(bureau) is InspectionCountyTotal
    assert _read_by(admin, ("county",), region="43") is InspectionCountyTotal
    assert _read_by(admin, region="43") is InspectionCityTotal
    assert _read_by(admin, ("city",)) is InspectionCityTotal
    assert _read_by(admin, ("city", "industry")) is InspectionCountyMonth
    assert _read_by(bureau, ("industry",)) is InspectionCountyMonth
    assert _read_by(department) is InspectionCountyMonth  # scoped by industry
    assert _read_by(bureau, industry="construction") is InspectionCountyMonth
    assert _read_by(street) is InspectionStreetTotal
    assert _read_by(bureau, ("street",)) is InspectionStreetTotal
    assert _read_by(street, ("industry",)) is InspectionMonth


@pytest.mark.parametrize(
    ("filters", "persona", "counts"),
    [
        ({"type": "leader"}, "bureau", True),  # the month tables keep the type, the units' do not
        ({"enterprise": "1"}, "bureau", False),
        ({}, "enterprise_user", False),
    ],
)
def test_questions_the_rollups_cannot_answer_go_to_the_records(request, filters, persona, counts):
    query = Query(
        user=request.getfixturevalue(persona), period=Period(D(2026, 1, 1), D(2026, 6, 30)), filters=filters
    )
    assert CATALOG["inspections.count"].rollup.answers(query) is counts
    assert not CATALOG["inspections.units"].rollup.answers(query)


@pytest.mark.parametrize("region", ["430103", "4301", "43", "430102001"])
def test_a_street_asking_for_wider_or_other_regions_gets_only_its_own_units(api, street, enterprises, region):
    """The rollups are read through the same scoping as the records: a street that names
    another county, its city, its province or a sibling street still counts only itself."""
    for key in "ACD":  # A in 东岸 (the street's own), C in 文艺路, D in 天心区
        e = enterprises[key]
        Inspection.objects.create(enterprise=e, region_id=e.region_id, industry=e.industry, inspected_on=D(2026, 2, 2), type="leader")  # fmt: skip
    Enterprise.objects.update(risk_grade="major")
    keys = ["inspections.units", "inspections.count", "plans.inspected"]
    path = f"/api/v1/stats?indicators={','.join(keys)}&year=2026&period=H1&region={region}"
    values = {k: v["value"] for k, v in api(street).get(path).json()["indicators"].items()}
    own = 1 if "430102015".startswith(region) else 0  # its city or province: itself; 天心区, 文艺路: none
    assert values == dict.fromkeys(keys, own)
    by_type = api(street).get(path.replace(",".join(keys), "inspections.count") + "&type=leader").json()
    assert by_type["indicators"]["inspections.count"]["value"] == own
