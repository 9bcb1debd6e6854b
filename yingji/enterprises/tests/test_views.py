import pytest

from yingji.accounts.tests.factories import web_login

pytestmark = pytest.mark.django_db


def test_the_enterprise_page_lists_only_the_jurisdiction(client, street, enterprises):
    web_login(client, "street")
    page = client.get("/enterprises/").content.decode()
    assert "东岸建筑工程有限公司" in page and "东岸商贸有限公司" in page
    assert "文艺路燃气有限公司" not in page and "天心建设有限公司" not in page


def test_the_enterprise_page_for_a_department(client, department, enterprises):
    web_login(client, "department")
    page = client.get("/enterprises/", {"industry": "gas"}).content.decode()
    assert "文艺路燃气有限公司" in page and "东岸建筑工程有限公司" not in page
