"""The roster: shifts of one leader on duty and one or two officers (more only when duty is
strengthened), 24-hour coverage with its gaps, statutory holidays that want strengthened duty,
swaps; every refused shift and swap, listed by hand; scoping."""

import datetime

import pytest
from django.utils import timezone

from yingji.duty import services
from yingji.duty.tests.conftest import local

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 9, 15)  # a working Tuesday
DISTRICT = "430102"


def _shift(call, user, start, end, leader="leader", officers=("duty",), **kw):
    body = {"region_code": DISTRICT, "starts_at": start, "ends_at": end, "leader": leader, "officers": list(officers)} | kw  # fmt: skip
    return call(user, "post", "/api/v1/duty/roster", body)


@pytest.fixture
def day_and_night(bureau, duty, duty2, leader, call):
    """DAY: the night before 20:00–08:00, the day shift 08:00–20:00, the night 20:00–08:00."""
    before = DAY - datetime.timedelta(days=1)
    after = DAY + datetime.timedelta(days=1)
    made = [
        _shift(call, bureau, local(before, 20), local(DAY, 8), officers=["duty2"]),
        _shift(call, bureau, local(DAY, 8), local(DAY, 20)),
        _shift(call, bureau, local(DAY, 20), local(after, 8), officers=["duty", "duty2"]),
    ]
    assert [status for status, _ in made] == [201, 201, 201], made
    return [body for _, body in made]


def _coverage(call, user, first, last=None):
    return call(user, "get", f"/api/v1/duty/coverage?region={DISTRICT}&from={first}&to={last or first}")


def test_three_shifts_cover_the_day(day_and_night, bureau, call):
    status, body = _coverage(call, bureau, DAY)
    assert status == 200 and body["complete"] and body["gaps"] == [] and body["gap_hours"] == 0
    shift = day_and_night[1]
    assert shift["leader"] == "leader" and shift["officers"] == ["duty"] and shift["starts_at"].startswith("2026-09-15T08:00")  # fmt: skip


def test_a_missing_shift_is_a_gap(bureau, duty, leader, call):
    _shift(call, bureau, local(DAY, 0), local(DAY, 8))
    _shift(call, bureau, local(DAY, 20), local(DAY + datetime.timedelta(days=1), 0))
    body = _coverage(call, bureau, DAY)[1]
    assert not body["complete"] and body["gap_hours"] == 12
    assert [(g["start"][11:16], g["end"][11:16]) for g in body["gaps"]] == [("08:00", "20:00")]
    # a day with no roster at all is one gap of 24 hours
    assert _coverage(call, bureau, DAY + datetime.timedelta(days=2))[1]["gap_hours"] == 24


def test_statutory_holidays_want_strengthened_duty(bureau, duty, duty2, inspector, leader, call):
    national_day = datetime.date(2026, 10, 1)
    _shift(call, bureau, local(national_day, 0), local(national_day, 12))
    body = _coverage(call, bureau, national_day, national_day + datetime.timedelta(days=1))[1]
    assert body["holidays_not_strengthened"] == ["2026-10-01", "2026-10-02"]
    _shift(call, bureau, local(national_day, 12), local(national_day, 23), officers=["duty", "duty2", "inspector"], strengthened=True)  # fmt: skip
    body = _coverage(call, bureau, national_day)[1]
    assert body["holidays_not_strengthened"] == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"officers": []}, "officers"),
        ({"officers": ["duty", "duty2", "inspector"]}, "officers"),  # three, and not strengthened
        ({"officers": ["leader"]}, "officers"),  # the leader on duty is not also an officer
        ({"officers": ["nobody"]}, "officers"),
        ({"officers": ["outsider"]}, "officers"),  # 天心区's
        ({"leader": "outsider"}, "leader"),
        ({"ends_at": local(DAY, 7)}, "ends_at"),  # before it starts
        ({"ends_at": local(DAY + datetime.timedelta(days=1), 9)}, "ends_at"),  # 25 hours
        ({"starts_at": "2026-13-01T08:00"}, "starts_at"),
        ({"region_code": "430103"}, "region_code"),
    ],
)
def test_refused_shifts(bureau, duty, duty2, inspector, leader, outsider, call, changes, field):
    body = {"region_code": DISTRICT, "starts_at": local(DAY, 8), "ends_at": local(DAY, 20), "leader": "leader", "officers": ["duty"]} | changes  # fmt: skip
    status, answer = call(bureau, "post", "/api/v1/duty/roster", body)
    assert status in (400, 422) and (status == 422 or field in answer["errors"]), answer


def test_an_overlapping_shift_is_refused(day_and_night, bureau, call):
    status, body = _shift(call, bureau, local(DAY, 12), local(DAY, 22))
    assert status == 400 and "starts_at" in body["errors"]


@pytest.fixture
def tomorrow(bureau, duty, leader, call):
    day = timezone.localdate() + datetime.timedelta(days=1)
    return _shift(call, bureau, local(day, 8), local(day, 20))[1]


def test_swaps_are_recorded(tomorrow, bureau, duty2, inspector, call):
    path = f"/api/v1/duty/roster/{tomorrow['id']}/actions/swap"
    status, shift = call(bureau, "post", path, {"position": "officer", "out_user": "duty", "in_user": "duty2", "reason": "病假"})  # fmt: skip
    assert status == 200 and shift["officers"] == ["duty2"]
    status, shift = call(bureau, "post", path, {"position": "leader", "out_user": "leader", "in_user": "bureau", "reason": "出差"})  # fmt: skip
    assert status == 200 and shift["leader"] == "bureau"
    assert [(s["out_user"], s["in_user"], s["reason"]) for s in shift["swaps"]] == [("duty", "duty2", "病假"), ("leader", "bureau", "出差")]  # fmt: skip


def test_refused_swaps(tomorrow, bureau, duty2, call):
    path = f"/api/v1/duty/roster/{tomorrow['id']}/actions/swap"
    swap = {"position": "officer", "out_user": "duty", "in_user": "duty2", "reason": "病假"}
    assert (
        call(bureau, "post", path, swap | {"out_user": "duty2", "in_user": "bureau"})[0] == 409
    )  # duty2 is not on it
    assert call(bureau, "post", path, swap | {"in_user": "leader"})[0] == 409  # the leader is on it already
    assert call(bureau, "post", path, swap | {"position": "leader"})[0] == 409  # duty is not its leader
    assert call(bureau, "post", path, swap | {"reason": ""})[0] == 400
    assert call(bureau, "post", path, swap | {"in_user": "outsider"})[0] == 400


def test_a_past_shift_takes_no_swap(day_and_night, bureau, duty2, call):
    path = f"/api/v1/duty/roster/{day_and_night[1]['id']}/actions/swap"
    assert call(bureau, "post", path, {"position": "officer", "out_user": "duty", "in_user": "duty2", "reason": "x"})[0] == 409  # fmt: skip


def test_who_arranges_the_roster_and_who_sees_it(
    day_and_night, duty, street, outsider, enterprise_user, call
):
    assert _shift(call, duty, local(DAY, 8), local(DAY, 9))[0] == 403  # officers keep the log, not the roster
    path = f"/api/v1/duty/roster/{day_and_night[0]['id']}"
    assert call(duty, "get", path)[0] == 200
    assert call(outsider, "get", path)[0] == 404
    assert call(street, "get", path)[0] == 404  # the district's roster, not the street's
    assert call(enterprise_user, "get", path)[0] == 403
    assert call(outsider, "get", "/api/v1/duty/roster")[1]["count"] == 0
    assert _coverage(call, outsider, DAY)[0] == 400  # not outsider's region


def test_services_are_the_one_way(bureau, duty, leader):
    shift = services.shift_create(actor=bureau, region_code=DISTRICT, starts_at=local(DAY, 8), ends_at=local(DAY, 20), leader="leader", officers=["duty"])  # fmt: skip
    from yingji.audit.models import AuditEntry

    assert AuditEntry.objects.filter(
        object_type="duty.shift", object_id=str(shift.pk), action="create"
    ).exists()
