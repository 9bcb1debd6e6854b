"""The duty log: 接、报、传、跟 entered under the shift on duty, an item to follow up stays open
until closed and is handed over; 交班 with the open items, 接班 by the next shift; every refused
step, listed by hand; scoping."""

import datetime

import pytest

from yingji.duty.tests.conftest import hours_from_now
from yingji.emergency import services as emergency

pytestmark = pytest.mark.django_db
DISTRICT = "430102"


def _at(moment: datetime.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M")


@pytest.fixture
def shifts(bureau, duty, duty2, leader, call):
    """Now: duty's shift (leader on duty: leader), from 2 hours ago for 10; next: duty2's."""
    now = call(bureau, "post", "/api/v1/duty/roster", {"region_code": DISTRICT, "starts_at": _at(hours_from_now(-2)), "ends_at": _at(hours_from_now(8)), "leader": "leader", "officers": ["duty"]})[1]  # fmt: skip
    following = call(bureau, "post", "/api/v1/duty/roster", {"region_code": DISTRICT, "starts_at": _at(hours_from_now(8)), "ends_at": _at(hours_from_now(20)), "leader": "bureau", "officers": ["duty2"]})[1]  # fmt: skip
    return now, following


def _log(call, user, **body):
    return call(
        user,
        "post",
        "/api/v1/duty/log",
        {"kind": "received", "content": "东岸街道报告：东岸路渍水30厘米"} | body,
    )


def test_an_entry_goes_under_the_shift_on_duty(shifts, duty, call):
    status, entry = _log(call, duty, counterpart="东岸街道值班室", open=True)
    assert status == 201 and entry["shift_id"] == shifts[0]["id"] and entry["region_code"] == DISTRICT
    assert entry["by"] == "duty" and entry["open"] and entry["closed_at"] is None
    status, entry = _log(call, duty, kind="reported", content="已报告带班领导", at=_at(hours_from_now(-30)))
    assert status == 201 and entry["shift_id"] is None  # no shift was on duty then


def test_an_open_item_is_handed_over_and_closed(shifts, duty, duty2, call):
    item = _log(call, duty, open=True)[1]
    _log(call, duty, kind="relayed", content="已通知东岸街道组织排水")
    status, shift = call(duty, "post", f"/api/v1/duty/roster/{shifts[0]['id']}/actions/hand_over", {"notes": "东岸路渍水待跟进"})  # fmt: skip
    assert (
        status == 200
        and shift["handover"]["open_item_ids"] == [item["id"]]
        and shift["handover"]["by"] == "duty"
    )
    status, shift = call(duty2, "post", f"/api/v1/duty/roster/{shifts[0]['id']}/actions/accept")
    assert status == 200 and shift["handover"]["accepted_by"] == "duty2"
    status, closed = call(
        duty2, "post", f"/api/v1/duty/log/{item['id']}/actions/close", {"note": "积水已排除"}
    )
    assert status == 200 and closed["closed_at"] and closed["closing_note"] == "积水已排除"
    assert call(duty2, "get", "/api/v1/duty/log?open=true")[1]["count"] == 0


def test_refused_steps(shifts, duty, duty2, inspector, call):
    plain = _log(call, duty)[1]
    item = _log(call, duty, open=True)[1]
    close = f"/api/v1/duty/log/{item['id']}/actions/close"
    assert call(duty, "post", f"/api/v1/duty/log/{plain['id']}/actions/close", {"note": "x"})[0] == 409  # nothing to follow up  # fmt: skip
    assert call(duty, "post", close, {"note": ""})[0] == 400  # say how it ended
    assert call(duty, "post", close, {"note": "办结"})[0] == 200
    assert call(duty, "post", close, {"note": "办结"})[0] == 409  # closed already
    hand_over = f"/api/v1/duty/roster/{shifts[0]['id']}/actions/hand_over"
    accept = f"/api/v1/duty/roster/{shifts[0]['id']}/actions/accept"
    assert call(duty2, "post", accept)[0] == 409  # not handed over yet
    assert call(duty2, "post", hand_over)[0] == 403  # duty2 is not on this shift
    assert (
        call(duty, "post", f"/api/v1/duty/roster/{shifts[1]['id']}/actions/hand_over")[0] == 403
    )  # not on it either
    assert call(duty, "post", hand_over)[0] == 200
    assert call(duty, "post", hand_over)[0] == 409  # handed over already
    assert call(inspector, "post", accept)[0] == 403  # an inspector keeps no duty log
    assert call(duty2, "post", accept)[0] == 200
    assert call(duty2, "post", accept)[0] == 409  # accepted already


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"content": " "}, "content"),
        ({"kind": "gossip"}, "kind"),
        ({"at": "2999-01-01T00:00"}, "at"),
        ({"region_code": "430103"}, "region_code"),
    ],
)
def test_bad_entries(shifts, duty, call, changes, field):
    status, body = _log(call, duty, **changes)
    assert status in (400, 422) and (status == 422 or field in body["errors"]), body


def test_an_event_outside_the_jurisdiction_cannot_be_linked(shifts, duty, outsider, call):
    from yingji.accidents.tests.factories import beijing

    elsewhere = emergency.event_create(actor=outsider, type="flood", title="天心", place="x", region_code="430103", occurred_at=beijing(2026, 6, 1, 8, 0))  # fmt: skip
    status, body = _log(call, duty, event_id=elsewhere.pk)
    assert status == 400 and "event_id" in body["errors"]


def test_scoping(shifts, duty, outsider, street, call):
    item = _log(call, duty, open=True)[1]
    assert call(outsider, "post", f"/api/v1/duty/log/{item['id']}/actions/close", {"note": "x"})[0] == 404
    assert call(outsider, "get", "/api/v1/duty/log")[1]["count"] == 0
    assert call(street, "get", "/api/v1/duty/log")[1]["count"] == 0  # the district's log
    status, own = _log(call, street, content="社区报告：河道水位上涨")
    assert status == 201 and own["region_code"] == "430102015"
    assert call(duty, "get", "/api/v1/duty/log")[1]["count"] == 2  # the district sees its streets'
