"""Events and their information reports: the time limits (首报 by phone within 30 minutes, in
writing within an hour; 终报 within 24 hours of the close), late reports flagged, refused
reports, scoping, and the duty officer's to-do."""

import datetime

import pytest
from django.test import override_settings

from yingji.accidents.tests.factories import accident_factory, beijing
from yingji.emergency import services
from yingji.emergency.tests.conftest import DONGAN, WENYILU
from yingji.notifications.todo import todo_for

pytestmark = pytest.mark.django_db
FLOOD = {"type": "flood", "title": "东岸街道内涝", "place": "东岸路", "region_code": DONGAN,
         "occurred_at": "2026-06-20T08:00:00", "dead": 0, "missing": 1, "injured": 2, "losses": "12.5"}  # fmt: skip


def test_an_event_is_recorded_with_its_casualties_and_losses(bureau, call):
    status, event = call(bureau, "post", "/api/v1/events", FLOOD | {"region_codes": [DONGAN, WENYILU]})
    assert status == 201
    assert (event["missing"], event["injured"], event["losses"], event["status"]) == (1, 2, "12.50", "open")
    assert event["region_codes"] == [WENYILU, DONGAN] or sorted(event["region_codes"]) == [WENYILU, DONGAN]
    assert event["occurred_at"].startswith("2026-06-20T08:00:00+08:00")


def test_a_production_accident_event_links_the_accident(bureau, call):
    accident = accident_factory(actor=bureau)
    body = FLOOD | {"type": "production_accident", "accident_id": accident.pk}
    assert call(bureau, "post", "/api/v1/events", body)[1]["accident_id"] == accident.pk
    status, data = call(bureau, "post", "/api/v1/events", FLOOD | {"accident_id": accident.pk})
    assert status == 400 and "accident_id" in data["errors"]


@pytest.mark.parametrize(
    ("change", "field"),
    [({"region_code": "430103"}, "region_code"), ({"type": "tsunami"}, "type"), ({"title": ""}, "title"),
     ({"occurred_at": "2999-01-01T00:00:00"}, "occurred_at"), ({"dead": -1}, "dead")],
)  # fmt: skip
def test_bad_input_is_a_400_naming_the_field(bureau, call, change, field):
    status, data = call(bureau, "post", "/api/v1/events", FLOOD | change)
    assert status == 400
    assert field in str(data)


def test_events_outside_the_jurisdiction_are_404(bureau, street, other_street, outsider, department, call):
    event = call(street, "post", "/api/v1/events", FLOOD)[1]
    assert call(bureau, "get", f"/api/v1/events/{event['id']}")[0] == 200
    assert call(department, "get", f"/api/v1/events/{event['id']}")[0] == 200  # no industry: by region
    for user in (other_street, outsider):
        assert call(user, "get", f"/api/v1/events/{event['id']}")[0] == 404
        assert call(user, "get", "/api/v1/events")[1]["count"] == 0


def _report(user, call, event, kind, channel, at):
    return call(
        user,
        "post",
        f"/api/v1/events/{event['id']}/reports",
        {"kind": kind, "channel": channel, "made_at": at},
    )


def test_first_reports_within_30_minutes_by_phone_and_an_hour_in_writing(duty, call):
    event = call(duty, "post", "/api/v1/events", FLOOD)[1]
    status, phone = _report(duty, call, event, "first", "phone", "2026-06-20T08:30:00")
    assert status == 201 and phone["late"] is False and phone["due_at"].startswith("2026-06-20T08:30:00")
    written = _report(duty, call, event, "first", "written", "2026-06-20T09:01:00")[1]
    assert written["late"] is True and written["due_at"].startswith("2026-06-20T09:00:00")
    assert call(duty, "get", f"/api/v1/events/{event['id']}")[1]["late_reports"] == 1


@override_settings(YINGJI_EVENT_REPORT_LIMITS={"first_phone": 60})
def test_the_time_limits_are_settings(duty, call):
    event = call(duty, "post", "/api/v1/events", FLOOD)[1]
    assert _report(duty, call, event, "first", "phone", "2026-06-20T08:45:00")[1]["late"] is False


def test_refused_reports(duty, call):
    event = call(duty, "post", "/api/v1/events", FLOOD)[1]
    assert _report(duty, call, event, "follow_up", "phone", "2026-06-20T08:10:00")[0] == 409  # before 首报
    assert _report(duty, call, event, "first", "phone", "2026-06-20T08:10:00")[0] == 201
    assert _report(duty, call, event, "first", "phone", "2026-06-20T08:12:00")[0] == 409  # twice
    assert _report(duty, call, event, "final", "written", "2026-06-21T08:00:00")[0] == 409  # still open
    assert (
        _report(duty, call, event, "follow_up", "phone", "2026-06-20T07:00:00")[0] == 400
    )  # before the event
    assert (
        call(
            duty, "post", f"/api/v1/events/{event['id']}/actions/close", {"closed_at": "2026-06-22T10:00:00"}
        )[0]
        == 200
    )
    assert call(duty, "post", f"/api/v1/events/{event['id']}/actions/close", {})[0] == 409
    final = _report(duty, call, event, "final", "written", "2026-06-23T10:30:00")[1]
    assert final["late"] is True and final["due_at"].startswith("2026-06-23T10:00:00")
    assert _report(duty, call, event, "final", "written", "2026-06-23T11:00:00")[0] == 409


def test_reports_due_are_in_the_duty_officers_to_do(duty, bureau, street, leader):
    occurred = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=10)
    event = services.event_create(actor=duty, type="flood", title="东岸内涝", place="东岸路", region_code=DONGAN, occurred_at=occurred)  # fmt: skip
    services.report_add(actor=duty, event=event, kind="first", channel="phone", made_at=occurred)
    items = [i for i in todo_for(duty) if i.kind == "emergency_report"]
    assert [(i.object_id, i.due) for i in items] == [
        (f"{event.pk}-first-written", occurred + datetime.timedelta(hours=1))
    ]
    assert [i.object_id for i in todo_for(bureau) if i.kind == "emergency_report"] == [
        f"{event.pk}-first-written"
    ]
    for user in (street, leader):
        assert not [i for i in todo_for(user) if i.kind == "emergency_report"]


def test_a_street_may_not_be_told_about_a_report_it_cannot_see(street, other_street, call):
    event = call(street, "post", "/api/v1/events", FLOOD)[1]
    assert _report(other_street, call, event, "first", "phone", "2026-06-20T08:10:00")[0] == 404


def test_the_event_page_shows_the_reports_timeline(duty, client):
    event = services.event_create(actor=duty, type="flood", title="东岸内涝", place="东岸路", region_code=DONGAN, occurred_at=beijing(2026, 6, 20, 8, 0))  # fmt: skip
    services.report_add(
        actor=duty, event=event, kind="first", channel="written", made_at=beijing(2026, 6, 20, 9, 30)
    )
    client.force_login(duty)
    page = client.get(f"/emergency/events/{event.pk}/").content.decode()
    assert "东岸内涝" in page and 'data-testid="late-report"' in page


@pytest.mark.parametrize("role", ["bureau", "street", "inspector", "leader", "duty", "department", "admin"])
def test_every_page_opens_for_every_staff_role(request, role, bureau, shelter, client):
    from yingji.emergency import responses, special

    event = services.event_create(actor=bureau, type="flood", title="东岸内涝", place="东岸路", region_code=DONGAN, occurred_at=beijing(2026, 6, 20, 8, 0))  # fmt: skip
    response = responses.response_start(actor=bureau, type="flood", level="IV", region_code=DONGAN)
    special.person_create(actor=bureau, region_code=DONGAN, name="王奶奶", category="sick", risk_area="low_lying", id_number="430102195001011234")  # fmt: skip
    services.evacuation_create(
        actor=bureau, region_code=DONGAN, date="2026-06-20", people=5, shelter=shelter.pk
    )
    client.force_login(request.getfixturevalue(role))
    pages = ["/emergency/", "/emergency/events/", f"/emergency/events/{event.pk}/", "/emergency/responses/",
             f"/emergency/responses/{response.pk}/", "/emergency/evacuations/", "/emergency/shelters/"]  # fmt: skip
    for path in pages:
        assert client.get(path).status_code == 200, path
    register = client.get("/emergency/special-groups/")
    assert register.status_code == (403 if role == "department" else 200)
    if register.status_code == 200:
        assert "430102195001011234" not in register.content.decode()


def test_enterprises_have_no_emergency_pages(enterprise_user, client):
    client.force_login(enterprise_user)
    assert client.get("/emergency/").status_code == 403
    assert client.get("/emergency/events/").status_code == 403


def test_casualties_are_updated_until_the_event_closes(duty, street, call, client):
    event = call(duty, "post", "/api/v1/events", FLOOD)[1]
    status, data = call(duty, "patch", f"/api/v1/events/{event['id']}", {"dead": 1, "losses": "30"})
    assert status == 200 and (data["dead"], data["losses"]) == (1, "30.00")
    client.force_login(street)
    client.post(f"/emergency/events/{event['id']}/", {"do": "update", "dead": "1", "missing": "0", "injured": "4", "losses": "30", "summary": "续报"})  # fmt: skip
    assert call(duty, "get", f"/api/v1/events/{event['id']}")[1]["injured"] == 4
    call(duty, "post", f"/api/v1/events/{event['id']}/actions/close", {})
    assert call(duty, "patch", f"/api/v1/events/{event['id']}", {"dead": 2})[0] == 409
