"""Response activation: a Ⅳ started and raised to Ⅲ (the history says who and when), each
level's measures in the checklist, ticked with who and when; every refused transition, listed
by hand; who may act; scoping."""

import pytest

from yingji.emergency.measures import default_measures
from yingji.emergency.tests.conftest import DISTRICT

pytestmark = pytest.mark.django_db
START = {
    "type": "flood",
    "level": "IV",
    "region_code": DISTRICT,
    "started_at": "2026-06-20T10:00:00",
    "reason": "强降雨",
}


def _act(call, user, response, action, body=None):
    return call(user, "post", f"/api/v1/responses/{response['id']}/actions/{action}", body or {})


def test_a_level_iv_response_raised_to_iii(duty, bureau, call):
    status, response = call(duty, "post", "/api/v1/responses", START)
    assert status == 201 and response["level"] == "IV" and response["status"] == "active"
    assert [m["text"] for m in response["measures"]] == default_measures("flood", "IV")
    status, response = _act(
        call,
        bureau,
        response,
        "change_level",
        {"level": "III", "at": "2026-06-21T06:00:00", "note": "水位超警"},
    )
    assert status == 200 and response["level"] == "III"
    history = [
        (c["kind"], c["from_level"], c["to_level"], c["by"], c["at"][:16]) for c in response["changes"]
    ]
    assert history == [
        ("start", "", "IV", "duty", "2026-06-20T10:00"),
        ("raise", "IV", "III", "bureau", "2026-06-21T06:00"),
    ]
    levels = [m["level"] for m in response["measures"]]
    assert levels.count("IV") == len(default_measures("flood", "IV")) and levels.count("III") == len(
        default_measures("flood", "III")
    )


def test_lowering_and_ending(duty, call):
    response = call(duty, "post", "/api/v1/responses", START | {"level": "III"})[1]
    response = _act(call, duty, response, "change_level", {"level": "IV"})[1]
    assert response["changes"][-1]["kind"] == "lower"
    response = _act(call, duty, response, "end", {"note": "雨停"})[1]
    assert response["status"] == "ended" and response["ended_at"] and response["changes"][-1]["kind"] == "end"


def test_measures_are_ticked_with_who_and_when(duty, call):
    response = call(duty, "post", "/api/v1/responses", START)[1]
    measure = response["measures"][0]
    response = _act(call, duty, response, "tick", {"measure_id": measure["id"]})[1]
    ticked = next(m for m in response["measures"] if m["id"] == measure["id"])
    assert ticked["ticked_by"] == "duty" and ticked["ticked_at"]


def test_refused_transitions_are_409(duty, call):
    response = call(duty, "post", "/api/v1/responses", START)[1]
    measure = response["measures"][0]["id"]
    assert _act(call, duty, response, "change_level", {"level": "IV"})[0] == 409  # the same level
    assert call(duty, "post", "/api/v1/responses", START)[0] == 409  # a second flood response in force
    assert _act(call, duty, response, "tick", {"measure_id": measure})[0] == 200
    assert _act(call, duty, response, "tick", {"measure_id": measure})[0] == 409  # ticked already
    assert _act(call, duty, response, "end")[0] == 200
    for action, body in (
        ("end", {}),
        ("change_level", {"level": "III"}),
        ("tick", {"measure_id": response["measures"][1]["id"]}),
    ):
        assert _act(call, duty, response, action, body)[0] == 409, action


def test_bad_actions_are_400(duty, call):
    response = call(duty, "post", "/api/v1/responses", START)[1]
    assert _act(call, duty, response, "change_level", {})[0] == 400
    assert _act(call, duty, response, "change_level", {"level": "V"})[0] == 400
    assert _act(call, duty, response, "tick", {"measure_id": 999999})[0] == 400
    assert _act(call, duty, response, "change_level", {"level": "III", "at": "2026-06-19T00:00:00"})[0] == 400
    assert call(duty, "post", "/api/v1/responses", START | {"event_ids": [999]})[0] == 400


def test_who_may_start_and_who_sees(street, other_street, outsider, inspector, leader, bureau, call):
    for user in (street, inspector, leader):
        assert call(user, "post", "/api/v1/responses", START | {"region_code": "430102015"})[0] == 403
    response = call(bureau, "post", "/api/v1/responses", START)[1]
    assert (
        call(street, "get", f"/api/v1/responses/{response['id']}")[0] == 404
    )  # a district response: above the street
    assert call(outsider, "get", f"/api/v1/responses/{response['id']}")[0] == 404
    assert call(leader, "get", f"/api/v1/responses/{response['id']}")[0] == 200
    assert _act(call, street, response, "end")[0] == 404


def test_the_plans_measures_are_used_when_preparedness_has_them(duty):
    """The district's flood plan (preparedness) gives the checklist; a type without a plan gets the
    shipped defaults."""
    import datetime

    plans = pytest.importorskip("yingji.preparedness.models")
    from yingji.emergency import responses

    level = plans.Plan._meta.get_field("level").choices[0][0]
    plans.Plan.objects.create(
        title="芙蓉区防汛应急预案", level=level, type="flood", region_id=DISTRICT, approved_on=datetime.date(2025, 3, 1),
        review_due=datetime.date(2028, 3, 1), measures={"IV": ["区防指办公室加强值守", "街道巡查"], "III": ["指挥长坐镇"]},
    )  # fmt: skip
    flood = responses.response_start(actor=duty, type="flood", level="IV", region_code=DISTRICT)
    assert [m.text for m in flood.measures.all()] == ["区防指办公室加强值守", "街道巡查"]
    responses.response_change_level(actor=duty, response=flood, level="III")
    assert [m.text for m in flood.measures.filter(level="III")] == ["指挥长坐镇"]
    fire = responses.response_start(actor=duty, type="forest_fire", level="IV", region_code=DISTRICT)
    assert [m.text for m in fire.measures.all()] == default_measures("forest_fire", "IV")


def test_the_response_page_raises_the_level(duty, client):
    from yingji.emergency import responses

    response = responses.response_start(actor=duty, type="flood", level="IV", region_code=DISTRICT)
    client.force_login(duty)
    page = client.post(
        f"/emergency/responses/{response.pk}/", {"do": "change_level", "level": "III"}, follow=True
    )
    assert "Ⅲ" in page.content.decode()
    response.refresh_from_db()
    assert response.level == "III"


def test_the_start_form_and_a_refusal_shown_on_the_page(duty, street, client):
    client.force_login(duty)
    page = client.post(
        "/emergency/responses/", {"type": "flood", "level": "IV", "region_code": DISTRICT, "reason": "强降雨"}
    )
    assert page.status_code == 302
    again = client.post("/emergency/responses/", {"type": "flood", "level": "IV", "region_code": DISTRICT})
    assert again.status_code == 200 and 'data-testid="errors"' in again.content.decode()
    client.force_login(street)
    assert (
        client.post(
            "/emergency/responses/", {"type": "flood", "level": "IV", "region_code": "430102015"}
        ).status_code
        == 403
    )
