"""The accident pages: list with totals, entry form with the live grade, record page, and the
jurisdiction and role rules on every one of them."""

import pytest
from django.test import Client

from yingji.accidents.models import Accident
from yingji.accidents.tests.factories import DONGAN, WENYILU, accident_factory, beijing
from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory, web_login

pytestmark = pytest.mark.django_db


def logged_in(user) -> Client:
    client = Client()
    assert web_login(client, user.username)
    return client


@pytest.fixture
def two_streets(bureau, enterprises):
    return {
        "dongan": accident_factory(
            actor=bureau,
            place="东岸工地",
            enterprise_id=enterprises["A"].pk,
            deaths=1,
            missing=1,
            serious_injuries=2,
            minor_injuries=3,
            direct_loss="1234567.89",
            reported_at=beijing(2026, 3, 1, 12, 0),
        ),
        "wenyilu": accident_factory(
            actor=bureau,
            place="文艺路商铺",
            region_code=WENYILU,
            kind="fire",
            category="08",
            deaths=0,
            direct_loss="50000",
        ),
    }


def form_data(**changes) -> dict:
    return {
        "occurred_at": "2026-03-01T09:00",
        "region_code": DONGAN,
        "place": "八一路工地",
        "enterprise": "",
        "kind": "production",
        "domain": "",
        "category": "09",
        "industry": "",
        "deaths": "1",
        "missing": "0",
        "serious_injuries": "0",
        "minor_injuries": "0",
        "direct_loss": "250000",
        "summary": "工人坠落。",
        "cause": "",
        "report_source": "unit",
        "reported_at": "2026-03-01T09:30",
    } | changes


def test_the_list_shows_totals_in_the_bureaus_terms(bureau, two_streets):
    page = logged_in(bureau).get("/accidents/").content.decode()
    assert "东岸工地" in page and "文艺路商铺" in page
    assert 'data-testid="total-count">2<' in page
    assert 'data-testid="total-deaths">2<' in page  # 1 dead + 1 missing
    assert 'data-testid="total-injured">5<' in page
    assert 'data-testid="total-loss">128.46<' in page  # 1,284,567.89 yuan in 万元
    assert "起数" in page and "直接经济损失（万元）" in page and "迟报" in page


def test_the_list_filters_by_late_and_kind(bureau, two_streets):
    client = logged_in(bureau)
    page = client.get("/accidents/", {"late": "true"}).content.decode()
    assert "东岸工地" in page and "文艺路商铺" not in page
    page = client.get("/accidents/", {"kind": "fire"}).content.decode()
    assert "东岸工地" not in page and "文艺路商铺" in page


@pytest.mark.parametrize(
    ("persona", "sees", "hidden"),
    [
        ("street", "东岸工地", "文艺路商铺"),
        ("other_street", "文艺路商铺", "东岸工地"),
        ("department", "东岸工地", "文艺路商铺"),
        ("enterprise_user", "东岸工地", "文艺路商铺"),
    ],
)
def test_each_persona_sees_only_its_jurisdiction(request, two_streets, persona, sees, hidden):
    client = logged_in(request.getfixturevalue(persona))
    page = client.get("/accidents/").content.decode()
    assert sees in page and hidden not in page
    hidden_pk = next(a.pk for a in two_streets.values() if a.place == hidden)
    assert client.get(f"/accidents/{hidden_pk}/").status_code == 404


def test_the_outsider_sees_nothing_of_ours(outsider, two_streets):
    client = logged_in(outsider)
    page = client.get("/accidents/").content.decode()
    assert "东岸工地" not in page and "文艺路商铺" not in page
    assert client.get(f"/accidents/{two_streets['dongan'].pk}/").status_code == 404


def test_the_record_page_shows_grade_deadlines_history_and_investigation(bureau, two_streets):
    page = logged_in(bureau).get(f"/accidents/{two_streets['dongan'].pk}/").content.decode()
    assert 'class="grade grade-ordinary" data-testid="grade">一般<' in page  # 1 dead + 1 missing: 2
    assert "迟报" in page and "2小时0分钟" in page
    assert "2026-03-01 10:00" in page and "设区的市级" in page
    assert "首报" in page and "事故调查" in page and "启动事故调查" in page


def test_the_grade_preview_answers_as_the_figures_are_typed(bureau):
    client = logged_in(bureau)
    assert "一般" in client.get("/accidents/grade/", {"deaths": "2"}).content.decode()
    assert "较大" in client.get("/accidents/grade/", {"deaths": "2", "missing": "1"}).content.decode()
    assert "重大" in client.get("/accidents/grade/", {"serious_injuries": "50"}).content.decode()
    assert "特别重大" in client.get("/accidents/grade/", {"direct_loss": "100000000"}).content.decode()
    assert "—" in client.get("/accidents/grade/", {"deaths": "x"}).content.decode()


def test_the_form_asks_htmx_for_the_grade(bureau):
    page = logged_in(bureau).get("/accidents/new/").content.decode()
    assert 'hx-get="/accidents/grade/"' in page and 'hx-include="closest form"' in page
    assert "<script>" not in page and "style=" not in page  # the CSP forbids both inline


def test_registering_through_the_form(bureau, enterprises):
    client = logged_in(bureau)
    response = client.post("/accidents/new/", form_data(enterprise="东岸建筑工程有限公司"))
    accident = Accident.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/accidents/{accident.pk}/"
    assert (accident.enterprise, accident.industry, accident.domain) == (
        enterprises["A"],
        "construction",
        "construction",
    )


def test_the_form_shows_service_errors_on_their_fields(bureau, enterprises):
    response = logged_in(bureau).post(
        "/accidents/new/", form_data(region_code=WENYILU, enterprise=enterprises["A"].uscc, deaths="-1")
    )
    assert response.status_code == 400
    assert response.context["form"].errors.keys() >= {"deaths"}
    response = logged_in(bureau).post(
        "/accidents/new/", form_data(region_code=WENYILU, enterprise=enterprises["A"].uscc)
    )
    assert "enterprise" in response.context["form"].errors
    assert not Accident.objects.exists()


def test_a_casualty_update_through_the_page_regrades(bureau, two_streets):
    client = logged_in(bureau)
    pk = two_streets["wenyilu"].pk
    response = client.post(
        f"/accidents/{pk}/updates/",
        {
            "deaths": "3",
            "missing": "0",
            "serious_injuries": "0",
            "minor_injuries": "0",
            "direct_loss": "50000",
            "reason": "伤者死亡",
            "changed_on": "2026-03-03",
            "reported_at": "2026-03-03T10:00",
        },
    )
    assert response.status_code == 302
    page = client.get(f"/accidents/{pk}/").content.decode()
    assert "较大" in page and "伤者死亡" in page


def test_a_bad_update_stays_on_the_page_with_its_errors(bureau, two_streets):
    pk = two_streets["wenyilu"].pk
    response = logged_in(bureau).post(f"/accidents/{pk}/updates/", {"deaths": "-1", "reason": ""})
    assert response.status_code == 400
    assert response.context["update_form"].errors


def test_investigation_actions_through_the_page(bureau, two_streets):
    client = logged_in(bureau)
    pk = two_streets["dongan"].pk
    assert (
        client.post(f"/accidents/{pk}/actions/start_investigation/", {"team": "组长：李明"}).status_code
        == 302
    )
    assert Accident.objects.get(pk=pk).status == "investigating"
    # Closing now is not allowed: the page says so instead of failing.
    response = client.post(f"/accidents/{pk}/actions/close/", {}, follow=True)
    assert "调查中" in response.content.decode()
    assert Accident.objects.get(pk=pk).status == "investigating"


def test_a_leader_reads_but_may_not_write(bureau, two_streets):
    leader = user_factory(role=Role.LEADER, org=bureau.organisation, username="leader")
    client = logged_in(leader)
    pk = two_streets["dongan"].pk
    page = client.get(f"/accidents/{pk}/").content.decode()
    assert "东岸工地" in page and "提交续报" not in page
    assert client.get("/accidents/new/").status_code == 403
    assert client.post("/accidents/new/", form_data()).status_code == 403
    assert client.post(f"/accidents/{pk}/updates/", {"deaths": "3", "reason": "x"}).status_code == 403
    assert client.post(f"/accidents/{pk}/actions/start_investigation/", {"team": "x"}).status_code == 403


def test_an_enterprise_user_reads_its_own_accident_only(enterprise_user, two_streets):
    client = logged_in(enterprise_user)
    assert client.get(f"/accidents/{two_streets['dongan'].pk}/").status_code == 200
    assert client.get("/accidents/new/").status_code == 403


def test_the_nav_offers_accidents_to_supervisors_not_to_enterprises(bureau, enterprise_user):
    assert 'href="/accidents/"' in logged_in(bureau).get("/").content.decode()
    assert 'href="/accidents/"' not in logged_in(enterprise_user).get("/").content.decode()


def test_correcting_through_the_page_keeps_the_figures(bureau, two_streets):
    client = logged_in(bureau)
    pk = two_streets["dongan"].pk
    form = client.get(f"/accidents/{pk}/edit/").context["form"]
    data = {name: form.initial.get(name, "") for name in form.fields} | {"place": "东岸工地2号楼"}
    data["occurred_at"] = "2026-03-01T09:00"
    data["reported_at"] = "2026-03-01T12:00"
    response = client.post(f"/accidents/{pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    accident = Accident.objects.get(pk=pk)
    assert accident.place == "东岸工地2号楼" and accident.deaths == 1 and accident.missing == 1
