"""The duty pages: the desk shows who is on duty, the warnings in force and the items to follow
up, takes a log line and a hand-over; the roster shows the month's gaps and takes a shift and a
swap; roles and scoping."""

import datetime

import pytest
from django.utils import timezone

from yingji.duty import services
from yingji.duty.models import LogEntry, Shift

pytestmark = pytest.mark.django_db
DISTRICT = "430102"


def _signed_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def on_now(bureau, duty, leader):
    start = timezone.localtime().replace(minute=0, second=0, microsecond=0) - datetime.timedelta(hours=1)
    return services.shift_create(actor=bureau, region_code=DISTRICT, starts_at=start, ends_at=start + datetime.timedelta(hours=12), leader="leader", officers=["duty"])  # fmt: skip


def test_the_desk(client, on_now, duty):
    c = _signed_in(client, duty)
    page = c.get("/duty/").content.decode()
    assert "当前值班" in page and "带班领导" in page and "没有待跟进事项。" in page
    response = c.post(
        "/duty/", {"kind": "received", "counterpart": "东岸街道", "content": "东岸路渍水", "open": "on"}
    )
    assert response.status_code == 302
    entry = LogEntry.objects.get()
    assert entry.shift == on_now and entry.open and entry.by == duty
    page = c.get("/duty/").content.decode()
    assert "东岸路渍水" in page and f'data-testid="close-{entry.pk}"' in page
    c.post("/duty/do/hand_over/", {"shift_id": on_now.pk, "notes": "渍水待跟进"})
    assert on_now.handover.open_items.get() == entry
    c.post("/duty/do/close/", {"entry_id": entry.pk, "note": "已排除"})
    entry.refresh_from_db()
    assert entry.closed_at and entry.closing_note == "已排除"


def test_a_bad_log_line_says_what_is_wrong(client, duty):
    page = _signed_in(client, duty).post("/duty/", {"kind": "received", "content": ""})
    assert page.status_code == 200 and "此项为必填项。" in page.content.decode()
    assert not LogEntry.objects.exists()


def test_the_roster(client, bureau, duty, duty2, leader, on_now):
    c = _signed_in(client, bureau)
    month = timezone.localdate().strftime("%Y-%m")
    page = c.get(f"/duty/roster/?month={month}").content.decode()
    assert "小时未安排值班" in page and 'list="people"' in page
    start = on_now.ends_at
    response = c.post(f"/duty/roster/?month={month}", {
        "region_code": DISTRICT, "starts_at": timezone.localtime(start).strftime("%Y-%m-%dT%H:%M"),
        "ends_at": timezone.localtime(start + datetime.timedelta(hours=12)).strftime("%Y-%m-%dT%H:%M"),
        "leader": "bureau", "officers": "duty2，duty",
    })  # fmt: skip
    assert response.status_code == 302
    added = Shift.objects.get(starts_at=start)
    assert sorted(u.username for u in added.officers.all()) == ["duty", "duty2"]
    c.post(f"/duty/roster/?month={month}", {"do": "swap", "shift_id": added.pk, "position": "officer", "out_user": "duty", "in_user": "inspector", "reason": "培训"})  # fmt: skip
    assert added.swaps.count() == 0  # no inspector account exists here: refused, with the message
    c.post(f"/duty/roster/?month={month}", {"do": "swap", "shift_id": added.pk, "position": "officer", "out_user": "duty", "in_user": "leader", "reason": "培训"})  # fmt: skip
    assert added.swaps.get().in_user.username == "leader"


def test_roles(client, duty, street, outsider, enterprise_user, on_now):
    assert _signed_in(client, enterprise_user).get("/duty/").status_code == 403
    page = _signed_in(client, duty).get("/duty/roster/").content.decode()
    assert "添加班次" not in page  # officers keep the log, the office arranges the roster
    page = _signed_in(client, outsider).get("/duty/").content.decode()
    assert "当前没有安排值班。" in page  # 芙蓉区's shift is not 天心区's
    assert (
        _signed_in(client, outsider).post("/duty/do/hand_over/", {"shift_id": on_now.pk}).status_code == 404
    )
