"""Responsibility and task lists: the office lists duty items and tasks, a unit reports progress
and closes its task; overdue tasks counted at the period's end and in the to-do; the XLSX import
all or nothing with each bad row's row and column, the export guarded; scoping."""

import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from yingji.notifications.todo import todo_for
from yingji.stats.catalog import CATALOG, Query
from yingji.stats.periods import period_of
from yingji.tasks import services, workbook
from yingji.tasks.models import DutyItem, Task

pytestmark = pytest.mark.django_db


def _xlsx(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
def tasks(bureau, department, street):
    """2026: 住建局's gas check due 3-31, done 3-20; its scaffolding check due 6-30, not done;
    东岸's drill due 12-31 of next year."""
    a = services.task_create(actor=bureau, organisation=department.organisation_id, title="城镇燃气专项检查", due_on="2026-03-31")  # fmt: skip
    services.task_create(actor=bureau, organisation=department.organisation_id, title="建筑施工脚手架检查", due_on="2026-06-30")  # fmt: skip
    later = datetime.date(timezone.localdate().year + 1, 12, 31)
    services.task_create(
        actor=bureau, organisation=street.organisation_id, title="防汛应急演练", due_on=later
    )
    Task.objects.filter(pk=a.pk).update(done_on=datetime.date(2026, 3, 20))
    return a


def _value(user, key, **kw):
    return CATALOG[key].value(Query(user=user, period=period_of(2026, "year"), **kw))


def test_counted_done_and_overdue(tasks, bureau, outsider):
    assert _value(bureau, "tasks.count") == 2 and _value(bureau, "tasks.done") == 1
    assert float(_value(bureau, "tasks.done_rate")) == 50.0
    assert _value(bureau, "tasks.overdue") == 1  # the scaffolding check, due 6-30
    assert _value(bureau, "tasks.overdue", as_of=datetime.date(2026, 6, 1)) == 0  # not yet due then
    assert _value(outsider, "tasks.count") == 0


def test_a_unit_reports_and_closes_its_task(tasks, department, street, bureau, call):
    task = Task.objects.get(title="建筑施工脚手架检查")
    path = f"/api/v1/tasks/{task.pk}/actions/report"
    assert (
        call(street, "post", path, {"progress": "x"})[0] == 404
    )  # 东岸 does not see the district's unit's task
    status, body = call(department, "post", path, {"progress": "已检查在建工地12处"})
    assert status == 200 and body["done_on"] is None and body["overdue"]
    status, body = call(department, "post", path, {"progress": "全部整改完毕", "done": True})
    assert status == 200 and body["done_on"] == timezone.localdate().isoformat()
    assert [u["progress"] for u in body["updates"]] == ["已检查在建工地12处", "全部整改完毕"]
    assert call(department, "post", path, {"progress": "again"})[0] == 409  # done already
    assert call(department, "post", "/api/v1/tasks", {"unit_id": department.organisation_id, "title": "x", "due_on": "2026-12-31"})[0] == 403  # the office keeps the list  # fmt: skip


def test_to_do(tasks, bureau, department):
    assert [i.title for i in todo_for(bureau) if i.kind == "task_overdue"] == [
        "逾期：区住房和城乡建设局，建筑施工脚手架检查"
    ]
    assert [i.kind for i in todo_for(department) if i.kind == "task_due"] == ["task_due"]  # the overdue one


def test_the_import_is_all_or_nothing(bureau, department, street, outsider):
    good = _xlsx([["单位", "任务", "具体内容", "完成时限"], ["区住房和城乡建设局", "燃气检查", "", "2026-09-30"], ["东岸街道办事处", "防汛演练", "汛前", "2026-05-31"]])  # fmt: skip
    assert workbook.import_list(actor=bureau, kind="tasks", data=good) == 2
    bad = _xlsx([["单位", "任务", "具体内容", "完成时限"], ["区住房和城乡建设局", "ok", "", "2026-09-30"], ["天心区应急管理局", "", "", "明年"]])  # fmt: skip
    with pytest.raises(workbook.ImportRejected) as e:
        workbook.import_list(actor=bureau, kind="tasks", data=bad)
    assert sorted((p.row, p.column) for p in e.value.problems) == [(3, "任务"), (3, "单位"), (3, "完成时限")]
    assert Task.objects.count() == 2  # nothing of the bad file
    items = _xlsx(
        [["单位", "职责事项", "依据"], ["区住房和城乡建设局", "负责城镇燃气安全监管", "《城镇燃气管理条例》"]]
    )
    assert workbook.import_list(actor=bureau, kind="duty_items", data=items) == 1
    with pytest.raises(workbook.ImportRejected):
        workbook.import_list(actor=bureau, kind="tasks", data=b"not a workbook")


def test_the_export_keeps_text_as_text(bureau, department):
    services.duty_item_create(
        actor=bureau, organisation=department.organisation_id, content="=cmd|' /C calc'!A0", basis=""
    )
    sheet = load_workbook(io.BytesIO(workbook.export_list(actor=bureau, kind="duty_items"))).active
    assert [c.value for c in sheet[1]] == ["单位", "职责事项", "依据"]
    assert sheet["B2"].value == "'=cmd|' /C calc'!A0" and sheet["B2"].data_type == "s"
    assert DutyItem.objects.get().position == 1


def test_the_api_import_names_rows(bureau, call, api):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = _xlsx([["单位", "任务", "完成时限"], ["没有这个单位", "x", "2026-01-01"]])
    response = api(bureau).post("/api/v1/tasks/import", {"file": SimpleUploadedFile("t.xlsx", data)})
    assert response.status_code == 400 and "row 2: 单位" in response.json()["errors"]


def _jpeg() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (30, 20), "blue").save(out, "JPEG")
    return out.getvalue()


def test_progress_carries_its_evidence_file_served_only_within_the_jurisdiction(client, tasks, bureau, department, outsider):  # fmt: skip
    from django.core.files.uploadedfile import SimpleUploadedFile

    task = Task.objects.get(title="建筑施工脚手架检查")
    photo = SimpleUploadedFile("现场.jpg", _jpeg(), content_type="image/jpeg")
    services.task_report(actor=department, task=task, progress="已检查12个工地", evidence=photo)
    update = task.updates.get()
    assert update.file_name == "现场.jpg" and update.file_type == "image/jpeg" and len(update.file_sha256) == 64
    url = f"/tasks/{task.pk}/updates/{update.pk}/file"
    client.force_login(department)
    assert client.get(url).status_code == 200 and url in client.get(f"/tasks/{task.pk}/").content.decode()
    client.force_login(outsider)
    assert client.get(url).status_code == 404  # another county's bureau


@pytest.mark.parametrize(
    "name, content, why",
    [
        ("进度.jpg", b"MZ\x90\x00 not a photo", "an executable named .jpg: judged by its bytes"),
        ("进度.html", b"<script>alert(1)</script>", "a page"),
    ],
)
def test_evidence_that_is_not_a_photo_or_pdf_is_refused_and_nothing_is_written(tasks, department, name, content, why):  # fmt: skip
    from django.core.files.uploadedfile import SimpleUploadedFile

    from yingji.core.errors import ApplicationError

    task = Task.objects.get(title="建筑施工脚手架检查")
    with pytest.raises(ApplicationError) as refused:
        services.task_report(actor=department, task=task, progress="进展", evidence=SimpleUploadedFile(name, content))
    assert list(refused.value.errors) == ["evidence"], why
    assert not task.updates.exists()


def test_the_api_takes_a_report_with_its_evidence(api, tasks, department):
    from django.core.files.uploadedfile import SimpleUploadedFile

    task = Task.objects.get(title="建筑施工脚手架检查")
    photo = SimpleUploadedFile("现场.jpg", _jpeg(), content_type="image/jpeg")
    response = api(department).post(f"/api/v1/tasks/{task.pk}/actions/report_with_evidence", {"progress": "完成", "done": "true", "evidence": photo})  # fmt: skip
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["done_on"] and body["updates"][0]["evidence_name"] == "现场.jpg"
