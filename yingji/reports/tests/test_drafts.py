"""A report draft: the office's text stays, the numbers follow the records until 定稿, after
which nothing changes. Services, as the API, the pages and the worker call them."""

import datetime
import io
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from docx import Document as DocxDocument

from yingji.accidents.models import Accident
from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory
from yingji.audit.models import AuditEntry
from yingji.core.errors import ApplicationError, Conflict
from yingji.reports import draft_files, drafts
from yingji.reports.drafts import Addition, Edit

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")
SITUATION = "1/situation/0"  # section 一, the production-accident paragraph
OWN_SENTENCE = "上半年全区共发生生产安全事故{{ p.count.value }}起，我局对每起事故均挂牌督办。"


def accident(day: datetime.date, deaths: int = 1, region: str = "430102015") -> Accident:
    at = datetime.datetime(day.year, day.month, day.day, 10, tzinfo=SHANGHAI)
    return Accident.objects.create(
        occurred_at=at,
        reported_at=at,
        region_id=region,
        place="五一大道工地",
        kind="production",
        category="01",
        industry="construction",
        domain="construction",
        deaths=deaths,
        direct_loss=Decimal("50000"),
        grade="ordinary",
        summary="坠落",
    )


def new_draft(user, region="430102"):
    return drafts.draft_create(actor=user, region=region, year=2026, period="H1")


def read(user, draft):
    return drafts.draft_view(user, drafts.draft_get(user, draft.pk))


def paragraph(user, draft, slot=SITUATION):
    return read(user, draft).paragraphs()[slot]


def edit(user, draft, slot=SITUATION, text=OWN_SENTENCE, **kwargs):
    return drafts.draft_update(actor=user, draft_id=draft.pk, edits=[Edit(slot, text, **kwargs)])


def test_a_draft_reads_as_the_generated_summary_with_its_numbers_bound(bureau, enterprises):
    accident(datetime.date(2026, 3, 1))
    draft = new_draft(bureau)

    shown = paragraph(bureau, draft)

    assert draft.title == "长沙市芙蓉区应急管理局2026年上半年安全生产工作总结"
    assert "{{ p.count.value }}" in shown.text and not shown.edited
    bound = {s["name"]: s for s in shown.segments if "name" in s}
    assert bound["p.count.value"]["value"] == "1"
    assert bound["p.count.value"]["url"].startswith("/")  # the list of the accidents behind it
    assert "共发生生产安全事故1起" in shown.rendered


def test_an_edited_paragraph_keeps_the_offices_words_and_refreshes_its_numbers(bureau, enterprises):
    accident(datetime.date(2026, 3, 1))
    draft = new_draft(bureau)
    edit(bureau, draft)

    accident(datetime.date(2026, 5, 1))  # a record added after the edit

    shown = paragraph(bureau, draft)
    assert shown.edited and shown.text == OWN_SENTENCE
    assert shown.rendered == "上半年全区共发生生产安全事故2起，我局对每起事故均挂牌督办。"


def test_an_unedited_paragraph_is_generated_again_so_its_conditions_follow_the_records(bureau, enterprises):
    draft = new_draft(bureau)
    assert "“双零”" in paragraph(bureau, draft).rendered  # no accident yet
    edit(bureau, draft, slot="0/lead/0", text="上半年，全区安全生产形势总体平稳。")

    accident(datetime.date(2026, 4, 2))

    assert "“双零”" not in paragraph(bureau, draft).rendered
    assert paragraph(bureau, draft, "0/lead/0").rendered == "上半年，全区安全生产形势总体平稳。"


def test_saving_the_generated_text_unchanged_is_no_edit(bureau, enterprises):
    draft = new_draft(bureau)
    generated = paragraph(bureau, draft).text

    edit(bureau, draft, text=generated + "\r\n")

    assert draft.versions.count() == 1 and not paragraph(bureau, draft).edited


def test_a_broken_or_foreign_placeholder_is_refused_with_the_reason_by_paragraph(bureau, enterprises):
    draft = new_draft(bureau)
    cases = {
        "共{{ p.count.value 起": "“{{ p.count.value 起”没有闭合。",
        "共{{ hazards.found }}处": "未知的占位符“hazards.found”。",
        "{% for x in p %}": "不允许使用“{% for x in p %}”：文字模板只能使用 "
        "{{ name }}, {% if name %}, {% if not name %}, {% else %}, {% endif %}。",
    }
    for text, reason in cases.items():
        with pytest.raises(ApplicationError) as refused:
            edit(bureau, draft, text=text)
        assert refused.value.status == 400 and refused.value.errors == {SITUATION: [reason]}
    with pytest.raises(ApplicationError) as refused:
        edit(bureau, draft, slot="9/nothing/0")
    assert refused.value.errors == {"9/nothing/0": [_("No such paragraph in this report.")]}
    assert draft.versions.count() == 1  # nothing saved


def test_the_office_adds_its_own_paragraph_without_numbers_and_removes_one(bureau, enterprises):
    draft = new_draft(bureau)
    own = "我局组织开展了“安全生产月”系列活动。"
    drafts.draft_update(actor=bureau, draft_id=draft.pk, added=[Addition(2, own, after=None)])
    with pytest.raises(ApplicationError) as refused:
        drafts.draft_update(actor=bureau, draft_id=draft.pk, added=[Addition(2, "共{{ p.count.value }}起")])
    assert refused.value.errors == {"added.0": ["未知的占位符“p.count.value”。"]}

    edit(bureau, draft, slot="1/other_kinds/0", text=None, removed=True)

    view = read(bureau, draft)
    heading, first = view.sections[2][0], view.sections[2][1][0]
    assert heading.startswith("二、") and (first.slot, first.rendered, first.own) == ("own/1", own, True)
    assert "1/other_kinds/0" not in view.paragraphs()
    edit(bureau, draft, slot="own/1", text=None, removed=True)
    assert "own/1" not in read(bureau, draft).paragraphs()


def test_reset_returns_a_paragraph_to_the_generated_text(bureau, enterprises):
    draft = new_draft(bureau)
    generated = paragraph(bureau, draft).text
    edit(bureau, draft)

    edit(bureau, draft, text=None, reset=True)

    assert paragraph(bureau, draft).text == generated and not paragraph(bureau, draft).edited


def test_each_save_is_a_version_with_the_changed_paragraphs_and_audited(bureau, enterprises):
    draft = new_draft(bureau)
    generated = paragraph(bureau, draft).text
    edit(bureau, draft)
    drafts.draft_finalise(actor=bureau, draft_id=draft.pk)

    versions = list(draft.versions.all())

    assert [(v.number, v.action, v.actor) for v in versions] == [
        (3, "finalise", bureau),
        (2, "edit", bureau),
        (1, "create", bureau),
    ]
    assert versions[1].changes == [{"slot": SITUATION, "before": generated, "after": OWN_SENTENCE}]
    actions = AuditEntry.objects.filter(object_type="reports.reportdraft", object_id=str(draft.pk))
    assert sorted(actions.values_list("action", flat=True)) == ["create", "finalise", "update"]
    assert actions.get(action="update").region_code == "430102"


def test_finalising_freezes_text_numbers_and_documents(bureau, enterprises):
    accident(datetime.date(2026, 3, 1))
    draft = new_draft(bureau)
    edit(bureau, draft)
    draft = drafts.draft_finalise(actor=bureau, draft_id=draft.pk)
    before = read(bureau, draft)
    docx_before, _type = draft_files.document_bytes(before, "docx")
    md_before, _type = draft_files.document_bytes(before, "md")

    accident(datetime.date(2026, 5, 1))
    accident(datetime.date(2026, 6, 1))

    after = read(bureau, draft)
    assert draft.as_of is not None and draft.finalised_by == bureau
    assert (
        after.paragraphs()[SITUATION].rendered
        == "上半年全区共发生生产安全事故1起，我局对每起事故均挂牌督办。"
    )
    assert after == before
    assert draft_files.document_bytes(after, "md")[0] == md_before
    texts = lambda content: [p.text for p in DocxDocument(io.BytesIO(content)).paragraphs]  # noqa: E731
    assert texts(draft_files.document_bytes(after, "docx")[0]) == texts(docx_before)


def test_a_finalised_draft_refuses_edits_and_a_second_finalise(bureau, enterprises):
    draft = new_draft(bureau)
    drafts.draft_finalise(actor=bureau, draft_id=draft.pk)

    with pytest.raises(Conflict):
        edit(bureau, draft)
    with pytest.raises(Conflict):
        drafts.draft_finalise(actor=bureau, draft_id=draft.pk)


def test_who_reads_and_who_edits(bureau, street, outsider, enterprises):
    draft = new_draft(bureau, region="430102015")  # 东岸街道's summary
    leader = user_factory(role=Role.LEADER, org=bureau.organisation, username="leader")
    wenyilu_leader = user_factory(role=Role.LEADER, username="wenyilu-leader", region="430102001")

    assert read(leader, draft).title == draft.title  # leaders read
    with pytest.raises(PermissionDenied):
        edit(leader, draft)  # but the bureau's staff word and finalise
    with pytest.raises(PermissionDenied):
        drafts.draft_finalise(actor=leader, draft_id=draft.pk)
    with pytest.raises(PermissionDenied):
        drafts.draft_get(street, draft.pk)  # offices do not issue the bureau's summary
    for other in (outsider, wenyilu_leader):
        with pytest.raises(Http404):
            drafts.draft_get(other, draft.pk)
        assert not drafts.draft_list(other).exists()
    with pytest.raises(ApplicationError) as outside:
        drafts.draft_create(actor=outsider, region="430102", year=2026, period="H1")
    assert outside.value.status == 404


def test_bad_periods_are_refused(bureau):
    with pytest.raises(ApplicationError) as refused:
        drafts.draft_create(actor=bureau, region="430102", year=2026, period="H9")
    assert list(refused.value.errors) == ["period"]
    with pytest.raises(ApplicationError) as refused:
        drafts.draft_create(actor=bureau, region="430102")
    assert list(refused.value.errors) == ["period"]
    with pytest.raises(ApplicationError) as refused:
        drafts.draft_create(
            actor=bureau, region="430102", start=datetime.date(2026, 3, 1), end=datetime.date(2026, 2, 1)
        )
    assert list(refused.value.errors) == ["to"]


def test_the_file_name_is_the_region_the_period_and_the_kind(bureau):
    draft = new_draft(bureau)

    assert drafts.draft_filename(draft, "docx") == "芙蓉区2026年上半年安全生产工作总结.docx"


def test_a_draft_over_a_date_window_counts_the_window(bureau, enterprises):
    accident(datetime.date(2026, 2, 1))
    accident(datetime.date(2026, 5, 1))  # outside the window

    draft = drafts.draft_create(
        actor=bureau, region="430102", start=datetime.date(2026, 1, 1), end=datetime.date(2026, 3, 31)
    )

    assert drafts.windows_supported()
    assert draft.period_label == "2026年1月1日至3月31日"
    assert drafts.draft_filename(draft, "pdf") == "芙蓉区2026年1月1日至3月31日安全生产工作总结.pdf"
    values = {s["name"]: s["value"] for s in paragraph(bureau, draft).segments if "name" in s}
    assert values["p.count.value"] == "1"


def test_an_edited_paragraph_the_summary_no_longer_makes_stays_with_the_values_it_was_saved_with(bureau):
    draft = new_draft(bureau)
    # e.g. the seventh problem, rewritten by the office, before the records stopped showing it
    draft.edits = {"3/problem/6": {"text": "七是有{{ count }}处隐患逾期。", "values": {"count": 12}}}
    draft.save()

    view = read(bureau, draft)

    orphan = view.sections[3][1][-1]
    assert (orphan.slot, orphan.rendered, orphan.orphan, orphan.edited) == (
        "3/problem/6",
        "七是有12处隐患逾期。",
        True,
        True,
    )
    drafts.draft_update(actor=bureau, draft_id=draft.pk, edits=[Edit("3/problem/6", removed=True)])
    assert "3/problem/6" not in read(bureau, draft).paragraphs()
