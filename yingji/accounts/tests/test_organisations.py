import pytest

pytestmark = pytest.mark.django_db


def names(client, **params) -> set[str]:
    response = client.get("/api/v1/organisations", params)
    assert response.status_code == 200
    return {row["name"] for row in response.json()["results"]}


def test_bureau_lists_the_organisations_of_its_district(
    api, bureau, street, other_street, department, outsider
):
    assert names(api(bureau)) == {
        "芙蓉区应急管理局",
        "东岸街道办事处",
        "文艺路街道办事处",
        "区住房和城乡建设局",
    }
    assert names(api(bureau), kind="street") == {"东岸街道办事处", "文艺路街道办事处"}


def test_street_lists_only_its_own_office(api, bureau, street, other_street):
    assert names(api(street)) == {"东岸街道办事处"}


def test_enterprise_lists_only_itself(api, enterprise_user, street):
    assert names(api(enterprise_user)) == {"东岸建筑"}


def test_a_department_sees_the_district_directory_with_industries(api, bureau, street, department):
    # Organisations have no industry, so a department is scoped by its region alone.
    rows = api(department).get("/api/v1/organisations", {"kind": "department"}).json()["results"]
    assert [(r["name"], r["industries"]) for r in rows] == [("区住房和城乡建设局", ["construction", "gas"])]
    assert names(api(department)) == {"芙蓉区应急管理局", "东岸街道办事处", "区住房和城乡建设局"}
