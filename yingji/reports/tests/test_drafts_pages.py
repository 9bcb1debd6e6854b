"""The drafts' pages: a region picker within the jurisdiction, the paragraphs with their bound
numbers, editing in place, 定稿, history and downloads."""

import datetime
import io
import re
import zipfile

import pytest
from django.test import Client

from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory, web_login
from yingji.reports import drafts
from yingji.reports.tests.test_drafts import OWN_SENTENCE, SITUATION, accident

pytestmark = pytest.mark.django_db
LIST = "/reports/drafts/"


def browser(user) -> Client:
    client = Client()
    assert web_login(client, user.username)
    return client


@pytest.fixture
def draft(bureau, enterprises):
    accident(datetime.date(2026, 3, 1))
    return drafts.draft_create(actor=bureau, region="430102", year=2026, period="H1")


def options(html: str) -> list[str]:
    picker = re.search(r'<select name="region".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="(\d+)"', picker)


def test_the_region_picker_offers_the_jurisdiction_down_to_the_streets(bureau):
    codes = options(browser(bureau).get(LIST).content.decode())

    assert codes[0] == "430102" and "430102015" in codes and "430102001" in codes
    assert all(code.startswith("430102") and len(code) <= 9 for code in codes)


def test_the_bureau_starts_a_draft_and_sees_its_numbers_bound_to_their_records(bureau, enterprises):
    accident(datetime.date(2026, 3, 1))
    client = browser(bureau)

    created = client.post(LIST, {"region": "430102", "year": "2026", "period": "H1"})

    assert created.status_code == 302
    page = client.get(created["Location"]).content.decode()
    assert "长沙市芙蓉区应急管理局2026年上半年安全生产工作总结" in page
    assert re.search(r'<a class="bound" href="/[^"]+" title="p.count.value">1</a>', page)
    assert 'data-testid="draft-explain"' in page
    assert '<span class="token" contenteditable="false" data-name="p.count.value"' in page


def test_a_region_outside_or_a_missing_year_is_refused_on_the_form(bureau):
    client = browser(bureau)

    outside = client.post(LIST, {"region": "430103", "year": "2026", "period": "H1"})
    no_year = client.post(LIST, {"region": "430102", "year": "", "period": "H1"})

    assert outside.status_code == 400 and no_year.status_code == 400
    assert not drafts.ReportDraft.objects.exists()


def test_a_paragraph_is_rewritten_in_place_and_a_broken_text_shown_with_its_reason(bureau, draft):
    client = browser(bureau)
    edit = f"/reports/drafts/{draft.pk}/edit/"

    saved = client.post(edit, {"slot": SITUATION, "text": OWN_SENTENCE, "action": "save"})
    refused = client.post(edit, {"slot": SITUATION, "text": "共{{ p.nothing }}起", "action": "save"})

    assert saved.status_code == 302 and saved["Location"].endswith("#p-1situation0")
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "未知的占位符“p.nothing”。" in page and "共{{ p.nothing }}起</textarea>" in page
    assert "上半年全区共发生生产安全事故" in client.get(f"/reports/drafts/{draft.pk}/").content.decode()


def test_the_office_adds_a_paragraph_and_the_history_shows_each_change(bureau, draft):
    client = browser(bureau)
    client.post(
        f"/reports/drafts/{draft.pk}/edit/",
        {"action": "add", "section": "2", "text": "我局开展了安全生产月活动。"},
    )

    page = client.get(f"/reports/drafts/{draft.pk}/").content.decode()

    assert "我局开展了安全生产月活动。" in page
    history = page[page.index('data-testid="draft-history"') :]
    assert "<ins>我局开展了安全生产月活动。</ins>" in history


def test_finalising_needs_the_confirmation_and_then_the_page_offers_no_editing(bureau, draft):
    client = browser(bureau)
    client.post(f"/reports/drafts/{draft.pk}/finalise/")
    draft.refresh_from_db()
    assert not draft.final

    client.post(f"/reports/drafts/{draft.pk}/finalise/", {"confirmed": "1"})

    draft.refresh_from_db()
    page = client.get(f"/reports/drafts/{draft.pk}/").content.decode()
    assert draft.final and 'data-testid="save-paragraph"' not in page and 'data-testid="finalise"' not in page
    docx = client.get(f"/reports/drafts/{draft.pk}/download.docx")
    assert zipfile.is_zipfile(io.BytesIO(docx.content)) and "filename*=utf-8''" in docx["Content-Disposition"]


def test_leaders_read_without_editing_and_others_are_kept_out(bureau, street, outsider, draft):
    leader = user_factory(role=Role.LEADER, org=bureau.organisation, username="leader")

    page = browser(leader).get(f"/reports/drafts/{draft.pk}/")

    assert page.status_code == 200 and 'data-testid="save-paragraph"' not in page.content.decode()
    assert browser(leader).post(LIST, {"region": "430102", "year": "2026", "period": "H1"}).status_code == 403
    assert browser(street).get(f"/reports/drafts/{draft.pk}/").status_code == 403
    assert browser(outsider).get(f"/reports/drafts/{draft.pk}/").status_code == 404


def test_the_work_summary_page_saves_its_region_and_period_as_a_draft(bureau, enterprises):
    page = browser(bureau).get("/reports/work-summary/", {"region": "430102", "year": 2026, "period": "H1"})

    assert 'data-testid="save-as-draft"' in page.content.decode()
    assert 'name="period" value="H1"' in page.content.decode()
