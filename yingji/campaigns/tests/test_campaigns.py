"""Campaigns: each participant's weekly form pre-filled from its own records (a department its
industries, a street its street), submitted in time or late, the roll-up's sums, lights and
differences, the XLSX; every refusal, listed by hand; the to-do; the summary's paragraph."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from yingji.campaigns import rollup, services
from yingji.campaigns.periods import periods
from yingji.campaigns.tests.conftest import NOVEMBER
from yingji.notifications.todo import todo_for

pytestmark = pytest.mark.django_db
WEEK1 = NOVEMBER.isoformat()
FRIDAY_DUE = datetime.datetime(2026, 11, 6, 16, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))


def _form(call, user, campaign, start=WEEK1):
    return call(user, "get", f"/api/v1/campaigns/{campaign.pk}/forms/{start}")


def test_weekly_periods_fall_due_on_friday_afternoon(campaign):
    weeks = periods(campaign)
    assert [(p.start.isoformat(), p.end.isoformat()) for p in weeks] == [
        ("2026-11-02", "2026-11-08"), ("2026-11-09", "2026-11-15"), ("2026-11-16", "2026-11-22"), ("2026-11-23", "2026-11-29"),
    ]  # fmt: skip
    assert weeks[0].due == FRIDAY_DUE and weeks[0].label == "第1期（11.02–11.08）"


def test_each_form_is_prefilled_from_the_participants_own_records(campaign, found, department, street, other_street, call):  # fmt: skip
    assert _form(call, department, campaign)[1]["prefilled"] == {"hazards": 3}  # construction ×2, gas ×1
    assert _form(call, street, campaign)[1]["prefilled"] == {"hazards": 3}  # 东岸: 建筑 ×2, 商贸 ×1
    assert _form(call, other_street, campaign)[1]["prefilled"] == {"hazards": 1}
    assert _form(call, street, campaign, "2026-11-09")[1]["values"] == {"hazards": 1}


def test_submissions_in_time_late_and_missing_roll_up(campaign, found, department, street, other_street):
    in_time, late = FRIDAY_DUE - datetime.timedelta(hours=1), FRIDAY_DUE + datetime.timedelta(hours=1)
    services.submit(actor=department, campaign=campaign, period_start=WEEK1, values={"hazards": 4, "work": "督导检查"}, now=in_time)  # fmt: skip
    services.submit(actor=street, campaign=campaign, period_start=WEEK1, values={"hazards": 3}, now=late)
    week = periods(campaign)[0]
    table = rollup.rollup(campaign, week, now=late)
    rows = {r.organisation.name: r for r in table.rows}
    assert rows["区住房和城乡建设局"].values == {"hazards": 4, "work": "督导检查"}
    assert rows["区住房和城乡建设局"].differs == {"hazards"}  # reported 4, the records give 3
    assert rows["东岸街道办事处"].differs == set() and rows["文艺路街道办事处"].values == {
        "hazards": None,
        "work": None,
    }
    assert table.totals == {"hazards": 7}
    lights = {name: r.light for name, r in rows.items()}
    assert lights == {"区住房和城乡建设局": "green", "东岸街道办事处": "red", "文艺路街道办事处": "red"}


def test_lights_before_the_due_hour():
    week = type("P", (), {"due": FRIDAY_DUE})
    assert rollup.light(None, week, FRIDAY_DUE - datetime.timedelta(hours=2)) == "yellow"
    assert rollup.light(None, week, FRIDAY_DUE - datetime.timedelta(days=2)) == "none"
    assert rollup.light(None, week, FRIDAY_DUE + datetime.timedelta(minutes=1)) == "red"


def test_the_cumulative_roll_up_and_the_xlsx(campaign, found, department, street):
    services.submit(actor=department, campaign=campaign, period_start=WEEK1, values={"hazards": 3})
    services.submit(actor=department, campaign=campaign, period_start="2026-11-09", values={"hazards": 2})
    services.submit(actor=street, campaign=campaign, period_start=WEEK1, values={"hazards": 3, "work": "=HYPERLINK(\"x\")"})  # fmt: skip
    table = rollup.rollup(campaign)
    assert table.totals == {"hazards": 8}
    sheet = load_workbook(io.BytesIO(rollup.xlsx(table, prepared_by="王安平"))).active
    assert sheet["A1"].value == "岁末年初安全生产专项整治调度汇总表（累计）"
    assert [c.value for c in sheet[2]] == ["序号", "单位", "发现隐患（处）", "其他工作"]
    cells = {row[1].value: [c.value for c in row[2:]] for row in sheet.iter_rows(min_row=3) if row[1].value}
    assert cells["区住房和城乡建设局"][0] == 5  # 3 + 2 over two weeks
    assert cells["东岸街道办事处"] == [3, '\'=HYPERLINK("x")']  # a formula stays text
    assert cells["文艺路街道办事处"] == ["未报送", "未报送"]
    assert cells["合计"][0] == 8
    assert any(str(c.value).startswith("填报人：王安平") for row in sheet.iter_rows() for c in row if c.value)


def test_the_api_submits_and_answers_the_rollup(campaign, found, bureau, department, call):
    status, form = call(department, "put", f"/api/v1/campaigns/{campaign.pk}/forms/{WEEK1}", {"values": {"hazards": 3, "work": "x"}})  # fmt: skip
    assert status == 200 and form["submitted"] and form["late"]  # submitted today, weeks after the Friday
    status, table = call(bureau, "get", f"/api/v1/campaigns/{campaign.pk}/rollup?period={WEEK1}")
    assert status == 200 and table["totals"] == {"hazards": 3}
    assert [r["light"] for r in table["rows"]] == ["red", "red", "red"]  # late, missing, missing


def test_refusals(campaign, found, bureau, department, street, inspector, outsider, call):
    path = f"/api/v1/campaigns/{campaign.pk}/forms/{WEEK1}"
    assert call(department, "put", path, {"values": {"hazards": "很多"}})[0] == 400
    assert call(department, "put", path, {"values": {"hazards": -1}})[0] == 400
    assert call(department, "put", f"/api/v1/campaigns/{campaign.pk}/forms/2026-11-03", {"values": {}})[0] == 400  # no period starts then  # fmt: skip
    assert (
        call(inspector, "put", path, {"values": {"hazards": 1}})[0] == 403
    )  # the bureau's inspector is no participant
    assert call(outsider, "get", f"/api/v1/campaigns/{campaign.pk}")[0] == 404
    assert (
        call(street, "get", f"/api/v1/campaigns/{campaign.pk}/rollup")[0] == 403
    )  # a participant sees its own form only
    assert call(street, "get", f"/api/v1/campaigns/{campaign.pk}")[0] == 200


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"fields": [{"key": "Bad Key", "label": "x"}]}, "fields"),
        ({"fields": [{"key": "a", "label": "x", "indicator": "no.such"}]}, "fields"),
        ({"fields": [{"key": "a", "label": "x"}, {"key": "a", "label": "y"}]}, "fields"),
        ({"ends_on": "2026-10-01"}, "ends_on"),
        ({"industry": "mining_on_mars"}, "industry"),
        ({"region_code": "430103"}, "region_code"),
    ],
)
def test_bad_campaigns(bureau, department, call, changes, field):
    body = {"name": "百日行动", "region_code": "430102", "starts_on": "2026-11-02", "ends_on": "2026-12-31", "cycle": "weekly",
            "participant_ids": [department.organisation_id], "fields": [{"key": "a", "label": "x"}]} | changes  # fmt: skip
    status, answer = call(bureau, "post", "/api/v1/campaigns", body)
    assert status == 400 and any(k.split(".")[0] == field for k in answer["errors"]), answer


def test_participants_outside_the_jurisdiction_are_refused(bureau, outsider, call):
    body = {"name": "百日行动", "region_code": "430102", "starts_on": "2026-11-02", "ends_on": "2026-12-31", "cycle": "weekly",
            "participant_ids": [outsider.organisation_id], "fields": [{"key": "a", "label": "x"}]}  # fmt: skip
    status, answer = call(bureau, "post", "/api/v1/campaigns", body)
    assert status == 400 and "participant_ids" in answer["errors"]


def test_to_do(bureau, department, street, other_street):
    from django.utils import timezone

    today = timezone.localdate()
    running = services.campaign_create(
        actor=bureau, name="百日行动", region_code="430102", starts_on=today - datetime.timedelta(days=14),
        ends_on=today + datetime.timedelta(days=30), cycle="weekly", participant_ids=[department.organisation_id, street.organisation_id],
        fields=[{"key": "hazards", "label": "发现隐患", "unit": "处", "indicator": "hazards.found"}],
    )  # fmt: skip
    mine = [i for i in todo_for(department) if i.kind == "campaign_form"]
    assert len(mine) == len([p for p in periods(running) if p.start <= today])
    services.submit(
        actor=department, campaign=running, period_start=periods(running)[0].start, values={"hazards": 1}
    )
    assert len([i for i in todo_for(department) if i.kind == "campaign_form"]) == len(mine) - 1
    missing = [i.title for i in todo_for(bureau) if i.kind == "campaign_missing"]
    assert missing and "东岸街道办事处" in missing[0]


def test_the_summary_paragraph(campaign, found, bureau, department, street):
    from yingji.reports.summary import build_summary

    services.submit(actor=department, campaign=campaign, period_start=WEEK1, values={"hazards": 4})
    services.submit(actor=street, campaign=campaign, period_start="2026-11-09", values={"hazards": 2})
    doc = build_summary(
        user=bureau, region_code="430102", year=2026, period_code="year", as_of=datetime.date(2026, 12, 31)
    )
    text = " ".join(p for _h, paragraphs in doc.sections for p in paragraphs)
    assert "岁末年初安全生产专项整治期间，累计发现隐患6处。" in text


def test_the_progress_notice(campaign, found, bureau, department, street, call):
    services.submit(actor=department, campaign=campaign, period_start=WEEK1, values={"hazards": 4})
    assert call(department, "post", f"/api/v1/campaigns/{campaign.pk}/notice")[0] == 403
    status, notice = call(bureau, "post", f"/api/v1/campaigns/{campaign.pk}/notice")
    assert status == 201 and notice["document_number"] == "芙安委办通〔2026〕1号"
    text = call(bureau, "get", f"/api/v1/notices/{notice['id']}")[1]["paragraphs"]
    assert "累计发现隐患4处" in text[0]
    assert (
        text[1]
        == "第4期（11.23–11.29）调度表，区住房和城乡建设局、文艺路街道办事处、东岸街道办事处未按时报送，予以通报。"
    )  # by code


def test_reminders_before_the_hour_and_to_the_office_after(
    campaign, bureau, department, street, other_street
):
    from yingji.campaigns import reminders
    from yingji.notifications.models import Notification

    services.submit(actor=department, campaign=campaign, period_start=WEEK1, values={"hazards": 1}, now=FRIDAY_DUE - datetime.timedelta(hours=5))  # fmt: skip
    before = FRIDAY_DUE - datetime.timedelta(hours=3)
    assert reminders.remind(before) == 2  # 东岸 and 文艺路, not 住建局 who has submitted
    assert reminders.remind(before) == 0  # once a day
    assert Notification.objects.filter(user=street, kind="campaign_form_due").count() == 1
    assert reminders.remind(FRIDAY_DUE + datetime.timedelta(hours=1)) == 1  # the office: two missing
    note = Notification.objects.get(user=bureau, kind="campaign_forms_missing")
    assert "2家单位未报送" in note.title
