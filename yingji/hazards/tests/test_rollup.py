"""The month rollup answers exactly what the raw table answers, whatever writes hazards and
however late: random registrations, rectifications months later, cancellations, level and
region changes, bulk inserts and deletes — then every question is asked of both."""

import dataclasses
import datetime
import random
from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import F, Q
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from yingji.hazards import rollup
from yingji.hazards.models import (
    Hazard,
    HazardCityTotal,
    HazardCountyMonth,
    HazardCountyTotal,
    HazardDeadlineCity,
    HazardDeadlineCounty,
    HazardDeadlineMonth,
    HazardDeadlineStreet,
    HazardDeadlineTotal,
    HazardListedCounty,
    HazardListedMonth,
    HazardMajorCity,
    HazardMajorCounty,
    HazardMonth,
    HazardStreetTotal,
)
from yingji.stats.catalog import CATALOG, Query, remembering
from yingji.stats.periods import Period

pytestmark = pytest.mark.django_db
D = datetime.date
START = D(2025, 1, 1)
MEASURES = [
    "hazards.found",
    "hazards.rectified",
    "hazards.major_found",
    "hazards.major_rectified",
    "hazards.open",
    "hazards.overdue",
    "hazards.found_closed",
    "hazards.closed",
    "hazards.funds",
    "hazards.listed",
]


def _new(rng, enterprise) -> Hazard:
    found = START + datetime.timedelta(days=rng.randrange(700))
    return Hazard(
        enterprise=enterprise,
        region_id=enterprise.region_id,
        industry=enterprise.industry,
        description="随机隐患",
        found_at=found,
        level=rng.choice(["general"] * 4 + ["major"]),
        status="reported",
        deadline=rng.choice([None, found, found + datetime.timedelta(days=rng.choice([3, 15, 40, 120]))]),
    )


def _rectify(rng, hazard: Hazard) -> None:
    # Never in the future: entry refuses it, and the rollup relies on it for a running period.
    later = hazard.found_at + datetime.timedelta(days=rng.choice([0, 3, 20, 45, 200]))
    hazard.rectified_at = min(later, timezone.localdate())
    hazard.status = "rectified"
    hazard.funds = rng.choice([None, Decimal("0"), Decimal("1200.50"), Decimal("35000"), Decimal("0.10")])
    if rng.random() < 0.5:  # accepted and closed (销号) the same day, days or a month later
        later = hazard.rectified_at + datetime.timedelta(days=rng.choice([0, 2, 33]))
        hazard.closed_at = min(later, timezone.localdate())
        hazard.status = "closed"


def _random_writes(rng, enterprises, steps: int = 300) -> None:
    """Writes in every way the product writes: save(), bulk_create, queryset update, delete."""
    for _ in range(steps):
        choice = rng.random()
        hazards = list(Hazard.objects.order_by("id").values_list("id", flat=True))
        if choice < 0.35 or not hazards:
            _new(rng, rng.choice(enterprises)).save()
        elif choice < 0.45:
            Hazard.objects.bulk_create([_new(rng, rng.choice(enterprises)) for _ in range(rng.randint(2, 6))])
        elif choice < 0.7:
            hazard = Hazard.objects.get(pk=rng.choice(hazards))
            _rectify(rng, hazard)
            hazard.save()
        elif choice < 0.78:
            Hazard.objects.filter(pk=rng.choice(hazards)).update(status="cancelled")
        elif choice < 0.84:
            Hazard.objects.filter(pk=rng.choice(hazards), status="cancelled").update(status="reported")
        elif choice < 0.9:
            Hazard.objects.filter(pk=rng.choice(hazards)).update(level=rng.choice(["general", "major"]))
        elif choice < 0.905:  # the funds corrected
            Hazard.objects.filter(pk=rng.choice(hazards)).update(
                funds=rng.choice([None, Decimal("0.20"), Decimal("88")])
            )
        elif choice < 0.91:  # listed for supervision (挂牌督办) days after found, or the listing lifted
            Hazard.objects.filter(pk=rng.choice(hazards)).update(
                listed_on=rng.choice([None, F("found_at") + datetime.timedelta(days=rng.choice([0, 4, 30]))])
            )
        elif choice < 0.92:  # an extension granted: a later deadline
            Hazard.objects.filter(pk=rng.choice(hazards), deadline__isnull=False).update(
                deadline=F("deadline") + datetime.timedelta(days=rng.choice([5, 31]))
            )
        elif choice < 0.95:
            other = rng.choice(enterprises)
            Hazard.objects.filter(pk=rng.choice(hazards)).update(
                region_id=other.region_id, industry=other.industry, enterprise=other
            )
        else:
            Hazard.objects.filter(pk=rng.choice(hazards)).delete()


def _questions(rng, users):
    for _ in range(60):
        start = D(rng.choice([2025, 2026]), rng.randint(1, 12), 1)
        months = rng.choice([1, 3, 6, 12, 24])
        end_month = start.month - 1 + months
        end = D(start.year + end_month // 12, end_month % 12 + 1, 1) - datetime.timedelta(days=1)
        filters = rng.choice(
            [
                {},
                {"region": "430102015"},
                {"industry": "construction"},
                {"level": "major"},
                {"region": "4301"},
            ]
        )
        dims = rng.choice(
            [(), ("street",), ("county",), ("city",), ("industry",), ("month",), ("street", "industry")]
        )
        yield Query(user=rng.choice(users), period=Period(start, end), filters=filters), dims


def _raw(measure, query, dims):
    # The same measure with its rollup taken away: the raw table answers.
    bare = dataclasses.replace(measure, rollup=None)
    return bare.grouped(query, *dims) if dims else bare.value(query)


def _rolled(measure, query, dims):
    # The measure as the catalog has it: its rollup answers the whole months it can, the
    # records the partial months at either end and the residue the rollup's grain cannot tell.
    assert measure._parts(query, dims) is not None, "the rollup answers part of it"
    return measure.grouped(query, *dims) if dims else measure.value(query)


def _without_zeros(answer):
    """The groups with something to count; money to the fen (SQLite sums the records' funds as
    floating point: 0.1 + 0.2 is not 0.3 there)."""
    if not isinstance(answer, dict):
        return _to_fen(answer)
    return {k: _to_fen(v) for k, v in answer.items() if v}


def _to_fen(value):
    return value.quantize(Decimal("0.01")) if isinstance(value, Decimal) else value


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_rollup_answers_what_the_raw_table_answers_after_random_writes(
    seed, enterprises, admin, bureau, street, department
):
    rng = random.Random(seed)
    _random_writes(rng, list(enterprises.values()))
    for query, dims in _questions(rng, [admin, bureau, street, department]):
        for key in MEASURES:
            if key == "hazards.overdue" and "month" in dims:
                continue  # a snapshot on a day has no months: the records answer
            measure = CATALOG[key]
            raw, rolled = _raw(measure, query, dims), _rolled(measure, query, dims)
            assert _without_zeros(rolled) == _without_zeros(raw), (key, query, dims)


def _partial_questions(rng, users):
    """Periods that start and end inside a month — year to date, 10 March to 20 August, a few
    days — some cut earlier by as_of, and some reaching past today."""
    for _ in range(60):
        start = START + datetime.timedelta(days=rng.randrange(690))
        end = start + datetime.timedelta(days=rng.choice([3, 40, 95, 200, 400]))
        as_of = rng.choice([None, None, end - datetime.timedelta(days=rng.randrange(20))])
        filters = rng.choice([{}, {"region": "430102015"}, {"industry": "construction"}, {"level": "major"}])
        dims = rng.choice([(), ("street",), ("county",), ("industry",), ("month",), ("street", "industry")])
        yield Query(user=rng.choice(users), period=Period(start, end), filters=filters, as_of=as_of), dims


@pytest.mark.parametrize("seed", [4, 5])
def test_partial_months_at_either_end_add_up_exactly_from_the_records(seed, enterprises, admin, bureau, street, department):  # fmt: skip
    rng = random.Random(seed)
    _random_writes(rng, list(enterprises.values()))
    used = taken = 0
    for query, dims in _partial_questions(rng, [admin, bureau, street, department]):
        # Inside an answer the partial months of the measures that read the same rows are
        # counted in one statement (Measure._raw_part); outside, each alone: both exact.
        with remembering():
            together = {key: _ask(CATALOG[key], query, dims) for key in MEASURES}
        for key in MEASURES:
            measure = CATALOG[key]
            parts = measure._parts(query, dims)
            used += parts is not None
            taken += parts is not None and any(p.sign < 0 for p in parts[1])
            bare = dataclasses.replace(measure, rollup=None)
            raw = _without_zeros(bare.grouped(query, *dims) if dims else bare.value(query))
            assert _without_zeros(_ask(measure, query, dims)) == raw, (key, query, dims)
            assert _without_zeros(together[key]) == raw, (key, query, dims)
    assert used > 100  # most questions took their whole months from the rollup
    assert taken > 20  # and some, ending late in a month, that month less the days after


def _ask(measure, query, dims):
    return measure.grouped(query, *dims) if dims else measure.value(query)


def test_a_partial_month_is_read_once_for_the_measures_counting_its_rows(bureau):
    # Found and rectified to 15 March: January and February from the rollup; the hazards found
    # from 1 to 15 March counted once for both (and the rectified of those found before March,
    # rectified from 1 to 15 March, the residue, apart).
    query = Query(user=bureau, period=Period(D(2026, 1, 1), D(2026, 3, 15)), as_of=D(2026, 3, 15))
    with remembering(), CaptureQueriesContext(connection) as statements:
        CATALOG["hazards.rectification_rate"].value(query)
    raw = [s["sql"] for s in statements.captured_queries if '"hazards_hazard"' in s["sql"]]
    assert len(raw) == 2, raw


def _span(query):
    return query.period.start, query.period.end


def test_year_to_date_reads_eleven_months_from_the_rollup_and_the_rest_raw(bureau):
    ytd = Query(user=bureau, period=Period(D(2026, 1, 1), D(2026, 12, 4), "ytd"), as_of=D(2026, 12, 4))
    whole, raw = CATALOG["hazards.rectified"]._parts(ytd)
    assert (_span(whole), whole.cutoff) == ((D(2026, 1, 1), D(2026, 11, 30)), D(2026, 12, 4))
    days, months = raw
    assert (_span(days.query), days.extra, days.sign) == (
        (D(2026, 12, 1), D(2026, 12, 4)),
        Q(),
        1,
    )  # found 1–4 Dec
    assert _span(months.query) == (D(2026, 1, 1), D(2026, 11, 30))
    assert months.extra == Q(rectified_at__gte=D(2026, 12, 1))  # found before, rectified 1–4 Dec
    assert CATALOG["hazards.open"]._parts(ytd) is None  # a snapshot on the day: from the records


def test_year_to_date_late_in_a_month_reads_the_whole_month_less_the_days_after(bureau):
    # To 28 December 2025: three days after it in December, 28 in it. The rollup's twelve months
    # (those rectified by 31 December), less the hazards found 29–31 December, and less those
    # found in the year and rectified 29–31 December (after the cutoff).
    ytd = Query(user=bureau, period=Period(D(2025, 1, 1), D(2025, 12, 28), "ytd"))
    whole, raw = CATALOG["hazards.rectified"]._parts(ytd)
    assert (_span(whole), whole.cutoff) == ((D(2025, 1, 1), D(2025, 12, 31)), D(2025, 12, 28))
    after, residue = raw
    assert (_span(after.query), after.sign) == ((D(2025, 12, 29), D(2025, 12, 31)), -1)
    assert (residue.query.period, residue.query.cutoff) == (whole.period, D(2025, 12, 31))
    assert (residue.extra, residue.sign) == (Q(rectified_at__gt=D(2025, 12, 28)), -1)
    # Early in the month the rollup's months before it, and those rectified from the 1st added.
    early = Query(user=bureau, period=Period(D(2025, 1, 1), D(2025, 12, 4), "ytd"))
    residue = CATALOG["hazards.rectified"]._parts(early)[1][-1]
    assert (residue.extra, residue.sign) == (Q(rectified_at__gte=D(2025, 12, 1)), 1)
    # On the 15th more of December's days lie after it (16) than up to it: those 15 are added;
    # on the 16th fewer (15): they are taken away.
    for day, signs in ((15, [1]), (16, [-1])):
        mid = Query(user=bureau, period=Period(D(2025, 1, 1), D(2025, 12, day), "ytd"))
        assert [p.sign for p in CATALOG["hazards.found"]._parts(mid)[1]] == signs
    # Units counted distinct cannot take away: their rollup answers 1 January to the day itself.
    assert CATALOG["inspections.units"]._parts(ytd) == (ytd, [])


def test_the_days_taken_away_are_exact_when_records_lie_after_the_cutoff(enterprises, bureau):
    # Found on 5 and 30 December 2025, the second rectified the same day: to 28 December the
    # rollup's December (both) less the 30th (one) is one found, none rectified — and no
    # street left with nothing but the days taken away.
    a, c = enterprises["A"], enterprises["C"]  # two streets
    for enterprise, day in ((a, 5), (c, 30)):
        Hazard.objects.create(
            enterprise=enterprise, region_id=enterprise.region_id, industry=enterprise.industry,
            description="十二月", found_at=D(2025, 12, day), deadline=D(2025, 12, 31),
            rectified_at=D(2025, 12, 30) if day == 30 else None,
            status="rectified" if day == 30 else "rectifying",
        )  # fmt: skip
    query = Query(user=bureau, period=Period(D(2025, 1, 1), D(2025, 12, 28)))
    assert [p.sign for p in CATALOG["hazards.found"]._parts(query)[1]] == [-1]
    assert CATALOG["hazards.found"].value(query) == 1
    assert CATALOG["hazards.rectified"].value(query) == 0  # rectified on the 30th
    to_30th = Query(user=bureau, period=Period(D(2025, 1, 1), D(2025, 12, 30)))
    assert (CATALOG["hazards.found"].value(to_30th), CATALOG["hazards.rectified"].value(to_30th)) == (2, 1)
    assert CATALOG["hazards.found"].grouped(query, "street") == {a.region_id: 1}


def _hazard(enterprise, found, rectified=None):
    return Hazard.objects.create(
        enterprise=enterprise, region_id=enterprise.region_id, industry=enterprise.industry,
        description="隐患", found_at=found, deadline=found + datetime.timedelta(days=30), rectified_at=rectified,
        status="rectified" if rectified else "rectifying",
    )  # fmt: skip


def test_a_period_ending_today_reads_todays_month_from_the_rollup_and_takes_away_what_comes_after(
    enterprises, bureau, monkeypatch
):
    # Today is 4 March, early in its month. Nothing is found or rectified after today as entry
    # goes, so the rollup counts March whole and the records take away those found after the
    # 4th, and those rectified after it: index ranges with nothing in them, where adding
    # those found, and rectified, 1–4 March read them all. Were some there after all (written
    # past the services), they are taken away: still exact.
    monkeypatch.setattr(timezone, "localdate", lambda *args: D(2026, 3, 4))
    a = enterprises["A"]
    _hazard(a, D(2026, 1, 10), D(2026, 2, 2))
    _hazard(a, D(2026, 2, 20), D(2026, 3, 2))
    _hazard(a, D(2026, 3, 3), D(2026, 3, 3))
    _hazard(a, D(2026, 2, 25), D(2026, 3, 20))  # rectified after "today": not rectified by it
    _hazard(a, D(2026, 3, 10), D(2026, 3, 10))  # found after "today": not in the period
    ytd = Query(user=bureau, period=Period(D(2026, 1, 1), D(2026, 3, 4), "ytd"))
    found, rectified = CATALOG["hazards.found"], CATALOG["hazards.rectified"]
    (after,) = found._parts(ytd)[1]
    assert (_span(after.query), after.sign) == ((D(2026, 3, 5), D(2026, 3, 31)), -1)
    after, residue = rectified._parts(ytd)[1]
    assert (_span(after.query), after.sign) == ((D(2026, 3, 5), D(2026, 3, 31)), -1)
    assert (residue.extra, residue.sign, residue.query.cutoff) == (Q(rectified_at__gt=D(2026, 3, 4)), -1, D(2026, 3, 31))  # fmt: skip
    assert found.value(ytd) == _raw(found, ytd, ()) == 4
    assert rectified.value(ytd) == _raw(rectified, ytd, ()) == 3
    assert rectified.grouped(ytd, "street") == _raw(rectified, ytd, ("street",)) == {a.region_id: 3}
    # To yesterday, a past day early in its month: those rectified from the 1st are added.
    to_yesterday = Query(user=bureau, period=Period(D(2026, 1, 1), D(2026, 3, 3), "ytd"))
    residue = rectified._parts(to_yesterday)[1][-1]
    assert (residue.extra, residue.sign) == (Q(rectified_at__gte=D(2026, 3, 1)), 1)
    assert rectified.value(to_yesterday) == 3


def test_a_number_whose_groups_the_answer_counted_is_their_sum(enterprises, bureau):
    # A page asks for the region's parts before its cards: the card's number is then the sum of
    # the groups (whole months, partial month and residue alike), not another statement.
    a, c = enterprises["A"], enterprises["C"]
    _hazard(a, D(2025, 1, 10), D(2025, 3, 2))  # the residue: found before March, rectified in it
    _hazard(c, D(2025, 2, 1), D(2025, 2, 5))
    _hazard(c, D(2025, 3, 3), D(2025, 3, 3))  # the partial month
    _hazard(a, D(2025, 3, 4))
    query = Query(user=bureau, period=Period(D(2025, 1, 1), D(2025, 3, 4)))
    keys = ["hazards.found", "hazards.rectified"]
    with remembering():
        groups = [CATALOG[k].grouped(query, "street") for k in keys]
        with CaptureQueriesContext(connection) as statements:
            values = [CATALOG[k].value(query) for k in keys]
    assert statements.captured_queries == []
    assert (
        values == [sum(g.values()) for g in groups] == [_raw(CATALOG[k], query, ()) for k in keys] == [4, 3]
    )


def _overdue_questions(rng, users):
    """Overdue on a day: month ends, the middle of a month, today, a year ago; by region, industry,
    level, street and county."""
    today = timezone.localdate()
    for _ in range(50):
        day = rng.choice([START + datetime.timedelta(days=rng.randrange(700)), today, today - datetime.timedelta(days=365)])  # fmt: skip
        if rng.random() < 0.3:  # a month's last day
            day = day.replace(day=28) + datetime.timedelta(days=4)
            day = min(day.replace(day=1) - datetime.timedelta(days=1), today)
        filters = rng.choice([{}, {"region": "430102015"}, {"industry": "construction"}, {"level": "major"}])
        dims = rng.choice([(), ("street",), ("county",), ("city",), ("industry",), ("street", "industry")])
        yield (
            Query(user=rng.choice(users), period=Period(day.replace(month=1, day=1), day), filters=filters),
            dims,
        )


@pytest.mark.parametrize("seed", [6, 7])
def test_overdue_on_any_day_from_the_deadline_rollup_is_what_the_records_say(seed, enterprises, admin, bureau, street, department):  # fmt: skip
    rng = random.Random(seed)
    _random_writes(rng, list(enterprises.values()))
    measure = CATALOG["hazards.overdue"]
    bare = dataclasses.replace(measure, rollup=None)
    counted = 0
    for query, dims in _overdue_questions(rng, [admin, bureau, street, department]):
        assert measure._parts(query, dims) is not None
        raw = bare.grouped(query, *dims) if dims else bare.value(query)
        answer = measure.grouped(query, *dims) if dims else measure.value(query)
        assert _without_zeros(answer) == _without_zeros(raw), (query, dims)
        counted += bool(raw)
    assert counted > 10  # the questions found overdue hazards to count


def test_overdue_early_in_a_past_month_counts_what_was_rectified_up_to_that_day(enterprises, bureau):
    # Due in May 2025; one rectified on 2 June, one on 20 June, one never. On 3 June the first
    # is no longer overdue, the other two are; the rollup's "rectified in June or later" holds
    # all three, and the one rectified by the 3rd is taken away.
    a = enterprises["A"]
    for rectified in (D(2025, 6, 2), D(2025, 6, 20), None):
        Hazard.objects.create(
            enterprise=a, region_id=a.region_id, industry=a.industry, description="到期未改",
            found_at=D(2025, 5, 1), deadline=D(2025, 5, 20), rectified_at=rectified,
            status="rectified" if rectified else "rectifying",
        )  # fmt: skip
    measure = CATALOG["hazards.overdue"]
    query = Query(user=bureau, period=Period(D(2025, 1, 1), D(2025, 6, 3)))
    assert measure.value(query) == 2
    assert _without_zeros(measure.grouped(query, "street")) == {a.region_id: 2}
    assert measure.value(dataclasses.replace(query, period=Period(D(2025, 1, 1), D(2025, 6, 25)))) == 1


def test_overdue_late_in_a_month_takes_away_what_is_not_due_yet(enterprises, bureau):
    # On 30 June 2025: due 10 June and open (overdue); due 30 June, open (not overdue: due that
    # very day); due 20 June and rectified on 29 June (not overdue); due 15 June and rectified
    # on 30 June, the day itself (not overdue). The rollup's June holds the open ones; the one
    # due on the 30th is taken away.
    a = enterprises["A"]
    for deadline, rectified in ((10, None), (30, None), (20, 29), (15, 30)):
        Hazard.objects.create(
            enterprise=a, region_id=a.region_id, industry=a.industry, description="六月到期",
            found_at=D(2025, 6, 1), deadline=D(2025, 6, deadline),
            rectified_at=rectified and D(2025, 6, rectified),
            status="rectified" if rectified else "rectifying",
        )  # fmt: skip
    measure = CATALOG["hazards.overdue"]
    june = Query(user=bureau, period=Period(D(2025, 1, 1), D(2025, 6, 30)))
    assert measure._parts(june)[1] == []  # no residue: the rollup, less what is due on the 30th
    assert measure.value(june) == 1
    assert _without_zeros(measure.grouped(june, "street")) == {a.region_id: 1}
    # On 25 June the one due on the 30th is not due yet; the other three are past their
    # deadlines and not rectified yet (two of them rectified in June after the 25th: residue).
    assert measure.value(dataclasses.replace(june, period=Period(D(2025, 1, 1), D(2025, 6, 25)))) == 3


def _tables():
    return [
        sorted(
            grain.model.objects.exclude(hazards=0).values_list(
                grain.month, "region_code", "industry", "level", grain.then_month, "hazards", "funds_fen"
            )
        )
        for grain in rollup.GRAINS
    ]


def test_triggers_keep_the_table_equal_to_a_rebuild(enterprises):
    _random_writes(random.Random(9), list(enterprises.values()), steps=200)
    kept = _tables()
    rollup.rebuild()
    assert kept == _tables()
    streets, street_totals, counties, totals, cities, majors, major_cities, *due, closed, _, _, listed, _ = kept  # fmt: skip
    assert all(due) and sum(n for *_, n, _fen in due[0]) == Hazard.objects.exclude(status="cancelled").exclude(deadline=None).count()  # fmt: skip
    assert sum(n for *_, n, _fen in closed) == Hazard.objects.exclude(status="cancelled").count()
    assert sum(n for *_, month, n, _fen in closed if month != HazardMonth.NOT_RECTIFIED) == Hazard.objects.exclude(status="cancelled").exclude(closed_at=None).count()  # fmt: skip
    assert sum(n for *_, n, _fen in listed) == Hazard.objects.exclude(status="cancelled").exclude(listed_on=None).count() > 0  # fmt: skip
    assert all(count > 0 for *_, count, _fen in streets + counties + totals + cities)
    spent = Hazard.objects.exclude(status="cancelled").exclude(funds=None).values_list("funds", flat=True)
    assert sum(fen for *_, fen in streets) == sum(int(funds * 100) for funds in spent) > 0
    assert {code for _, code, *_ in cities} == {code for _, code, *_ in major_cities} == {"4301"}
    assert sum(n for *_, n, _fen in major_cities) == sum(n for *_, n, _fen in majors) == Hazard.objects.exclude(status="cancelled").filter(level="major").count() > 0  # fmt: skip
    assert {code for _, code, *_ in counties} == {code for _, code, *_ in totals} == {"430102", "430103"}
    assert {(industry, level) for _, _, industry, level, *_ in totals + street_totals} == {("", "")}
    assert sum(n for *_, n, _fen in street_totals) == sum(n for *_, n, _fen in streets)
    assert {code for _, code, *_ in street_totals} == {code for _, code, *_ in streets}
    assert {(industry, level) for _, _, industry, level, *_ in majors} == {("", "major")}
    assert sum(n for *_, n, _fen in majors) == Hazard.objects.exclude(status="cancelled").filter(level="major").count() > 0  # fmt: skip


def test_a_hazard_rectified_months_later_moves_between_old_months_numbers(enterprises, bureau):
    hazard = _new(random.Random(0), enterprises["A"])
    hazard.found_at = D(2026, 1, 10)
    hazard.save()
    h1 = Query(user=bureau, period=Period(D(2026, 1, 1), D(2026, 6, 30), "half"))
    year = Query(user=bureau, period=Period(D(2026, 1, 1), D(2026, 12, 31), "year"))
    hazard.status, hazard.rectified_at = "rectified", D(2026, 8, 3)
    hazard.save()
    assert CATALOG["hazards.rectified"].value(h1) == 0  # not by 30 June
    assert CATALOG["hazards.rectified"].value(year) == 1
    hazard.status = "cancelled"
    hazard.save()
    assert CATALOG["hazards.found"].value(year) == 0


@pytest.mark.parametrize(
    ("period", "as_of", "filters", "dims", "persona"),
    [
        (Period(D(2026, 1, 1), D(2026, 6, 15)), None, {}, (), "bureau"),  # not whole months
        (Period(D(2026, 1, 2), D(2026, 6, 30)), None, {}, (), "bureau"),
        (Period(D(2026, 1, 1), D(2026, 6, 30)), D(2026, 5, 1), {}, (), "bureau"),  # cut earlier
        (Period(D(2026, 1, 1), D(2026, 6, 30)), None, {"source": "complaint"}, (), "bureau"),
        (Period(D(2026, 1, 1), D(2026, 6, 30)), None, {}, (), "enterprise_user"),  # scoped by enterprise
    ],
)
def test_questions_the_rollup_cannot_answer_go_to_the_raw_table(
    request, period, as_of, filters, dims, persona
):
    query = Query(user=request.getfixturevalue(persona), period=period, filters=filters, as_of=as_of)
    assert not CATALOG["hazards.found"].rollup.answers(query, dims)


def _read_by(indicator, user, dims=(), **filters):
    query = Query(user=user, period=Period(D(2026, 1, 1), D(2026, 6, 30)), filters=filters)
    return CATALOG[indicator].rollup.queryset(query, dims).model


def test_each_question_reads_the_smallest_rollup_that_keeps_what_it_needs(bureau, street, department, admin):
    assert _read_by("hazards.found", bureau) is HazardCountyTotal
    assert _read_by("hazards.found", admin, region="43") is HazardCityTotal
    assert _read_by("hazards.found", admin, ("month",), region="43") is HazardCityTotal
    assert _read_by("hazards.found", admin, ("county",), region="43") is HazardCountyTotal
    assert _read_by("hazards.found", bureau, ("industry",)) is HazardCountyMonth
    assert _read_by("hazards.found", bureau, level="major") is HazardMajorCounty
    assert _read_by("hazards.found", department) is HazardCountyMonth  # scoped by industry
    assert _read_by("hazards.major_found", bureau) is HazardMajorCounty
    assert _read_by("hazards.major_found", admin, ("city",), region="43") is HazardMajorCity
    assert _read_by("hazards.major_found", admin, ("county",), region="43") is HazardMajorCounty
    assert _read_by("hazards.major_rectified", admin, ("month",), region="4301") is HazardMajorCity
    assert _read_by("hazards.major_rectified", bureau, ("month",)) is HazardMajorCounty
    assert _read_by("hazards.major_found", bureau, ("industry",)) is HazardCountyMonth
    assert _read_by("hazards.major_found", department) is HazardCountyMonth
    assert _read_by("hazards.major_found", bureau, ("street",)) is HazardMonth
    assert _read_by("hazards.found", bureau, ("street",)) is HazardStreetTotal
    assert _read_by("hazards.found", bureau, ("street",), industry="construction") is HazardMonth
    assert _read_by("hazards.found", street) is HazardStreetTotal
    assert _read_by("hazards.found", admin, region="430102015") is HazardStreetTotal
    assert _read_by("hazards.found", admin, ("industry",), region="430102015") is HazardMonth
    assert _read_by("hazards.found", admin, ("street",), level="major") is HazardMonth
    # Overdue, by the month due: by city for a province's or a city's headline and map.
    assert _read_by("hazards.overdue", admin, region="43") is HazardDeadlineCity
    assert _read_by("hazards.overdue", admin, ("city",), region="43") is HazardDeadlineCity
    assert _read_by("hazards.overdue", admin, ("county",), region="4301") is HazardDeadlineTotal
    assert _read_by("hazards.overdue", bureau) is HazardDeadlineTotal
    assert _read_by("hazards.overdue", bureau, level="major") is HazardDeadlineCounty
    assert _read_by("hazards.overdue", department) is HazardDeadlineCounty
    assert _read_by("hazards.overdue", street) is HazardDeadlineStreet
    assert _read_by("hazards.overdue", bureau, ("street",), level="major") is HazardDeadlineMonth
    # The listed hazards: by county, all industries together, unless the question needs more.
    assert _read_by("hazards.listed", bureau) is HazardListedCounty
    assert _read_by("hazards.listed", admin, ("city",), region="43") is HazardListedCounty
    assert _read_by("hazards.listed", bureau, ("industry",)) is HazardListedMonth
    assert _read_by("hazards.listed", bureau, level="major") is HazardListedMonth
    assert _read_by("hazards.listed", department) is HazardListedMonth
    assert _read_by("hazards.listed", street) is HazardListedMonth


def test_whole_months_with_a_later_as_of_still_use_the_rollup(bureau):
    query = Query(user=bureau, period=Period(D(2026, 1, 1), D(2026, 6, 30)), as_of=D(2026, 9, 1))
    assert CATALOG["hazards.rectified"].rollup.answers(query, ("street",))
