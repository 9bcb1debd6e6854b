"""Conditions and aggregates compiled once per process (yingji/stats/compiled.py): the SQL they
give selects what the ORM selects, what needs a join is left to the ORM, and a condition asked
again is not compiled again."""

import datetime

import pytest
from django.db import connection
from django.db.models import Count, Q, Sum
from django.test.utils import CaptureQueriesContext

from yingji.accidents.models import Accident
from yingji.complaints.models import Complaint
from yingji.stats import compiled
from yingji.stats.tests.test_accident_indicators import accident

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def accidents(db):
    rows = [
        ("road_traffic", (2026, 2, 3), 1, 0),
        ("road_traffic", (2026, 7, 9), 2, 1),
        ("fire", (2026, 3, 4), 0, 0),
    ]
    return [
        accident("430102015", (*day, 12), kind, deaths=deaths, missing=missing)
        for kind, day, deaths, missing in rows
    ]


def _count_where(model, conditions):
    sql, params = compiled.condition(model, conditions, "default")
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table} WHERE {sql}", params)  # noqa: S608 (a test's table)
        return cursor.fetchone()[0]


@pytest.mark.parametrize(
    "conditions",
    [
        [Q(kind="road_traffic")],
        [
            Q(occurred_at__date__gte=D(2026, 1, 1), occurred_at__date__lte=D(2026, 6, 30)),
            Q(kind="road_traffic"),
        ],
        [~Q(kind="fire"), Q(deaths__gt=0) | Q(missing__gt=0)],
        [Q(region="430102015"), Q(enterprise=None)],  # foreign keys compared, not followed
        [Q()],
        [Q(pk__in=[])],
    ],
)
def test_a_compiled_condition_selects_the_rows_the_orm_selects(accidents, conditions):
    expected = Accident.objects.filter(*conditions).count()
    assert _count_where(Accident, conditions) == expected


def test_a_condition_that_follows_a_relation_is_left_to_the_orm(db):
    assert compiled.condition(Accident, [Q(kind="fire"), Q(enterprise__name="x")], "default") is None


def test_the_same_condition_is_compiled_once(db, monkeypatch):
    calls = []
    original = compiled._compile_condition
    monkeypatch.setattr(compiled, "_compile_condition", lambda *a: calls.append(a) or original(*a))
    monkeypatch.setattr(compiled, "_conditions", {})
    for _ in range(3):
        compiled.condition(Complaint, [Q(status="closed"), Q(received_on__gte=D(2026, 1, 1))], "default")
    assert len(calls) == 2  # each of the two, once
    compiled.condition(Complaint, [Q(received_on__gte=D(2026, 7, 1))], "default")
    assert len(calls) == 3  # a new period: its condition only


@pytest.mark.parametrize(
    ("make", "plain"),
    [
        (lambda: Count("*"), True),
        (lambda: Sum("deaths"), True),
        (lambda: Sum("deaths", default=0), True),  # COALESCE(SUM(…) FILTER (WHERE …), 0)
        (lambda: Sum("direct_loss"), True),  # a decimal: CAST(SUM(…) FILTER (WHERE …) AS NUMERIC) on SQLite
        (lambda: Count("id", filter=Q(kind="fire")), False),
        (lambda: Count("enterprise__name"), False),  # a join
    ],
)
def test_only_an_aggregate_of_the_tables_own_columns_is_compiled_and_it_counts_what_the_orm_counts(
    accidents, make, plain
):
    counted = compiled.aggregate(Accident, make, "default")
    assert (counted is not None) is plain
    if counted is None:
        return
    for kind in ("road_traffic", "drowning"):  # rows, and none
        sql, params = counted.sql(compiled.condition(Accident, [Q(kind=kind)], "default"))
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {sql} FROM accidents_accident", params)  # noqa: S608 (a test's table)
            value = counted.convert(cursor.fetchone()[0], connection)
        assert value == Accident.objects.filter(kind=kind).aggregate(v=make())["v"]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (lambda: Accident.objects.all(), [3, 0]),  # an administrator's: nothing filtered it
        (
            lambda: Accident.objects.filter(region__code__startswith="430102"),
            [3, 0],
        ),  # a scope through a join
        (lambda: Accident.objects.filter(region__code__startswith="430103"), [0, None]),
        (lambda: Accident.objects.none(), [0, None]),  # as the ORM answers for no row
    ],
)
def test_a_statement_counts_the_rows_of_any_scope(accidents, rows, expected):
    numbers = [(Accident, lambda: Count("*"), []), (Accident, lambda: Sum("deaths"), [Q(kind="fire")])]
    scope = compiled.scope_of(rows())
    assert compiled.counted_in(scope, numbers, where=[Q(deaths__lt=5)]) == expected  # the fire killed no one


def test_a_condition_every_number_has_is_tested_once_in_where_and_the_numbers_stay_the_same(accidents):
    # Road traffic: two accidents, 1 + 2 = 3 deaths, 1 missing.
    road, with_deaths = Q(kind="road_traffic"), Q(deaths__gt=0)
    numbers = [
        (Accident, lambda: Count("*"), [road]),
        (Accident, lambda: Sum("deaths"), [road & with_deaths]),
        (Accident, lambda: Sum("missing"), [road & Q(missing__gt=0)]),
    ]
    scope = compiled.scope_of(Accident.objects.all())
    with CaptureQueriesContext(connection) as queries:
        assert compiled.counted_in(scope, numbers) == [2, 3, 1]
    where = queries[0]["sql"].split(" WHERE ", 1)[1]
    assert '"kind"' in where and queries[0]["sql"].count('"kind"') == 1  # in WHERE, in no FILTER
    # No condition in common: each keeps its own FILTER and counts what it counted alone.
    apart = [(Accident, lambda: Count("*"), [road]), (Accident, lambda: Count("*"), [Q(kind="fire")])]
    assert compiled.counted_in(scope, apart) == [2, 1]
