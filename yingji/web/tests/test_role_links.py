"""Navigation shows only what the role may do: for every role, each navigation link and each
link on the pages the navigation opens answers (never 403). The links are read from the pages
themselves, so a link added later is checked too."""

import html
import re

import pytest
from django.test import Client

from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory, web_login

pytestmark = pytest.mark.django_db

HREF = re.compile(r'<a\b[^>]*\bhref="(/[^"]*)"')
NAV = re.compile(r'<nav class="nav"[^>]*>(.*?)</nav>', re.S)
# Not pages: the language switch and logout are forms; static files are not checked here.
SKIPPED = ("/static/", "/media/", "/i18n/", "/logout/")


def links(page: str) -> list[str]:
    return [html.unescape(href) for href in HREF.findall(page) if not href.startswith(SKIPPED)]


def nav_links(page: str) -> list[str]:
    return links(NAV.search(page).group(1))


def signed_in(user) -> Client:
    client = Client()
    assert web_login(client, user.username)
    return client


@pytest.fixture
def persona(request, bureau, street, department, enterprise_user, admin, enterprises):
    role = request.param
    if role in (Role.LEADER, Role.DUTY):
        return user_factory(role=role, org=bureau.organisation, username=role)
    return {
        Role.ADMIN: admin,
        Role.BUREAU: bureau,
        Role.INSPECTOR: user_factory(role=Role.INSPECTOR, org=bureau.organisation, username="inspector"),
        Role.STREET: street,
        Role.DEPARTMENT: department,
        Role.ENTERPRISE: enterprise_user,
    }[role]


@pytest.mark.parametrize("persona", list(Role), indirect=True)
def test_every_link_a_role_is_shown_opens(persona):
    client = signed_in(persona)
    home = client.get("/").content.decode()
    pages = ["/", *nav_links(home)]
    refused = []
    seen = set()
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        for link in [page, *links(response.content.decode())]:
            if link in seen:
                continue
            seen.add(link)
            status = client.get(link).status_code
            if status in (403, 404, 405) or status >= 500:
                refused.append((page, link, status))
    assert refused == []


@pytest.mark.parametrize(("role", "shown"), [(Role.ADMIN, True), (Role.BUREAU, False), (Role.LEADER, False)])
def test_the_api_documentation_link_is_for_admins(request, bureau, admin, role, shown):
    user = admin if role == Role.ADMIN else bureau
    if role == Role.LEADER:
        user = user_factory(role=role, org=bureau.organisation, username="leader")
    home = signed_in(user).get("/").content.decode()
    assert ("/api/v1/docs" in nav_links(home)) is shown
