"""Navigation shows only what the role may do: for every role, each navigation link and each
link on the pages the navigation opens answers (never 403). The links are read from the pages
themselves, so a link added later is checked too."""

import datetime
import html
import re

import pytest
from django.test import Client

from yingji.accidents.tests.factories import accident_factory
from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory, web_login
from yingji.hazards.tests.factories import hazard_factory
from yingji.inspections.tests.factories import TODAY, inspection_factory

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
def records(bureau, enterprises):
    """Something behind every list, so that detail pages and their links are followed too."""
    inspection = inspection_factory(
        actor=bureau,
        enterprise=enterprises["A"],
        hazards=[
            {
                "description": "消防通道堵塞",
                "level": "general",
                "deadline": TODAY + datetime.timedelta(days=9),
            }
        ],
    )
    hazard_factory(actor=bureau, enterprise=enterprises["A"])
    accident_factory(actor=bureau)
    return inspection


@pytest.fixture
def persona(request, bureau, street, department, enterprise_user, admin, enterprises, records):
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
    """From home and each navigation link, every link two clicks deep (a list, then a record)."""
    client = signed_in(persona)
    home = client.get("/").content.decode()
    pages, seen, refused = ["/", *nav_links(home)], set(), []
    for _depth in range(2):
        following = []
        for page in pages:
            response = client.get(page)
            body = (
                response.content.decode() if response.get("Content-Type", "").startswith("text/html") else ""
            )
            for link in links(body):
                if link in seen:
                    continue
                seen.add(link)
                status = client.get(link).status_code
                if status in (403, 404, 405) or status >= 500:
                    refused.append((page, link, status))
                elif not link.startswith(("/api/", "/hazards/ledger/export/")):
                    following.append(link)
        pages = following
    assert refused == []


@pytest.mark.parametrize(("role", "shown"), [(Role.ADMIN, True), (Role.BUREAU, False), (Role.LEADER, False)])
def test_the_api_documentation_link_is_for_admins(request, bureau, admin, role, shown):
    user = admin if role == Role.ADMIN else bureau
    if role == Role.LEADER:
        user = user_factory(role=role, org=bureau.organisation, username="leader")
    home = signed_in(user).get("/").content.decode()
    assert ("/api/v1/docs" in nav_links(home)) is shown
