"""The campaign pages: the office starts a campaign from the form, sees the lights and the
roll-up and downloads the XLSX; a department opens its form pre-filled and submits it; a
participant does not see the roll-up; the demo's campaign has a red light."""

import datetime
import io

import pytest
from django.db import transaction
from django.utils import timezone
from openpyxl import load_workbook

from yingji.accounts.models import User
from yingji.campaigns.models import Campaign, Submission
from yingji.campaigns.tests.conftest import NOVEMBER
from yingji.notifications.todo import todo_for

pytestmark = pytest.mark.django_db


def _signed_in(client, user):
    client.force_login(user)
    return client


def test_the_office_starts_a_campaign(client, bureau, department, street):
    c = _signed_in(client, bureau)
    assert "部署专项行动" in c.get("/campaigns/").content.decode()
    response = c.post("/campaigns/", {
        "name": "百日行动", "region_code": "430102", "starts_on": "2026-11-02", "ends_on": "2026-12-31", "cycle": "weekly",
        "due_weekday": "4", "due_hour": "16", "participant_ids": [department.organisation_id, street.organisation_id],
        "fields": "units|检查单位|家|inspections.units\nhazards|发现隐患|处|hazards.found\nwork|其他工作",
    })  # fmt: skip
    campaign = Campaign.objects.get()
    assert response.status_code == 302 and [f.key for f in campaign.fields.all()] == [
        "units",
        "hazards",
        "work",
    ]
    page = c.post("/campaigns/", {"name": "", "cycle": "weekly"}).content.decode()
    assert "此项为必填项。" in page


def test_a_department_submits_its_prefilled_form(client, campaign, found, department):
    c = _signed_in(client, department)
    page = c.get(f"/campaigns/{campaign.pk}/form/{NOVEMBER}/").content.decode()
    assert 'value="3"' in page and "系统统计为3" in page
    c.post(f"/campaigns/{campaign.pk}/form/{NOVEMBER}/", {"hazards": "4", "work": "督导检查"})
    assert Submission.objects.get().values == {"hazards": 4, "work": "督导检查"}
    page = c.post(f"/campaigns/{campaign.pk}/form/{NOVEMBER}/", {"hazards": "很多"}).content.decode()
    assert "请填写数字。" in page


def test_the_office_sees_lights_and_downloads_the_rollup(client, campaign, found, bureau, department, street):
    c = _signed_in(client, department)
    c.post(f"/campaigns/{campaign.pk}/form/{NOVEMBER}/", {"hazards": "4"})
    c = _signed_in(client, bureau)
    page = c.get(f"/campaigns/{campaign.pk}/?period={NOVEMBER}").content.decode()
    assert page.count('data-light="red"') >= 3 and 'data-testid="total-hazards">4<' in page
    # the hazards behind the figures: the list in the campaign's region and window
    assert "/hazards/?counted=1&amp;from=2026-11-02&amp;to=2026-11-29&amp;region=430102" in page
    response = c.get(f"/campaigns/{campaign.pk}/rollup.xlsx?period={NOVEMBER}")
    sheet = load_workbook(io.BytesIO(b"".join(response))).active
    assert sheet["A1"].value == "岁末年初安全生产专项整治调度汇总表（第1期（11.02–11.08））"
    page = _signed_in(client, street).get(f"/campaigns/{campaign.pk}/").content.decode()
    assert (
        'data-testid="rollup"' not in page and 'data-testid="my-form"' not in page
    )  # all its periods are past
    assert _signed_in(client, street).get(f"/campaigns/{campaign.pk}/rollup.xlsx").status_code == 403


def test_outsiders(client, campaign, outsider, enterprise_user):
    assert _signed_in(client, outsider).get(f"/campaigns/{campaign.pk}/").status_code == 404
    assert _signed_in(client, enterprise_user).get("/campaigns/").status_code == 403


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    from yingji.core import demo

    with django_db_blocker.unblock(), transaction.atomic():
        yield demo.build(seed=7, size="small", today=timezone.localdate(), log=lambda _: None)
        transaction.set_rollback(True)


def test_the_demo_campaign(built):
    from yingji.campaigns import rollup
    from yingji.campaigns.periods import periods

    campaign = Campaign.objects.get()
    past = [p for p in periods(campaign) if p.due < timezone.now()]
    assert len(past) >= 4 and campaign.participants.count() == 8
    last_week = [p for p in past if p.end < timezone.localdate()][-1]  # whatever the day and hour
    last = rollup.rollup(campaign, last_week)
    assert sorted(r.light for r in last.rows).count("red") == 2  # one street missed it, one was late
    department = User.objects.get(username="department")
    assert department.organisation_id in campaign.participants.values_list("pk", flat=True)
    assert any(i.kind == "campaign_form" for i in todo_for(department))  # this week's form still to do
    assert Submission.objects.filter(late=False).count() >= 8 * (len(past) - 1)
    assert campaign.starts_on <= timezone.localdate() - datetime.timedelta(days=28)
