"""/api/v1/accidents: fields, filters, bad input, roles and the jurisdiction rule."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from yingji.accidents.tests.factories import DONGAN, WENYILU, accident_factory, beijing
from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory

pytestmark = pytest.mark.django_db
URL = "/api/v1/accidents"


def body(**changes) -> dict:
    return {
        "occurred_at": "2026-03-01T09:00:00+08:00",
        "region_code": DONGAN,
        "place": "五一大道123号工地",
        "kind": "production",
        "category": "09",
        "deaths": 1,
        "missing": 0,
        "serious_injuries": 0,
        "minor_injuries": 2,
        "direct_loss": "1200000.50",
        "summary": "一名工人从脚手架坠落。",
        "reported_at": "2026-03-01T09:40:00+08:00",
    } | changes


def post(client, url: str, data: dict | None = None):
    return client.post(url, data or {}, content_type="application/json")


def listed(client, **params) -> list[str]:
    response = client.get(URL, params | {"page_size": 500})
    assert response.status_code == 200, response.content
    return sorted(row["place"] for row in response.json()["results"])


@pytest.fixture
def spread(bureau, enterprises):
    """东岸: a production accident of A (construction) reported late and a road accident;
    文艺路: a fire; C (gas) a production accident; 天心区: a road accident of its own."""
    outsider = user_factory(role=Role.BUREAU, region="430103", name="天心区安委办")
    return {
        "A": accident_factory(
            actor=bureau,
            place="东岸工地",
            enterprise_id=enterprises["A"].pk,
            occurred_at=beijing(2026, 3, 1, 9, 0),
            reported_at=beijing(2026, 3, 1, 11, 0),
        ),
        "road": accident_factory(
            actor=bureau,
            place="东岸路口",
            kind="road_traffic",
            category="02",
            deaths=0,
            serious_injuries=2,
            occurred_at=beijing(2026, 5, 10, 18, 0),
            reported_at=beijing(2026, 5, 10, 18, 20),
        ),
        "fire": accident_factory(
            actor=bureau,
            place="文艺路商铺",
            region_code=WENYILU,
            kind="fire",
            category="08",
            deaths=0,
            direct_loss="30000",
            occurred_at=beijing(2026, 6, 1, 2, 0),
            reported_at=beijing(2026, 6, 1, 2, 30),
        ),
        "C": accident_factory(
            actor=bureau,
            place="文艺路燃气站",
            region_code=WENYILU,
            enterprise_id=enterprises["C"].pk,
            category="18",
            deaths=3,
            occurred_at=beijing(2026, 7, 1, 10, 0),
            reported_at=beijing(2026, 7, 1, 10, 30),
        ),
        "D": accident_factory(
            actor=outsider, place="天心路口", region_code="430103002", kind="road_traffic", category="02"
        ),
    }


# --- Create and read ------------------------------------------------------------------------


def test_registering_answers_201_with_the_computed_fields(api, bureau):
    response = post(api(bureau), URL, body(deaths=2, missing=1))
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["grade"] == "relatively_serious"  # 2 dead + 1 missing
    assert data["direct_loss"] == "1200000.50"  # yuan, as a decimal string
    assert data["occurred_at"] == "2026-03-01T09:00:00+08:00"
    assert data["report_deadline"] == "2026-03-01T10:00:00+08:00"
    assert data["late"] is False and data["late_by_minutes"] is None
    assert data["investigation_deadline"] == "2026-04-30"
    assert data["update_window_ends"] == "2026-03-31"
    assert [step["level"] for step in data["report_chain"]] == ["county", "city", "province"]
    assert (data["industry"], data["domain"], data["enterprise_id"], data["status"]) == (
        "other",
        "other",
        None,
        "reported",
    )
    assert data["is_business_related"] is True and data["investigating_level"] == "city"


def test_a_late_report_says_by_how_much(api, bureau):
    data = post(api(bureau), URL, body(reported_at="2026-03-01T12:15:00+08:00")).json()
    assert data["late"] is True and data["late_by_minutes"] == 135


def test_reported_at_defaults_to_now_and_a_naive_time_is_beijing_time(api, bureau):
    before = timezone.now()
    response = post(api(bureau), URL, body(occurred_at="2026-03-01T09:00:00", reported_at=None))
    data = response.json()
    assert data["occurred_at"] == "2026-03-01T09:00:00+08:00"
    assert datetime.datetime.fromisoformat(data["reported_at"]) >= before.replace(microsecond=0)
    assert data["late"] is True


def test_industry_and_domain_default_from_the_enterprise(api, bureau, enterprises):
    data = post(api(bureau), URL, body(enterprise_id=enterprises["A"].pk)).json()
    assert (data["industry"], data["domain"], data["enterprise_name"]) == (
        "construction",
        "construction",
        "东岸建筑工程有限公司",
    )


def test_a_fire_has_no_domain(api, bureau):
    data = post(api(bureau), URL, body(kind="fire", category="08")).json()
    assert data["domain"] is None and data["is_business_related"] is False


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"deaths": -1}, "deaths"),
        ({"missing": -1}, "missing"),
        ({"serious_injuries": -1}, "serious_injuries"),
        ({"minor_injuries": -1}, "minor_injuries"),
        ({"direct_loss": "-5"}, "direct_loss"),
        ({"occurred_at": "2099-01-01T09:00:00+08:00", "reported_at": None}, "occurred_at"),
        ({"reported_at": "2026-03-01T08:59:00+08:00"}, "reported_at"),
        ({"category": "21"}, "category"),
        ({"kind": "earthquake"}, "kind"),
        ({"region_code": WENYILU, "enterprise_id": "A"}, "enterprise_id"),
        ({"region_code": "430103002"}, "region_code"),
        ({"grade": "ordinary"}, "grade"),
        ({"colour": "red"}, "colour"),
        ({"place": ""}, "place"),
    ],
)
def test_bad_input_is_a_400_with_field_errors(api, bureau, enterprises, changes, field):
    if changes.get("enterprise_id") == "A":
        changes["enterprise_id"] = enterprises["A"].pk  # A lies in 东岸, not 文艺路
    response = post(api(bureau), URL, body(**changes))
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]


def test_an_enterprise_outside_the_jurisdiction_is_a_400(api, street, enterprises):
    response = post(api(street), URL, body(enterprise_id=enterprises["D"].pk))
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["enterprise_id"]


@pytest.mark.parametrize("persona", ["leader", "enterprise_user"])
def test_leaders_and_enterprises_may_not_write(request, api, bureau, enterprises, persona):
    user = (
        user_factory(role=Role.LEADER, org=bureau.organisation)
        if persona == "leader"
        else request.getfixturevalue(persona)
    )
    accident = accident_factory(actor=bureau, enterprise_id=enterprises["A"].pk)
    client = api(user)
    assert client.get(f"{URL}/{accident.pk}").status_code == 200
    assert post(client, URL, body(enterprise_id=enterprises["A"].pk)).status_code == 403
    patch = client.patch(f"{URL}/{accident.pk}", {"place": "x"}, content_type="application/json")
    assert patch.status_code == 403
    update = {
        "deaths": 2,
        "missing": 0,
        "serious_injuries": 0,
        "minor_injuries": 0,
        "direct_loss": "0",
        "reason": "x",
    }
    assert post(client, f"{URL}/{accident.pk}/updates", update).status_code == 403
    assert post(client, f"{URL}/{accident.pk}/actions/start_investigation", {"team": "x"}).status_code == 403
    assert post(client, f"{URL}/{accident.pk}/measures", {"description": "x"}).status_code == 403


# --- Lists, filters and scoping -------------------------------------------------------------


def test_the_bureau_filters_the_list(api, bureau, spread):
    client = api(bureau)
    assert listed(client) == sorted(["东岸工地", "东岸路口", "文艺路商铺", "文艺路燃气站"])
    assert listed(client, region=WENYILU) == ["文艺路商铺", "文艺路燃气站"]
    assert listed(client, kind="road_traffic") == ["东岸路口"]
    assert listed(client, category="08") == ["文艺路商铺"]
    assert listed(client, industry="gas") == ["文艺路燃气站"]
    assert listed(client, grade="relatively_serious") == ["文艺路燃气站"]
    assert listed(client, late="true") == ["东岸工地"]
    assert "东岸工地" not in listed(client, late="false")
    assert listed(client, **{"from": "2026-05-10", "to": "2026-06-01"}) == ["东岸路口", "文艺路商铺"]


def test_a_date_filter_uses_beijing_dates(api, bureau, spread):
    # The fire happened at 02:00 on 1 June in Beijing, which is still 31 May in UTC.
    assert listed(api(bureau), **{"from": "2026-06-01", "to": "2026-06-01"}) == ["文艺路商铺"]


@pytest.mark.parametrize(
    ("persona", "sees"),
    [
        ("street", ["东岸工地", "东岸路口"]),
        ("other_street", ["文艺路商铺", "文艺路燃气站"]),
        ("department", ["东岸工地", "文艺路燃气站"]),  # construction and gas
        ("enterprise_user", ["东岸工地"]),  # its own accident only
        ("outsider", ["天心路口"]),  # its own district only
    ],
)
def test_each_persona_lists_only_its_jurisdiction(request, api, spread, persona, sees):
    assert listed(api(request.getfixturevalue(persona))) == sees


def test_a_region_filter_never_widens_the_jurisdiction(api, street, spread):
    assert listed(api(street), region="430102") == ["东岸工地", "东岸路口"]
    assert listed(api(street), region=WENYILU) == []


def test_outside_the_jurisdiction_every_endpoint_answers_404(api, street, spread):
    client = api(street)
    fire = spread["fire"].pk
    missing = client.get(f"{URL}/99999999")
    assert client.get(f"{URL}/{fire}").content == missing.content
    assert client.get(f"{URL}/{fire}").status_code == 404
    assert client.get(f"{URL}/{fire}/updates").status_code == 404
    assert client.get(f"{URL}/{fire}/measures").status_code == 404
    assert client.patch(f"{URL}/{fire}", {"place": "x"}, content_type="application/json").status_code == 404
    update = {
        "deaths": 1,
        "missing": 0,
        "serious_injuries": 0,
        "minor_injuries": 0,
        "direct_loss": "0",
        "reason": "x",
    }
    assert post(client, f"{URL}/{fire}/updates", update).status_code == 404
    assert post(client, f"{URL}/{fire}/actions/start_investigation", {"team": "x"}).status_code == 404


def test_the_bureau_of_another_district_sees_none_of_ours(api, outsider, spread):
    assert api(outsider).get(f"{URL}/{spread['A'].pk}").status_code == 404


# --- Corrections ----------------------------------------------------------------------------


def test_patch_corrects_the_accidents_own_fields(api, bureau, spread):
    pk = spread["A"].pk
    response = api(bureau).patch(
        f"{URL}/{pk}", {"place": "东岸工地2号楼", "cause": "未系安全带"}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    assert (response.json()["place"], response.json()["cause"]) == ("东岸工地2号楼", "未系安全带")


def test_patch_refuses_figures_and_points_to_updates(api, bureau, spread):
    pk = spread["A"].pk
    response = api(bureau).patch(
        f"{URL}/{pk}", {"deaths": 3, "grade": "serious"}, content_type="application/json"
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert "/updates" in errors["deaths"][0] and "grade" in errors


def test_patch_can_correct_the_time_of_the_first_report(api, bureau, spread):
    pk = spread["A"].pk
    response = api(bureau).patch(
        f"{URL}/{pk}", {"reported_at": "2026-03-01T09:50:00+08:00"}, content_type="application/json"
    )
    assert response.json()["late"] is False


# --- Casualty updates -----------------------------------------------------------------------


def test_posting_an_update_regrades_within_the_window(api, bureau, spread):
    pk = spread["A"].pk
    update = {
        "deaths": 3,
        "missing": 0,
        "serious_injuries": 0,
        "minor_injuries": 0,
        "direct_loss": "1500000",
        "reason": "两名重伤人员经抢救无效死亡",
        "changed_on": "2026-03-05",
        "reported_at": "2026-03-05T15:00:00+08:00",
    }
    response = post(api(bureau), f"{URL}/{pk}/updates", update)
    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["counts"], data["grade"], data["accident_grade"]) == (
        True,
        "relatively_serious",
        "relatively_serious",
    )
    assert data["direct_loss"] == "1500000.00" and data["before"]["deaths"] == 1
    history = api(bureau).get(f"{URL}/{pk}/updates").json()
    assert [(u["kind"], u["deaths"]) for u in history["results"]] == [("initial", 1), ("update", 3)]
    assert api(bureau).get(f"{URL}/{pk}").json()["deaths"] == 3


def test_an_update_after_the_window_is_recorded_but_not_counted(api, bureau, spread):
    pk = spread["road"].pk  # road traffic: 7 days
    update = {
        "deaths": 1,
        "missing": 0,
        "serious_injuries": 1,
        "minor_injuries": 0,
        "direct_loss": "20000",
        "reason": "伤者死亡",
        "changed_on": "2026-05-18",
        "reported_at": "2026-05-18T10:00:00+08:00",
    }
    data = post(api(bureau), f"{URL}/{pk}/updates", update).json()
    assert data["counts"] is False
    assert api(bureau).get(f"{URL}/{pk}").json()["deaths"] == 0


def test_a_negative_update_is_a_400(api, bureau, spread):
    update = {
        "deaths": -1,
        "missing": 0,
        "serious_injuries": 0,
        "minor_injuries": 0,
        "direct_loss": "0",
        "reason": "x",
    }
    response = post(api(bureau), f"{URL}/{spread['A'].pk}/updates", update)
    assert response.status_code == 400 and "deaths" in response.json()["errors"]


# --- Investigation actions and measures -----------------------------------------------------


def test_the_investigation_through_actions(api, bureau, spread):
    client = api(bureau)
    base = f"{URL}/{spread['A'].pk}/actions"
    started = post(client, f"{base}/start_investigation", {"team": "组长：李明", "started_on": "2026-03-02"})
    assert started.status_code == 200, started.content
    assert (started.json()["status"], started.json()["investigation_body"]) == (
        "investigating",
        "县级人民政府",
    )
    extended = post(client, f"{base}/extend_investigation", {"days": 30, "reason": "技术鉴定"}).json()
    assert extended["investigation_deadline"] == "2026-05-30" and extended["extension_days"] == 30
    again = post(client, f"{base}/extend_investigation", {"days": 10, "reason": "再延"})
    assert again.status_code == 409
    approved = post(client, f"{base}/approve_report", {"conclusion": "责任事故", "approved_on": "2026-04-20"})
    assert approved.json()["status"] == "report_approved"
    measure = post(client, f"{URL}/{spread['A'].pk}/measures", {"description": "全员培训"})
    assert measure.status_code == 201
    closed = post(client, f"{base}/close", {"closed_on": "2026-05-01"}).json()
    assert closed["status"] == "closed" and closed["closed_with_open_measures"] is True
    assert listed(client, open_after_close="true") == ["东岸工地"]
    done = post(
        client, f"{URL}/{spread['A'].pk}/measures/{measure.json()['id']}/actions/complete", {"note": "已培训"}
    )
    assert done.status_code == 200 and done.json()["completed_on"]
    assert client.get(f"{URL}/{spread['A'].pk}").json()["closed_with_open_measures"] is False


def test_an_action_the_state_does_not_allow_is_a_409_naming_the_state(api, bureau, spread):
    response = post(api(bureau), f"{URL}/{spread['A'].pk}/actions/close")
    assert response.status_code == 409
    assert "已报告" in response.json()["detail"]  # the accident is 已报告 (reported)


def test_an_unknown_action_is_a_400(api, bureau, spread):
    response = post(api(bureau), f"{URL}/{spread['A'].pk}/actions/reopen")
    assert response.status_code == 400 and "action" in response.json()["errors"]


def test_a_street_may_not_run_the_investigation(api, street, spread):
    response = post(api(street), f"{URL}/{spread['A'].pk}/actions/start_investigation", {"team": "x"})
    assert response.status_code == 403


def test_the_investigation_report_is_uploaded_and_downloaded(api, bureau, spread):
    client = api(bureau)
    pk = spread["A"].pk
    post(client, f"{URL}/{pk}/actions/start_investigation", {"team": "组长"})
    upload = SimpleUploadedFile("调查报告.pdf", b"%PDF-1.7 the report", content_type="application/pdf")
    response = client.post(f"{URL}/{pk}/investigation-report", {"file": upload})
    assert response.status_code == 200, response.content
    assert response.json()["has_investigation_report"] is True
    download = client.get(f"{URL}/{pk}/investigation-report")
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.7 the report"


def test_patch_cannot_empty_a_required_field(api, bureau, spread):
    pk = spread["A"].pk
    for field in ("reported_at", "occurred_at", "place", "region_code"):
        response = api(bureau).patch(f"{URL}/{pk}", {field: None}, content_type="application/json")
        assert response.status_code == 400 and field in response.json()["errors"], field
