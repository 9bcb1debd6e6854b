"""Enterprise list and detail through the API obey the jurisdiction rule; outside is 404."""

import pytest

pytestmark = pytest.mark.django_db


def listed(client, **params) -> set[str]:
    response = client.get("/api/v1/enterprises", params | {"page_size": 500})
    assert response.status_code == 200
    return {row["name"] for row in response.json()["results"]}


def test_street_lists_only_its_street(api, street, enterprises):
    assert listed(api(street)) == {"东岸建筑工程有限公司", "东岸商贸有限公司"}


def test_street_cannot_read_another_streets_enterprise(api, street, enterprises):
    client = api(street)
    assert client.get(f"/api/v1/enterprises/{enterprises['A'].pk}").status_code == 200
    response = client.get(f"/api/v1/enterprises/{enterprises['C'].pk}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_a_missing_record_and_an_outside_one_answer_alike(api, street, enterprises):
    outside = api(street).get(f"/api/v1/enterprises/{enterprises['C'].pk}")
    missing = api(street).get("/api/v1/enterprises/99999999")
    assert outside.status_code == missing.status_code == 404
    assert outside.content == missing.content


def test_department_lists_and_reads_only_its_industries(api, department, enterprises):
    client = api(department)
    assert listed(client) == {"东岸建筑工程有限公司", "文艺路燃气有限公司"}
    assert client.get(f"/api/v1/enterprises/{enterprises['B'].pk}").status_code == 404


def test_enterprise_sees_only_itself(api, enterprise_user, enterprises):
    client = api(enterprise_user)
    assert listed(client) == {"东岸建筑工程有限公司"}
    assert client.get(f"/api/v1/enterprises/{enterprises['B'].pk}").status_code == 404


def test_a_region_filter_never_widens_the_jurisdiction(api, street, outsider, enterprises):
    assert listed(api(street), region="430102") == {"东岸建筑工程有限公司", "东岸商贸有限公司"}
    assert listed(api(street), region="430102001") == set()
    assert listed(api(outsider), region="430102") == set()


def test_bureau_filters_by_street_and_industry(api, bureau, enterprises):
    client = api(bureau)
    assert listed(client, region="430102001") == {"文艺路燃气有限公司"}
    assert listed(client, industry="construction") == {"东岸建筑工程有限公司"}
    assert listed(client, search="商贸") == {"东岸商贸有限公司"}


def test_an_unknown_industry_is_a_400(api, bureau):
    response = api(bureau).get("/api/v1/enterprises", {"industry": "mining"})
    assert response.status_code == 400
    assert "industry" in response.json()["errors"]


def test_pages_are_at_most_500(api, bureau, enterprises):
    assert api(bureau).get("/api/v1/enterprises", {"page_size": 501}).status_code == 400
    body = api(bureau).get("/api/v1/enterprises", {"page_size": 2, "page": 2}).json()
    assert (body["count"], body["page"], body["page_size"], len(body["results"])) == (3, 2, 2, 1)


# --- the registry fields, writes and filters ---------------------------------------------------

FULL = {
    "name": "东岸食品有限公司",
    "region_code": "430102015",
    "industry": "light_industry",
    "address": "长沙市芙蓉区五一大道1号",
    "longitude": "113.012345",
    "latitude": "28.190001",
    "gbt4754_code": "C1431",
    "scale": "small",
    "employees": 120,
    "risk_grade": "relatively_high",
    "legal_representative": "王建国",
    "phone": "0731-84123456",
    "safety_manager": "李安全",
    "safety_manager_phone": "13812345678",
    "status": "operating",
    "is_major_hazard_source": False,
    "major_hazard_source_grade": None,
    "dust_explosion": True,
    "ammonia_refrigeration": True,
    "confined_space": True,
    "safety_director_appointed": True,
    "standardisation_grade": "level_3",
    "liability_insurance": True,
}


def english(client):
    client.cookies["django_language"] = "en"
    return client


def test_registering_returns_every_registry_field(api, bureau):
    from yingji.enterprises.tests.factories import make_uscc

    body = FULL | {"uscc": make_uscc(901), "supervising_department_id": None}
    response = api(bureau).post("/api/v1/enterprises", body, content_type="application/json")
    assert response.status_code == 201, response.content
    out = response.json()
    assert {k: out[k] for k in body} == body
    assert out["risk_colour"] == "orange" and out["id"] > 0 and "created_at" in out
    assert api(bureau).get(f"/api/v1/enterprises/{out['id']}").json() == out


def test_bad_input_is_a_400_with_every_field_error_and_writes_nothing(api, bureau, enterprises):
    client = english(api(bureau))
    body = {"uscc": "91430102000000001X", "name": "坏数据", "region_code": "430103002", "industry": "gas"}
    response = client.post("/api/v1/enterprises", body, content_type="application/json")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"uscc", "region_code"}
    assert "check character" in errors["uscc"][0]
    assert errors["region_code"] == ["Region 430103002 is outside your jurisdiction."]
    response = client.post(
        "/api/v1/enterprises",
        body | {"industry": "mining", "risk_grade": "red"},
        content_type="application/json",
    )
    assert response.status_code == 400 and {"industry", "risk_grade"} <= set(response.json()["errors"])
    assert client.get("/api/v1/enterprises").json()["count"] == 3


def test_a_patch_changes_only_what_it_sends(api, bureau, enterprises):
    a = enterprises["A"]
    response = api(bureau).patch(
        f"/api/v1/enterprises/{a.pk}",
        {"risk_grade": "major", "is_major_hazard_source": True, "major_hazard_source_grade": 2},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    out = response.json()
    assert (out["risk_grade"], out["risk_colour"], out["major_hazard_source_grade"]) == ("major", "red", 2)
    assert (out["name"], out["uscc"], out["industry"]) == (a.name, a.uscc, a.industry)
    cleared = api(bureau).patch(
        f"/api/v1/enterprises/{a.pk}", {"risk_grade": ""}, content_type="application/json"
    )
    assert cleared.json()["risk_grade"] == "" and cleared.json()["risk_colour"] == ""
    missing = english(api(bureau)).patch(
        f"/api/v1/enterprises/{a.pk}", {"name": None}, content_type="application/json"
    )
    assert missing.status_code == 400 and missing.json()["errors"] == {"name": ["This field is required."]}


def test_patch_outside_the_jurisdiction_is_a_404(api, street, enterprises):
    response = api(street).patch(
        f"/api/v1/enterprises/{enterprises['C'].pk}",
        {"phone": "13812345678"},
        content_type="application/json",
    )
    assert response.status_code == 404


def test_an_enterprise_user_may_patch_its_contacts_only(api, enterprise_user, enterprises):
    client = api(enterprise_user)
    url = f"/api/v1/enterprises/{enterprises['A'].pk}"
    ok = client.patch(
        url, {"safety_manager": "陈安全", "phone": "13900000000"}, content_type="application/json"
    )
    assert ok.status_code == 200 and ok.json()["safety_manager"] == "陈安全"
    assert client.patch(url, {"risk_grade": "low"}, content_type="application/json").status_code == 403
    body = FULL | {"uscc": enterprises["A"].uscc}
    assert client.post("/api/v1/enterprises", body, content_type="application/json").status_code == 403


@pytest.mark.parametrize("role", ["leader", "duty"])
def test_leaders_and_duty_officers_read_but_do_not_write(api, bureau, enterprises, role):
    from yingji.accounts.tests.factories import user_factory

    reader = api(user_factory(role=role, org=bureau.organisation))
    assert reader.get("/api/v1/enterprises").json()["count"] == 3
    url = f"/api/v1/enterprises/{enterprises['A'].pk}"
    assert reader.patch(url, {"phone": "13812345678"}, content_type="application/json").status_code == 403
    body = FULL | {"uscc": "91430102000000901X"}
    assert reader.post("/api/v1/enterprises", body, content_type="application/json").status_code == 403


@pytest.fixture
def graded(enterprises, department):
    """A: major risk, a major hazard source, supervised by the department; B: dust, low risk;
    C: suspended gas seller with ammonia and confined space."""
    from yingji.enterprises.models import Enterprise

    Enterprise.objects.filter(pk=enterprises["A"].pk).update(
        risk_grade="major",
        is_major_hazard_source=True,
        major_hazard_source_grade=3,
        supervising_department=department.organisation,
        safety_director_appointed=True,
    )
    Enterprise.objects.filter(pk=enterprises["B"].pk).update(
        risk_grade="low", dust_explosion=True, liability_insurance=True, scale="micro"
    )
    Enterprise.objects.filter(pk=enterprises["C"].pk).update(
        status="suspended", ammonia_refrigeration=True, confined_space=True, standardisation_grade="level_2"
    )
    return enterprises


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"risk_grade": "major"}, {"A"}),
        ({"risk_grade": "low"}, {"B"}),
        ({"status": "suspended"}, {"C"}),
        ({"scale": "micro"}, {"B"}),
        ({"standardisation_grade": "level_2"}, {"C"}),
        ({"is_major_hazard_source": "true"}, {"A"}),
        ({"is_major_hazard_source": "false"}, {"B", "C"}),
        ({"dust_explosion": "true"}, {"B"}),
        ({"ammonia_refrigeration": "true"}, {"C"}),
        ({"confined_space": "true"}, {"C"}),
        ({"safety_director_appointed": "true"}, {"A"}),
        ({"liability_insurance": "true"}, {"B"}),
        ({"liability_insurance": "false", "region": "430102015"}, {"A"}),
        ({"search": "燃气"}, {"C"}),
        ({"industry": "gas"}, {"C"}),
        ({"region": "430102001"}, {"C"}),
    ],
)
def test_each_filter(api, bureau, graded, params, expected):
    names = {graded[k].name for k in expected}
    assert listed(api(bureau), **params) == names


def test_search_by_code_and_filter_by_department(api, bureau, department, graded):
    code = graded["B"].uscc
    assert listed(api(bureau), search=code[-6:].lower()) == {"东岸商贸有限公司"}
    assert listed(api(bureau), department=department.organisation_id) == {"东岸建筑工程有限公司"}


@pytest.mark.parametrize(
    "params", [{"risk_grade": "red"}, {"dust_explosion": "maybe"}, {"department": "x"}, {"status": "open"}]
)
def test_a_filter_that_does_not_parse_is_a_400(api, bureau, params):
    response = api(bureau).get("/api/v1/enterprises", params)
    assert response.status_code == 400 and set(response.json()["errors"]) == set(params)
