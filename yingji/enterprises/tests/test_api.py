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
