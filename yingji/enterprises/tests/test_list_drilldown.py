"""The enterprise list: its filters as removable chips, keyword search over name, USCC and
address, sortable columns; the API's `q` and `street`; never another county's enterprise."""

import pytest
from django.test import Client

from yingji.accounts.tests.factories import web_login

pytestmark = pytest.mark.django_db


def logged_in(username: str) -> Client:
    client = Client()
    client.cookies["django_language"] = "en"
    assert web_login(client, username)
    return client


def chips(response) -> dict[str, tuple[str, str]]:
    return {chip.name: (chip.label, chip.url) for chip in response.context["chips"]}


def names(response) -> list[str]:
    return [e.name for e in response.context["page"]]


def test_filters_are_chips_and_removing_one_widens_the_list(bureau, enterprises):
    client = logged_in("bureau")
    response = client.get("/enterprises/", {"region": "430102015", "industry": "construction"})
    assert names(response) == ["东岸建筑工程有限公司"]
    shown = chips(response)
    assert shown["region"] == ("东岸街道", "?industry=construction")
    assert shown["industry"][1] == "?region=430102015"
    assert len(names(client.get("/enterprises/" + shown["industry"][1]))) == 2  # A and B of 东岸
    flagged = chips(client.get("/enterprises/", {"dust_explosion": "no"}))
    assert flagged["dust_explosion"][1] == "?"


def test_a_keyword_finds_name_uscc_and_address(bureau, enterprises):
    enterprises["C"].address = "长沙市芙蓉区五一大道100号"
    enterprises["C"].save()
    client = logged_in("bureau")
    assert names(client.get("/enterprises/", {"q": "商贸"})) == ["东岸商贸有限公司"]
    assert names(client.get("/enterprises/", {"q": enterprises["A"].uscc.lower()})) == [
        "东岸建筑工程有限公司"
    ]
    assert names(client.get("/enterprises/", {"q": "五一大道"})) == ["文艺路燃气有限公司"]
    assert names(client.get("/enterprises/", {"q": "天心"})) == []  # 天心区 is not ours


def test_columns_sort_and_an_unknown_sort_is_ignored(bureau, enterprises):
    client = logged_in("bureau")
    by_street = names(client.get("/enterprises/", {"sort": "-street"}))
    assert (
        by_street[0] == "东岸建筑工程有限公司" or by_street[0] == "东岸商贸有限公司"
    )  # 430102015 > 430102001
    assert by_street[-1] == "文艺路燃气有限公司"
    assert client.get("/enterprises/", {"sort": "-password"}).status_code == 200


def test_the_api_searches_and_filters_by_street_within_the_jurisdiction(bureau, enterprises, api):
    client = api(bureau)
    assert client.get("/api/v1/enterprises", {"q": "燃气"}).json()["count"] == 1
    assert client.get("/api/v1/enterprises", {"street": "430102015"}).json()["count"] == 2
    assert client.get("/api/v1/enterprises", {"q": enterprises["D"].uscc}).json()["count"] == 0


def test_the_api_sorts_by_a_known_column_and_refuses_another(bureau, enterprises, api):
    client = api(bureau)
    results = client.get("/api/v1/enterprises", {"sort": "street"}).json()["results"]
    assert results[0]["name"] == "文艺路燃气有限公司"  # 430102001 before 东岸's 430102015
    response = client.get("/api/v1/enterprises", {"sort": "password"})
    assert response.status_code == 400 and "sort" in response.json()["errors"]
