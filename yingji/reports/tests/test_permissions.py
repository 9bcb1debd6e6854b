"""Who reads reports: one rule for the page and every reports API endpoint (issue 8, item 9).
The work summary and the statistics tables are the bureau's documents: the administrator,
bureau staff and leaders read them; every other role is refused (403), also through the API."""

import pytest

from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory, web_login
from yingji.reports.api import router

pytestmark = pytest.mark.django_db

#                role           page  API   wording page
EXPECTED = {
    Role.ADMIN: (200, 200, 200),
    Role.BUREAU: (200, 200, 200),
    Role.LEADER: (200, 200, 403),
    Role.INSPECTOR: (403, 403, 403),
    Role.DEPARTMENT: (403, 403, 403),
    Role.STREET: (403, 403, 403),
    Role.ENTERPRISE: (403, 403, 403),
    Role.DUTY: (403, 403, 403),
}
API = ["/work-summary", "/hazard-table", "/accident-table"]
PARAMS = {"region": "430102", "year": 2026, "period": "H1", "as_of": "2026-07-15"}
PAGE = "/reports/work-summary/"


@pytest.fixture
def user_of(request, bureau):
    def user(role):
        fixture = {Role.ENTERPRISE: "enterprise_user"}.get(role, str(role))
        if role in (Role.LEADER, Role.DUTY):
            return user_factory(role=role, org=bureau.organisation, username=str(role))
        return request.getfixturevalue(fixture)

    return user


@pytest.mark.parametrize("role", list(EXPECTED))
def test_the_page_answers_the_readers_only(client, user_of, role):
    user = user_of(role)
    web_login(client, user.username)
    page, _api, wording = EXPECTED[role]
    query = {k: v for k, v in PARAMS.items() if k != "as_of"}
    assert client.get(PAGE, query).status_code == page
    assert client.get(PAGE, query | {"format": "md"}).status_code == page
    assert client.get(PAGE, query | {"table": "hazard-table"}).status_code == page
    assert client.get(PAGE, query | {"table": "accident-table"}).status_code == page
    assert client.get("/reports/wording/").status_code == wording


@pytest.mark.parametrize("path", API)
@pytest.mark.parametrize("role", list(EXPECTED))
def test_every_reports_endpoint_answers_the_readers_only(api, user_of, role, path):
    response = api(user_of(role)).get(f"/api/v1/reports{path}", PARAMS)
    assert response.status_code == EXPECTED[role][1]
    if response.status_code == 403:
        assert response.json() == {"detail": "您的角色无权进行此操作。"}


def test_these_are_all_the_reports_endpoints():
    assert sorted(router.path_operations) == sorted(API)  # a new one joins the test above
