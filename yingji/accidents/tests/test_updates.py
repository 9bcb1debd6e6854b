"""Casualty updates (续报/补报, Decree 493 Art. 13): within the window (30 days; 7 for road
traffic and fire) they change the statistics and the grade; later ones are recorded only."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from yingji.accidents import services
from yingji.accidents.choices import AccidentGrade, UpdateKind
from yingji.accidents.tests.factories import accident_factory, beijing, figures
from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory
from yingji.audit.models import AuditEntry
from yingji.core.errors import ApplicationError

pytestmark = pytest.mark.django_db
MARCH_1 = datetime.date(2026, 3, 1)


def on_day(n: int) -> dict:
    """The date of the change and its report, n days after 1 March 2026 (the day of the accident)."""
    day = MARCH_1 + datetime.timedelta(days=n)
    return {"changed_on": day, "reported_at": beijing(day.year, day.month, day.day, 17, 0)}


def update(actor, accident, day: int, reason: str = "伤者经抢救无效死亡", **changes):
    return services.accident_add_casualty_update(
        actor=actor, accident=accident, reason=reason, **(figures(**changes) | on_day(day))
    )


def test_an_update_within_the_window_regrades_the_accident(bureau):
    accident = accident_factory(actor=bureau, deaths=1, serious_injuries=4)
    assert accident.grade == AccidentGrade.ORDINARY

    result = update(bureau, accident, 3, deaths=3, serious_injuries=2)

    accident.refresh_from_db()
    assert result.counts and result.kind == UpdateKind.UPDATE
    assert (accident.deaths, accident.serious_injuries, accident.grade) == (
        3,
        2,
        AccidentGrade.RELATIVELY_SERIOUS,
    )
    assert result.before["deaths"] == 1 and result.before["serious_injuries"] == 4
    assert result.grade == AccidentGrade.RELATIVELY_SERIOUS


def test_day_30_still_counts(bureau):
    accident = accident_factory(actor=bureau, deaths=2)
    result = update(bureau, accident, 30, deaths=3)
    accident.refresh_from_db()
    assert result.counts
    assert (accident.deaths, accident.grade) == (3, AccidentGrade.RELATIVELY_SERIOUS)


def test_day_31_is_recorded_but_changes_neither_figures_nor_grade(bureau):
    accident = accident_factory(actor=bureau, deaths=2)
    result = update(bureau, accident, 31, deaths=3)
    accident.refresh_from_db()
    assert not result.counts
    assert result.grade == AccidentGrade.RELATIVELY_SERIOUS  # what the late figures would give
    assert (accident.deaths, accident.grade) == (2, AccidentGrade.ORDINARY)
    assert [u.deaths for u in accident.updates.all()] == [2, 3]


@pytest.mark.parametrize("kind", ["road_traffic", "fire"])
def test_road_traffic_and_fire_windows_close_after_day_7(bureau, kind):
    category = {"road_traffic": "02", "fire": "08"}[kind]
    accident = accident_factory(actor=bureau, kind=kind, category=category, deaths=2)
    assert update(bureau, accident, 7, deaths=3).counts
    accident.refresh_from_db()
    assert accident.grade == AccidentGrade.RELATIVELY_SERIOUS
    late = update(bureau, accident, 8, deaths=4)
    accident.refresh_from_db()
    assert not late.counts and accident.deaths == 3


def test_a_business_road_transport_accident_has_the_road_traffic_window(bureau):
    accident = accident_factory(actor=bureau, category="02", domain="road_transport", deaths=2)
    assert not update(bureau, accident, 8, deaths=3).counts


def test_an_update_within_the_window_may_lower_the_grade(bureau):
    # Three missing, one found alive two days later: 较大 becomes 一般.
    accident = accident_factory(actor=bureau, deaths=0, missing=3)
    assert accident.grade == AccidentGrade.RELATIVELY_SERIOUS
    update(bureau, accident, 2, missing=2, minor_injuries=1, reason="一名失联人员获救")
    accident.refresh_from_db()
    assert (accident.missing, accident.minor_injuries, accident.grade) == (2, 1, AccidentGrade.ORDINARY)


def test_a_loss_reassessment_within_the_window_regrades(bureau):
    accident = accident_factory(actor=bureau, deaths=0, direct_loss=Decimal("9999999.99"))
    assert accident.grade == AccidentGrade.ORDINARY
    update(bureau, accident, 10, direct_loss=Decimal("10000000"), reason="损失核定")
    accident.refresh_from_db()
    assert accident.grade == AccidentGrade.RELATIVELY_SERIOUS


def test_once_the_window_has_closed_no_later_update_counts(bureau):
    accident = accident_factory(actor=bureau, deaths=1)
    update(bureau, accident, 35, deaths=2)
    third = update(bureau, accident, 40, deaths=3)
    accident.refresh_from_db()
    assert not third.counts and accident.deaths == 1


def test_the_history_keeps_every_report_in_order(bureau):
    accident = accident_factory(actor=bureau, deaths=1, serious_injuries=2)
    update(bureau, accident, 2, deaths=2, serious_injuries=1)
    update(bureau, accident, 40, deaths=3, serious_injuries=0)
    history = list(accident.updates.values_list("kind", "deaths", "counts"))
    assert history == [("initial", 1, True), ("update", 2, True), ("update", 3, False)]


def test_each_update_is_audited(bureau):
    accident = accident_factory(actor=bureau, deaths=1)
    result = update(bureau, accident, 2, deaths=3)
    entry = AuditEntry.objects.get(action="accident.casualty_update")
    assert entry.before["deaths"] == 1 and entry.after["deaths"] == 3
    assert entry.after["_action"]["update"] == result.pk and entry.after["_action"]["counts"] is True


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"deaths": -1}, "deaths"),
        ({"direct_loss": Decimal("-1")}, "direct_loss"),
        ({"reason": " "}, "reason"),
        ({"changed_on": datetime.date(2026, 2, 28)}, "changed_on"),
        ({"changed_on": datetime.date(2026, 3, 6), "reported_at": beijing(2026, 3, 5, 12, 0)}, "changed_on"),
        ({"reported_at": beijing(2026, 3, 1, 8, 0), "changed_on": MARCH_1}, "reported_at"),
    ],
)
def test_bad_updates_are_a_400_on_their_field(bureau, changes, field):
    accident = accident_factory(actor=bureau, deaths=1)
    values = figures(deaths=2) | on_day(3) | {"reason": "伤者死亡"} | changes
    with pytest.raises(ApplicationError) as excinfo:
        services.accident_add_casualty_update(actor=bureau, accident=accident, **values)
    assert field in excinfo.value.errors


def test_an_update_cannot_be_dated_before_the_previous_one(bureau):
    accident = accident_factory(actor=bureau, deaths=1)
    update(bureau, accident, 5, deaths=2)
    with pytest.raises(ApplicationError) as excinfo:
        update(bureau, accident, 4, deaths=3)
    assert "changed_on" in excinfo.value.errors


def test_an_update_must_change_the_figures(bureau):
    accident = accident_factory(actor=bureau, deaths=1, direct_loss=Decimal("1200000"))
    with pytest.raises(ApplicationError) as excinfo:
        update(bureau, accident, 2, deaths=1, direct_loss=Decimal("1200000.00"))
    assert "non_field_errors" in excinfo.value.errors


def test_a_leader_may_not_add_updates(bureau):
    accident = accident_factory(actor=bureau)
    leader = user_factory(role=Role.LEADER, org=bureau.organisation)
    with pytest.raises(PermissionDenied):
        update(leader, accident, 2, deaths=2)


def test_correcting_the_date_of_the_accident_restates_the_window(bureau):
    # Registered as 1 March, an update on 5 April is late; the accident really happened on
    # 10 March, so the update falls on day 26 and counts.
    accident = accident_factory(actor=bureau, deaths=2)
    late = update(bureau, accident, 35, deaths=3)
    assert not late.counts
    services.accident_update(
        actor=bureau,
        accident=accident,
        changes={"occurred_at": beijing(2026, 3, 10, 9, 0), "reported_at": beijing(2026, 3, 10, 9, 30)},
    )
    accident.refresh_from_db()
    late.refresh_from_db()
    assert late.counts
    assert (accident.deaths, accident.grade) == (3, AccidentGrade.RELATIVELY_SERIOUS)
    assert accident.updates.get(kind="initial").changed_on == datetime.date(2026, 3, 10)


def test_the_accident_cannot_be_moved_after_its_updates(bureau):
    accident = accident_factory(actor=bureau, deaths=1)
    update(bureau, accident, 3, deaths=2)
    with pytest.raises(ApplicationError) as excinfo:
        services.accident_update(
            actor=bureau,
            accident=accident,
            changes={"occurred_at": beijing(2026, 3, 10, 9, 0), "reported_at": beijing(2026, 3, 10, 9, 30)},
        )
    assert "occurred_at" in excinfo.value.errors
