"""Meetings and interviews: a plenary meeting's decisions become the owner units' tasks; an
interview of a unit records its commitments as tasks, an enterprise's none; counted by kind in
the catalog and in the summary's coordination paragraph; refusals; scoping."""

import datetime

import pytest

from yingji.meetings import services
from yingji.stats.catalog import CATALOG, Query
from yingji.stats.periods import period_of
from yingji.tasks import services as tasks
from yingji.tasks.models import Task

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(bureau, department, street, enterprises):
    """2026: a plenary (3-10) deciding two tasks, a dispatch meeting (6-01), an interview of 东岸
    after an accident (7-15, one commitment), one of 东岸建筑 over hazards (8-01)."""
    services.meeting_create(
        actor=bureau, region_code="430102", kind="plenary", title="2026年区安委会第一次全体会议", held_on="2026-03-10",
        chair="区长", decisions=[
            {"unit_id": department.organisation_id, "title": "开展燃气安全专项整治", "due_on": "2026-06-30"},
            {"unit_id": street.organisation_id, "title": "完成汛前隐患排查", "due_on": "2026-04-30"},
        ],
    )  # fmt: skip
    services.meeting_create(actor=bureau, region_code="430102", kind="dispatch", title="防汛调度会", held_on="2026-06-01", chair="副区长")  # fmt: skip
    services.interview_create(actor=bureau, reason="accident", held_on="2026-07-15", by_whom="区应急管理局", unit_id=street.organisation_id,
                              commitments=[{"unit_id": street.organisation_id, "title": "全面排查辖区有限空间作业", "due_on": "2026-08-31"}])  # fmt: skip
    services.interview_create(actor=bureau, reason="hazards", held_on="2026-08-01", by_whom="区应急管理局", enterprise_id=enterprises["A"].pk)  # fmt: skip


def _value(user, key, **filters):
    return CATALOG[key].value(Query(user=user, period=period_of(2026, "year"), filters=filters))


def test_decisions_and_commitments_become_tasks(held, department, street):
    assert sorted(Task.objects.values_list("organisation__name", "title", "source")) == [
        ("东岸街道办事处", "全面排查辖区有限空间作业", "interview"),
        ("东岸街道办事处", "完成汛前隐患排查", "meeting"),
        ("区住房和城乡建设局", "开展燃气安全专项整治", "meeting"),
    ]


def test_counted(held, bureau, outsider):
    assert _value(bureau, "meetings.count") == 2 and _value(bureau, "meetings.count", kind="plenary") == 1
    assert (
        _value(bureau, "interviews.count") == 2 and _value(bureau, "interviews.count", reason="accident") == 1
    )
    assert _value(outsider, "meetings.count") == 0


def test_the_coordination_paragraph(held, bureau, department):
    from yingji.reports.summary import build_summary

    tasks.duty_item_create(
        actor=bureau, organisation=department.organisation_id, content="负责城镇燃气安全监管"
    )
    task = Task.objects.get(title="完成汛前隐患排查")
    Task.objects.filter(pk=task.pk).update(done_on=datetime.date(2026, 4, 20))
    doc = build_summary(
        user=bureau, region_code="430102", year=2026, period_code="year", as_of=datetime.date(2026, 12, 31)
    )
    text = " ".join(p for _h, paragraphs in doc.sections for p in paragraphs)
    assert (
        "召开安委会全体会议1次、专题会议0次、调度会议1次，约谈2家次；梳理成员单位安全生产职责1项，部署重点任务3项，已完成1项。"
        in text
    )


def test_refusals(bureau, department, street, outsider, enterprises, call):
    meeting = {
        "region_code": "430102",
        "kind": "plenary",
        "title": "x",
        "held_on": "2026-03-10",
        "chair": "区长",
    }
    assert call(department, "post", "/api/v1/meetings", meeting)[0] == 403  # the office keeps them
    bad = meeting | {
        "decisions": [{"unit_id": outsider.organisation_id, "title": "x", "due_on": "2026-06-30"}]
    }
    status, body = call(bureau, "post", "/api/v1/meetings", bad)
    assert status == 400 and "decisions.1.organisation" in body["errors"]
    assert not Task.objects.exists()  # nothing of a refused meeting
    interview = {"reason": "accident", "held_on": "2026-07-15", "by_whom": "局"}
    assert call(bureau, "post", "/api/v1/interviews", interview)[0] == 400  # neither a unit nor an enterprise
    both = interview | {"unit_id": street.organisation_id, "enterprise_id": enterprises["A"].pk}
    assert call(bureau, "post", "/api/v1/interviews", both)[0] == 400
    assert (
        call(bureau, "post", "/api/v1/interviews", interview | {"enterprise_id": enterprises["D"].pk})[0]
        == 400
    )  # 天心区's


def test_scoping(held, street, outsider, call):
    assert call(outsider, "get", "/api/v1/meetings")[1]["count"] == 0
    assert call(street, "get", "/api/v1/interviews")[1]["count"] == 2  # both in 东岸
    assert call(street, "get", "/api/v1/meetings")[1]["count"] == 0  # the district's


def test_the_page(client, bureau, department, held):
    client.force_login(bureau)
    page = client.get("/meetings/").content.decode()
    assert "2026年区安委会第一次全体会议" in page and "开展燃气安全专项整治" in page
    response = client.post("/meetings/", {"do": "meeting", "region_code": "430102", "kind": "topical", "title": "燃气专题会", "held_on": "2026-09-01",
                                          "chair": "副区长", "decisions": "区住房和城乡建设局|排查老旧燃气管网|2026-11-30"})  # fmt: skip
    assert response.status_code == 302 and Task.objects.filter(title="排查老旧燃气管网").exists()


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    from django.db import transaction
    from django.utils import timezone

    from yingji.core import demo

    with django_db_blocker.unblock(), transaction.atomic():
        yield demo.build(seed=7, size="small", today=timezone.localdate(), log=lambda _: None)
        transaction.set_rollback(True)


def test_the_demo_gives_the_coordination_paragraph_something_to_say(built):
    from django.utils import timezone

    from yingji.accounts.models import User
    from yingji.meetings.models import Meeting
    from yingji.tasks.models import DutyItem

    year = timezone.localdate().year
    bureau = User.objects.get(username="bureau")
    query = Query(user=bureau, period=period_of(year - 1, "year"))
    assert CATALOG["meetings.count"].value(query) == 9  # two plenary, three topical, four dispatch
    assert CATALOG["tasks.count"].value(query) > CATALOG["tasks.done"].value(query) > 0
    assert DutyItem.objects.count() > 0 and Meeting.objects.filter(decisions__isnull=False).exists()
