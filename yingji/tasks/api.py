"""The lists' endpoints under /api/v1/: duty items, tasks and their progress reports, and the
XLSX import of either list (all or nothing, with every bad row's row and column)."""

import datetime

from django.utils import timezone
from ninja import Field, File, Form, Query, Router, Schema, Status, UploadedFile
from ninja.pagination import paginate

from yingji.core.api import MAX_ID, Page
from yingji.core.errors import ApplicationError
from yingji.regions.scoping import get_for_user
from yingji.tasks import permissions, services, workbook
from yingji.tasks.models import DutyItem, Task, TaskSource

router = Router(tags=["tasks"])


class DutyItemOut(Schema):
    id: int
    unit: str
    unit_id: int = Field(..., alias="organisation_id")
    content: str
    basis: str

    @staticmethod
    def resolve_unit(obj):
        return obj.organisation.name


class DutyItemIn(Schema):
    unit_id: int = Field(..., ge=1, le=MAX_ID)
    content: str = Field(..., max_length=2000)
    basis: str = Field("", max_length=300)


class UpdateOut(Schema):
    at: datetime.datetime
    by: str
    progress: str
    done: bool
    evidence_name: str = Field(..., alias="file_name", description="empty: no evidence file")
    evidence_sha256: str = Field(..., alias="file_sha256")

    @staticmethod
    def resolve_by(obj):
        return obj.by.username


class TaskOut(Schema):
    id: int
    unit: str
    unit_id: int = Field(..., alias="organisation_id")
    title: str
    detail: str
    year: int
    due_on: datetime.date
    source: str
    done_on: datetime.date | None
    overdue: bool
    updates: list[UpdateOut]

    @staticmethod
    def resolve_unit(obj):
        return obj.organisation.name

    @staticmethod
    def resolve_overdue(obj):
        return obj.done_on is None and obj.due_on < timezone.localdate()

    @staticmethod
    def resolve_updates(obj):
        return list(obj.updates.all())


class TaskIn(Schema):
    unit_id: int = Field(..., ge=1, le=MAX_ID)
    title: str = Field(..., max_length=200)
    detail: str = Field("", max_length=5000)
    due_on: datetime.date
    source: TaskSource = TaskSource.ANNUAL


class ReportIn(Schema):
    progress: str = Field(..., max_length=5000)
    done: bool = False


class TaskFilters(Schema):
    year: int | None = Field(None, ge=2000, le=2100)
    unit_id: int | None = Field(None, ge=1, le=MAX_ID)
    overdue: bool | None = None


class ImportOut(Schema):
    rows: int


def _read(user):
    permissions.require(permissions.can_read(user))


def _tasks(user):
    return Task.objects.for_user(user).select_related("organisation").prefetch_related("updates__by")


@router.get("/duty-items", response=list[DutyItemOut])
@paginate(Page)
def duty_items(request, unit_id: int | None = Query(None, ge=1, le=MAX_ID)):  # noqa: B008
    _read(request.auth)
    qs = DutyItem.objects.for_user(request.auth).select_related("organisation")
    return qs.filter(organisation_id=unit_id) if unit_id else qs


@router.post("/duty-items", response={201: DutyItemOut})
def duty_item_create(request, payload: DutyItemIn):
    return Status(201, services.duty_item_create(actor=request.auth, organisation=payload.unit_id, content=payload.content, basis=payload.basis))  # fmt: skip


@router.get("/tasks", response=list[TaskOut])
@paginate(Page)
def task_list(request, filters: Query[TaskFilters]):
    _read(request.auth)
    qs = _tasks(request.auth)
    if filters.year:
        qs = qs.filter(year=filters.year)
    if filters.unit_id:
        qs = qs.filter(organisation_id=filters.unit_id)
    if filters.overdue is not None:
        late = services.overdue(qs)
        qs = late if filters.overdue else qs.exclude(pk__in=late.values("pk"))
    return qs


@router.post("/tasks", response={201: TaskOut})
def task_create(request, payload: TaskIn):
    task = services.task_create(actor=request.auth, organisation=payload.unit_id, title=payload.title, detail=payload.detail, due_on=payload.due_on, source=payload.source)  # fmt: skip
    return Status(201, get_for_user(_tasks(request.auth), request.auth, pk=task.pk))


def _import(request, kind: str, file) -> dict:
    data = file.read(workbook.uploads.WEB.file_bytes + 1)
    try:
        rows = workbook.import_list(actor=request.auth, kind=kind, data=data)
    except workbook.ImportRejected as e:
        errors: dict[str, list[str]] = {}
        for p in e.problems[:500]:
            errors.setdefault(f"row {p.row}: {p.column}" if p.row else p.column, []).append(p.message)
        raise ApplicationError(e.problems[0].message, errors=errors) from None
    return {"rows": rows}


@router.post("/tasks/import", response=ImportOut)
def task_import(request, file: File[UploadedFile]):
    """Import a task list from XLSX (单位, 任务, 具体内容, 完成时限); all or nothing: 400 naming
    each bad row and column."""
    return _import(request, "tasks", file)


@router.post("/duty-items/import", response=ImportOut)
def duty_item_import(request, file: File[UploadedFile]):
    """Import a duty-item list from XLSX (单位, 职责事项, 依据); all or nothing."""
    return _import(request, "duty_items", file)


@router.get("/tasks/{task_id}", response=TaskOut)
def task_detail(request, task_id: int):
    _read(request.auth)
    return get_for_user(_tasks(request.auth), request.auth, pk=task_id)


@router.post("/tasks/{task_id}/actions/report", response=TaskOut)
def task_report(request, task_id: int, payload: ReportIn):
    """A progress report; {"done": true} closes the task (409 when it is done already)."""
    task = get_for_user(_tasks(request.auth), request.auth, pk=task_id)
    services.task_report(actor=request.auth, task=task, progress=payload.progress, done=payload.done)
    return get_for_user(_tasks(request.auth), request.auth, pk=task_id)


@router.post("/tasks/{task_id}/actions/report_with_evidence", response=TaskOut)
def task_report_with_evidence(
    request, task_id: int, payload: Form[ReportIn], evidence: File[UploadedFile]
):
    """The same report with its evidence file (multipart: progress, done, evidence — a photo or
    PDF, judged by its content)."""
    task = get_for_user(_tasks(request.auth), request.auth, pk=task_id)
    services.task_report(
        actor=request.auth, task=task, progress=payload.progress, done=payload.done, evidence=evidence
    )
    return get_for_user(_tasks(request.auth), request.auth, pk=task_id)
