"""Warnings and 叫应: an orange rainstorm warning reaches every responsible person of the two
streets, is acknowledged in the product, by the SMS link and on the phone; who does not answer
in time is escalated to their superior and the duty desk; raising and lowering are told anew;
every refused step, listed by hand; scoping."""

import datetime
import re

import pytest
from django.utils import timezone

from yingji.notifications.models import Notification, SmsMessage
from yingji.warnings import dissemination, links
from yingji.warnings.models import Recipient
from yingji.warnings.tests.conftest import DONGAN, WENYILU, rainstorm

pytestmark = pytest.mark.django_db


def _act(call, user, warning, action, body=None):
    return call(user, "post", f"/api/v1/warnings/{warning['id']}/actions/{action}", body or {})


def _rows(warning):
    return {r["name"]: r for r in warning["recipients"]}


def test_a_warning_reaches_every_responsible_person_of_its_area(orange):
    rows = _rows(orange)
    assert sorted(rows) == ["张三", "李四", "赵六"]  # 王局长 is the district's, outside the two streets
    assert {r["region_code"] for r in rows.values()} == {DONGAN, WENYILU}
    for r in rows.values():
        # the "warning" stage leaves YINGJI_WARNING_ACK_MINUTES (30) to acknowledge
        told, due = (datetime.datetime.fromisoformat(r[k]) for k in ("sent_at", "due_at"))
        assert due - told == datetime.timedelta(minutes=30)
        assert r["acknowledged_at"] is None and r["change_kind"] == "issue"
    assert orange["region_codes"] == [WENYILU, DONGAN]  # by code and orange["region_code"] == "430102"
    assert [c["kind"] for c in orange["changes"]] == ["issue"]


def test_each_recipient_gets_an_sms_with_a_link_of_their_own(duty, people, call, django_capture_on_commit_callbacks):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        warning = call(duty, "post", "/api/v1/warnings", rainstorm())[1]
    texts = {m.phone: m.text for m in SmsMessage.objects.all()}
    assert sorted(texts) == ["13900000001", "13900000002", "13900000003"]
    assert all(t.startswith("暴雨橙色（二级）预警：预计未来6小时") for t in texts.values())
    tokens = {re.search(r"/warnings/ack/([^/]+)/", t).group(1) for t in texts.values()}
    assert len(tokens) == 3  # one link per person
    assert all(r.sms_sent_at for r in Recipient.objects.filter(warning_id=warning["id"]))
    # 张三 has an account: the warning is in his notifications too
    assert Notification.objects.filter(user__username="street", kind="warning_issued").count() == 1


def test_acknowledged_in_the_product_by_the_link_and_on_the_phone(orange, street, duty, call, client):
    status, warning = _act(call, street, orange, "acknowledge")  # 张三 is the street account
    assert status == 200
    assert _rows(warning)["张三"]["ack_channel"] == "app"
    li = Recipient.objects.get(warning_id=orange["id"], name="李四")
    link = f"/warnings/ack/{links.token(li)}/"
    assert client.get(link).status_code == 200  # a link previewer's GET acknowledges nothing
    li.refresh_from_db()
    assert li.acknowledged_at is None
    assert client.post(link).status_code == 200
    li.refresh_from_db()
    assert li.ack_channel == "link" and li.acknowledged_at
    zhao = _rows(orange)["赵六"]["id"]
    warning = _act(call, duty, orange, "acknowledge", {"recipient_id": zhao})[1]
    rows = _rows(warning)
    assert rows["赵六"]["ack_channel"] == "call"
    assert all(r["acknowledged_at"] for r in rows.values())


def test_a_forged_or_foreign_link_is_refused(orange, client):
    assert client.get("/warnings/ack/not-a-token/").status_code == 404
    li = Recipient.objects.get(warning_id=orange["id"], name="李四")
    token = links.token(li)
    assert client.post(f"/warnings/ack/{token[:-2]}xx/").status_code == 404
    li.refresh_from_db()
    assert li.acknowledged_at is None


def test_unanswered_recipients_escalate_to_their_superior_once(orange, street, duty, call, django_capture_on_commit_callbacks):  # fmt: skip
    _act(call, street, orange, "acknowledge")  # 张三 answers; 李四 and 赵六 do not
    told = timezone.now()
    assert dissemination.escalate_due(told + datetime.timedelta(minutes=29)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert dissemination.escalate_due(told + datetime.timedelta(minutes=31)) == 2
    rows = {r.name: r for r in Recipient.objects.filter(warning_id=orange["id"])}
    assert rows["李四"].escalated_at and rows["赵六"].escalated_at and rows["张三"].escalated_at is None
    chief = rows["王局长"]  # told once for this step, though two of his people failed
    assert chief.escalated_from_id in (rows["李四"].pk, rows["赵六"].pk) and chief.acknowledged_at is None
    assert Notification.objects.filter(user=duty, kind="warning_unacknowledged").count() == 1
    assert "2人未按时叫应" in Notification.objects.get(user=duty, kind="warning_unacknowledged").title
    # a second pass escalates nobody again, until 王局长's own time runs out
    assert dissemination.escalate_due(told + datetime.timedelta(minutes=32)) == 0


def test_the_duty_officer_sees_whom_to_call(orange, duty, street):
    from yingji.notifications.todo import todo_for

    assert [i.kind for i in todo_for(street) if i.kind.startswith("warning")] == ["warning_ack"]
    Recipient.objects.filter(warning_id=orange["id"]).update(
        due_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    calls = [i.title for i in todo_for(duty) if i.kind == "warning_call"]
    assert len(calls) == 3 and any("赵六（13900000003）" in t for t in calls)


def test_raising_and_lowering_tell_everyone_anew(orange, duty, street, call):
    status, warning = _act(call, duty, orange, "change_level", {"level": "red", "note": "雨势加强"})
    assert status == 200 and warning["level"] == "red"
    status, warning = _act(call, duty, orange, "change_level", {"level": "yellow"})
    assert [(c["kind"], c["from_level"], c["to_level"]) for c in warning["changes"]] == [
        ("issue", "", "orange"), ("raise", "orange", "red"), ("lower", "red", "yellow"),
    ]  # fmt: skip
    kinds = sorted(r["change_kind"] for r in warning["recipients"])
    assert kinds == ["issue"] * 3 + ["lower"] * 3 + ["raise"] * 3
    # the old steps' silence is not chased: only the step in force escalates
    later = timezone.now() + datetime.timedelta(hours=1)
    assert {r.change.kind for r in dissemination.overdue(later)} == {"lower"}
    status, warning = _act(call, duty, orange, "lift", {"note": "降雨结束"})
    assert status == 200 and warning["status"] == "lifted" and warning["changes"][-1]["kind"] == "lift"
    assert not dissemination.overdue(later).exists()


def test_refused_steps(orange, duty, street, call):
    zhang = _rows(orange)["张三"]["id"]
    assert _act(call, duty, orange, "change_level", {"level": "orange"})[0] == 409  # the same level
    assert _act(call, duty, orange, "acknowledge")[0] == 409  # nothing waits for the duty officer
    assert _act(call, street, orange, "acknowledge")[0] == 200
    assert _act(call, street, orange, "acknowledge")[0] == 409  # nothing left for 张三
    assert _act(call, duty, orange, "acknowledge", {"recipient_id": zhang})[0] == 409  # answered already
    assert _act(call, duty, orange, "lift")[0] == 200
    assert _act(call, duty, orange, "lift")[0] == 409  # lifted already
    assert _act(call, duty, orange, "change_level", {"level": "red"})[0] == 409  # lifted
    assert _act(call, duty, orange, "acknowledge", {"recipient_id": zhang})[0] == 409  # lifted


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"valid_to": None}, "valid_to"),
        ({"valid_from": "2026-07-02T10:00", "valid_to": "2026-07-02T09:00"}, "valid_to"),
        ({"region_codes": []}, "region_codes"),
        ({"region_codes": ["999999"]}, "region_codes"),
        ({"region_codes": ["430103002"]}, "region_codes"),  # 天心区: not the duty officer's
        ({"stage": "soon"}, "stage"),
        ({"content": "  "}, "content"),
        ({"issued_at": "2999-01-01T00:00"}, "issued_at"),
        ({"level": "purple"}, "level"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(duty, people, call, changes, field):
    status, body = call(duty, "post", "/api/v1/warnings", rainstorm(**changes))
    assert status == 400 and field in body["errors"], body


def test_who_may_issue_and_who_records_calls(orange, street, other_street, bureau, inspector, call):
    assert call(street, "post", "/api/v1/warnings", rainstorm(region_codes=[DONGAN]))[0] == 403
    assert call(inspector, "post", "/api/v1/warnings", rainstorm())[0] == 403
    assert call(bureau, "post", "/api/v1/warnings", rainstorm())[0] == 201
    zhao = _rows(orange)["赵六"]["id"]
    # 东岸 cannot record 文艺路's 叫应; 文艺路 can
    assert _act(call, street, orange, "acknowledge", {"recipient_id": zhao})[0] == 400
    assert _act(call, other_street, orange, "acknowledge", {"recipient_id": zhao})[0] == 200
    assert (
        _act(call, inspector, orange, "acknowledge", {"recipient_id": _rows(orange)["李四"]["id"]})[0] == 403
    )


def test_scoping(orange, duty, street, other_street, outsider, enterprise_user, department, call):
    path = f"/api/v1/warnings/{orange['id']}"
    assert call(outsider, "get", path)[0] == 404
    assert _act(call, outsider, orange, "lift")[0] == 404
    assert call(enterprise_user, "get", path)[0] == 403  # an enterprise's role reads no warnings
    assert _act(call, enterprise_user, orange, "lift")[0] == 404
    assert call(department, "get", path)[0] == 200
    # a street sees the warning for its street, and only its own recipients
    status, seen = call(street, "get", path)
    assert status == 200 and sorted(_rows(seen)) == ["张三", "李四"]
    only_dongan = call(duty, "post", "/api/v1/warnings", rainstorm(region_codes=[DONGAN]))[1]
    assert call(other_street, "get", f"/api/v1/warnings/{only_dongan['id']}")[0] == 404
    listed = {w["id"] for w in call(other_street, "get", "/api/v1/warnings")[1]["results"]}
    assert listed == {orange["id"]}
    # a district-wide warning covers every street in it
    district = call(duty, "post", "/api/v1/warnings", rainstorm(region_codes=["430102"]))[1]
    assert call(other_street, "get", f"/api/v1/warnings/{district['id']}")[0] == 200
    assert sorted(_rows(district)) == ["张三", "李四", "王局长", "赵六"]
    assert call(outsider, "get", "/api/v1/warnings")[1]["results"] == []
