"""The annual enforcement plan (分类分级) and 双随机一公开 draws, as the API serves them."""

import pytest
from django.utils import timezone

from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory
from yingji.audit.models import AuditEntry
from yingji.core.industries import Industry
from yingji.enterprises.tests.factories import enterprise_factory
from yingji.inspections.planning_models import RandomDraw
from yingji.inspections.tests.factories import inspection_factory

pytestmark = pytest.mark.django_db
DRAWS, PLANS = "/api/v1/random-draws", "/api/v1/enforcement-plans"


@pytest.fixture
def registry(bureau):
    """12 construction enterprises of 东岸街道, 4 of them graded major; 3 more inspectors."""
    ents = [
        enterprise_factory(
            region="430102015", industry=Industry.CONSTRUCTION, risk_grade="major" if n < 4 else "general"
        )
        for n in range(12)
    ]
    for n in range(3):
        user_factory(role=Role.INSPECTOR, org=bureau.organisation, username=f"officer{n}")
    return ents


def draw(api, user, **body):
    payload = {"region": "430102015", "enterprises": 3, "officers": 2} | body
    return api(user).post(DRAWS, payload, content_type="application/json")


def test_the_same_seed_over_the_same_registry_draws_the_same_lists(api, bureau, registry):
    first = draw(api, bureau, seed=20261203).json()
    second = draw(api, bureau, seed=20261203).json()
    assert first["enterprise_ids"] == second["enterprise_ids"]
    assert first["officer_ids"] == second["officer_ids"]
    assert first["id"] != second["id"] and first["seed"] == 20261203


def test_different_seeds_draw_differently(api, bureau, registry):
    draws = {tuple(draw(api, bureau, seed=s).json()["enterprise_ids"]) for s in range(10)}
    assert len(draws) > 1  # C(12,3)=220 possible draws: ten seeds agreeing would be a broken draw


def test_a_draw_without_seed_records_the_seed_chosen(api, bureau, registry):
    answer = draw(api, bureau)
    assert answer.status_code == 201
    body = answer.json()
    again = draw(api, bureau, seed=body["seed"]).json()
    assert again["enterprise_ids"] == body["enterprise_ids"]
    assert RandomDraw.objects.get(pk=body["id"]).seed == body["seed"]


def test_a_draw_takes_only_enterprises_matching_the_filters_and_inspectors(api, bureau, inspector, registry):
    body = draw(api, bureau, risk_grade="major", enterprises=4, officers=4).json()
    assert sorted(body["enterprise_ids"]) == sorted(e.id for e in registry[:4])
    assert len(set(body["officer_ids"])) == 4  # the inspector fixture and the three officers
    assert bureau.id not in body["officer_ids"]


def test_more_enterprises_than_candidates_is_refused_with_the_count(api, bureau, registry):
    answer = draw(api, bureau, risk_grade="major", enterprises=5)
    assert answer.status_code == 400
    assert "4" in answer.json()["errors"]["enterprises"][0]


def test_more_officers_than_inspectors_is_refused(api, bureau, registry):
    answer = draw(api, bureau, officers=9)
    assert answer.status_code == 400 and "officers" in answer.json()["errors"]


def test_every_draw_is_audited(api, bureau, registry):
    body = draw(api, bureau, seed=7).json()
    entry = AuditEntry.objects.get(object_type="inspections.randomdraw", object_id=str(body["id"]))
    assert entry.action == "create" and entry.after["seed"] == 7


def test_a_region_outside_the_jurisdiction_is_refused(api, outsider, registry):
    answer = draw(api, outsider)
    assert answer.status_code == 400 and "region" in answer.json()["errors"]


def test_streets_read_draws_within_their_jurisdiction_but_do_not_draw(
    api, bureau, street, other_street, registry
):
    body = draw(api, bureau).json()
    assert draw(api, street).status_code == 403
    assert api(street).get(f"{DRAWS}/{body['id']}").status_code == 200
    assert api(other_street).get(f"{DRAWS}/{body['id']}").status_code == 404
    assert api(other_street).get(DRAWS).json()["count"] == 0
    assert api(street).get(DRAWS).json()["count"] == 1


def plan_body(year=None):
    return {
        "year": year or timezone.localdate().year,
        "rows": [
            {"risk_grade": "major", "industry": "construction", "planned": 4, "frequency": 4},
            {"risk_grade": "general", "industry": "construction", "planned": 10},
        ],
    }


def test_plan_progress_counts_distinct_enterprises_inspected_by_grade_and_industry(api, bureau, registry):
    plan = api(bureau).post(PLANS, plan_body(), content_type="application/json")
    assert plan.status_code == 201
    today = timezone.localdate()
    for enterprise in registry[:2] + registry[:1] + registry[4:7]:  # one major enterprise twice
        inspection_factory(actor=bureau, enterprise=enterprise, inspected_on=today)
    inspection_factory(actor=bureau, enterprise=registry[3], inspected_on=today, type="self_check")
    detail = api(bureau).get(f"{PLANS}/{plan.json()['id']}").json()
    rows = {r["risk_grade"]: r for r in detail["rows"]}
    assert (rows["major"]["inspected"], rows["major"]["percent"]) == (2, 50.0)
    assert (rows["general"]["inspected"], rows["general"]["percent"]) == (3, 30.0)
    assert detail["totals"] == {"planned": 14, "inspected": 5, "percent": 35.7}


def test_patch_changes_a_row_and_adds_another(api, bureau):
    plan_id = api(bureau).post(PLANS, plan_body(), content_type="application/json").json()["id"]
    rows = [
        {"risk_grade": "major", "industry": "construction", "planned": 6},
        {"risk_grade": "low", "industry": "gas", "planned": 2},
    ]
    detail = api(bureau).patch(f"{PLANS}/{plan_id}", {"rows": rows}, content_type="application/json").json()
    planned = {(r["risk_grade"], r["industry"]): r["planned"] for r in detail["rows"]}
    assert planned == {("major", "construction"): 6, ("general", "construction"): 10, ("low", "gas"): 2}


def test_one_plan_per_bureau_and_year(api, bureau):
    api(bureau).post(PLANS, plan_body(2026), content_type="application/json")
    answer = api(bureau).post(PLANS, plan_body(2026), content_type="application/json")
    assert answer.status_code == 400 and "year" in answer.json()["errors"]


def test_only_the_bureau_writes_plans_others_read_within_scope(api, bureau, street, department, outsider):
    plan_id = api(bureau).post(PLANS, plan_body(), content_type="application/json").json()["id"]
    assert api(street).post(PLANS, plan_body(), content_type="application/json").status_code == 403
    patch = {"rows": [{"risk_grade": "low", "industry": "gas", "planned": 1}]}
    assert (
        api(department).patch(f"{PLANS}/{plan_id}", patch, content_type="application/json").status_code == 403
    )
    assert api(street).get(f"{PLANS}/{plan_id}").status_code == 404  # the district plan is above the street
    assert api(department).get(f"{PLANS}/{plan_id}").status_code == 200
    assert api(outsider).get(f"{PLANS}/{plan_id}").status_code == 404
