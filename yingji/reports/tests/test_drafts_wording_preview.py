"""The wording page's live preview: the part as typed, filled with this period's numbers of the
editor's region, or the reason it would be refused, the same check as saving."""

import pytest
from django.test import Client
from django.utils import timezone

from yingji.accounts.tests.factories import web_login
from yingji.reports.tests.test_drafts import accident

pytestmark = pytest.mark.django_db
PREVIEW = "/reports/wording/preview/"


def browser(user) -> Client:
    client = Client()
    assert web_login(client, user.username)
    return client


def test_the_preview_fills_the_part_with_this_periods_numbers(bureau, enterprises):
    today = timezone.localdate()
    accident(today.replace(day=1))
    accident(today.replace(day=1), deaths=0)

    answer = browser(bureau).post(
        PREVIEW, {"key": "situation", "text": "{{ region_word }}发生事故{{ p.count.value }}起。"}
    )

    assert answer.status_code == 200 and answer.json() == {"text": "全区发生事故2起。"}


def test_the_preview_gives_the_reason_a_text_would_be_refused(bureau):
    client = browser(bureau)

    unknown = client.post(PREVIEW, {"key": "situation", "text": "共{{ hazards.found }}处"}).json()
    unclosed = client.post(PREVIEW, {"key": "lead", "text": "{% if double_zero %}双零"}).json()

    assert unknown == {"error": "未知的占位符“hazards.found”。"}
    assert unclosed["error"].startswith("“{% if double_zero %}”")


def test_only_wording_editors_preview(street):
    assert browser(street).post(PREVIEW, {"key": "lead", "text": "x"}).status_code == 403


def test_the_wording_page_loads_the_editor_script(bureau):
    page = browser(bureau).get("/reports/wording/").content.decode()

    assert 'data-preview="/reports/wording/preview/"' in page and "js/wording.js" in page
