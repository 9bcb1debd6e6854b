"""Counting together (yingji/stats/together.py): many numbers of one small table in one
statement give exactly what each gives counted alone — and what cannot, is counted alone."""

import datetime
from dataclasses import replace

import pytest
from django.db import connection
from django.db.models import Count, Q
from django.test.utils import CaptureQueriesContext

from yingji.accounts.models import User
from yingji.complaints.models import Complaint
from yingji.core import demo
from yingji.reports import facts as facts_module
from yingji.reports.summary import build_summary
from yingji.stats.catalog import CATALOG, Measure, Query, remembering
from yingji.stats.periods import period_of
from yingji.stats.together import count_together

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 22)


@pytest.fixture(scope="module")
def district(django_db_setup, django_db_blocker):
    """The demo district, built once and rolled back after the module's tests."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        demo.build(seed=7, size="small", today=TODAY, log=lambda _: None)
        yield
        transaction.set_rollback(True)


def _questions(user):
    for code in ("H1", "year", "Q3"):
        period = period_of(2026, code, today=TODAY)
        yield Query(user=user, period=period, filters={"region": "430102"}, as_of=TODAY)
        yield Query(user=user, period=period.year_before(), filters={"region": "430102"}, as_of=TODAY)


def _bureau():
    return User.objects.select_related("organisation").get(username="bureau")  # its scope read now


def _measures():
    return [key for key, indicator in CATALOG.items() if isinstance(indicator, Measure)]


@pytest.mark.parametrize("username", ["bureau", "leader", "street", "department"])
def test_every_number_counted_together_is_the_number_counted_alone(district, username):
    user = User.objects.get(username=username)
    counted = 0
    for query in _questions(user):
        alone = {key: CATALOG[key].value(query) for key in _measures()}
        with remembering():
            counted += count_together((key, query) for key in _measures())
            together = {key: CATALOG[key].value(query) for key in _measures()}
        assert together == alone, query
    assert counted >= 6 * 10  # most small tables in one statement a question


def test_the_work_summary_says_the_same_word_for_word_counted_together(district, monkeypatch):
    leader = User.objects.get(username="leader")
    where = {"user": leader, "region_code": "430102", "year": 2026, "period_code": "H1", "as_of": TODAY}
    monkeypatch.setattr(facts_module, "_ASKED", {})
    with CaptureQueriesContext(connection) as first:
        alone = build_summary(**where)
    assert facts_module._ASKED["summary"]  # it learned what it asks
    with CaptureQueriesContext(connection) as second:
        together = build_summary(**where)
    assert together == alone
    assert len(second) < len(first) - 30


def test_a_small_tables_numbers_take_one_statement(district):
    query = next(_questions(_bureau()))
    keys = [k for k in _measures() if CATALOG[k].model is Complaint and CATALOG[k].rollup is None]
    assert len(keys) >= 4
    with remembering(), CaptureQueriesContext(connection) as statements:
        count_together((key, query) for key in keys)
        for key in keys:
            CATALOG[key].value(query)
    assert len(statements) == 1


def test_a_ratio_is_counted_from_its_two_measures_together(district):
    query = next(_questions(_bureau()))
    ratio = "warnings.ack_rate"  # acknowledged of reached: two numbers of the recipients
    alone = CATALOG[ratio].value(query)
    with remembering(), CaptureQueriesContext(connection) as statements:
        count_together([(ratio, query)])
        assert CATALOG[ratio].value(query) == alone
    assert len(statements) == 1


def _complaints(key: str, **changes) -> Measure:
    base = next(
        i for i in CATALOG.values() if isinstance(i, Measure) and i.model is Complaint and i.rollup is None
    )
    measure = replace(base, key=key, **changes)
    CATALOG[key] = measure
    return measure


@pytest.fixture
def odd_measures():
    keys = []
    yield keys
    for key in keys:
        CATALOG.pop(key, None)


@pytest.mark.parametrize(
    "changes",
    [
        {"where": lambda q: Q(enterprise__name__contains="燃气")},  # follows a foreign key: a join
        {"aggregate": lambda: Count("enterprise__region")},  # an aggregate over another table
        {"aggregate": lambda: Count("id", filter=Q(place=""))},  # an aggregate with its own filter
    ],
    ids=["condition across a join", "aggregate across a join", "aggregate filtered"],
)
def test_what_could_count_differently_is_counted_alone(district, odd_measures, changes):
    query = next(_questions(_bureau()))
    odd_measures += ["test.odd", "test.plain"]
    _complaints("test.odd", **changes), _complaints("test.plain")
    plain_key = next(k for k in _measures() if CATALOG[k].model is Complaint and not k.startswith("test."))
    with remembering(), CaptureQueriesContext(connection) as statements:
        count_together([("test.odd", query), ("test.plain", query), (plain_key, query)])
        CATALOG["test.odd"].value(query)
    assert len(statements) == 2  # the plain two together, the odd one alone


def test_a_big_tables_numbers_are_counted_alone(district):
    # 10 million hazards: a county's whole table in one statement would cost more than the
    # few index reads of its numbers one by one.
    query = next(_questions(_bureau()))
    keys = ["hazards.listed", "hazards.funds"]
    with remembering(), CaptureQueriesContext(connection) as statements:
        assert count_together((key, query) for key in keys) == 0
    assert len(statements) == 0


def test_outside_an_answer_nothing_is_counted(district):
    # Nothing would remember the numbers: counting them would only cost statements.
    query = next(_questions(_bureau()))
    with CaptureQueriesContext(connection) as statements:
        assert count_together([("complaints.received", query), ("complaints.items", query)]) == 0
    assert len(statements) == 0


@pytest.mark.parametrize("username", ["bureau", "leader", "street", "department"])
def test_every_users_scope_is_read_by_the_assembled_statements(district, username):
    """The statements are assembled from compiled pieces and the user's scope as the ORM
    compiles it, joins included (a warehouse's region, a task's organisation): every small
    table of the summary's numbers is counted in one (stats.compiled)."""
    query = next(_questions(User.objects.get(username=username)))
    with remembering():
        assert count_together((key, query) for key in _measures()) >= 10


def test_users_asked_in_one_answer_each_count_in_their_own_scope(district):
    # The user's scope is compiled once per answer (Measure._compiled_scope): a street's, a
    # department's and the bureau's numbers asked in the same block are each their own.
    users = [User.objects.get(username=name) for name in ("bureau", "street", "department")]
    queries = [
        Query(user=user, period=period_of(2026, "ytd", today=TODAY), filters={"region": "430102"})
        for user in users
    ]
    alone = [{key: CATALOG[key].value(query) for key in _measures()} for query in queries]
    with remembering():
        together = [{key: CATALOG[key].value(query) for key in _measures()} for query in queries]
    assert together == alone
    assert alone[0]["hazards.found"] > alone[1]["hazards.found"] > 0  # a street sees part of it
