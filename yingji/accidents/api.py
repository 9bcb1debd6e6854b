"""/api/v1/accidents: the registry, casualty updates, investigation actions and measures.

Figures (deaths, missing, injuries, direct loss) are set by the first report and change only
through `POST /{id}/updates`; the grade, deadlines, lateness and status are computed or
moved by actions, never written.
"""

import datetime
import json
from decimal import Decimal
from typing import Literal

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, File, Query, Router, Schema, Status, UploadedFile
from ninja.pagination import paginate

from yingji.accidents import deadlines, notice, selectors, services
from yingji.accidents.choices import (
    AccidentAction,
    AccidentCategory,
    AccidentDomain,
    AccidentGrade,
    AccidentKind,
    InvestigationStatus,
    ReportLevel,
    ReportSource,
)
from yingji.accidents.models import AccidentMeasure
from yingji.core.api import MAX_ID, Page
from yingji.core.industries import Industry
from yingji.notices.api import NoticeOut

router = Router(tags=["accidents"])

Count = Field(..., ge=0, le=services.MAX_COUNT)
Loss = Field(..., ge=0, max_digits=14, decimal_places=2, description="yuan")
OptionalId = Field(None, ge=1, le=MAX_ID)


def _local(value: datetime.datetime | None) -> datetime.datetime | None:
    return timezone.localtime(value) if value else None


class ReportStepOut(Schema):
    level: str
    deadline: datetime.datetime


class AccidentOut(Schema):
    id: int
    occurred_at: datetime.datetime
    region_code: str = Field(..., alias="region_id")
    region_name: str
    place: str
    enterprise_id: int | None
    enterprise_name: str | None
    kind: str
    domain: str | None
    category: str
    industry: str
    is_business_related: bool
    deaths: int
    missing: int
    serious_injuries: int
    minor_injuries: int
    direct_loss: Decimal = Field(..., description="yuan, as a decimal string")
    grade: str
    summary: str
    cause: str
    report_source: str
    reported_at: datetime.datetime
    report_deadline: datetime.datetime = Field(
        ..., description="the unit's deadline to report to the county level"
    )
    late: bool = Field(..., description="迟报: first reported after report_deadline")
    late_by_minutes: int | None
    report_chain: list[ReportStepOut] = Field(
        ..., description="each level the report must reach, and by when"
    )
    update_window_ends: datetime.date = Field(..., description="last day a casualty change counts")
    status: str
    investigating_level: str = Field(..., description="whose government investigates this grade (Art. 19)")
    investigation_body: str
    investigation_team: str
    investigation_started_on: datetime.date | None
    investigation_deadline: datetime.date
    extension_days: int
    extension_reason: str
    conclusion: str
    responsibility_findings: str
    report_approved_on: datetime.date | None
    has_investigation_report: bool
    closed_on: datetime.date | None
    open_measures: int
    closed_with_open_measures: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime

    @staticmethod
    def resolve_occurred_at(obj):
        return _local(obj.occurred_at)

    @staticmethod
    def resolve_reported_at(obj):
        return _local(obj.reported_at)

    @staticmethod
    def resolve_report_deadline(obj):
        return _local(obj.report_deadline)

    @staticmethod
    def resolve_region_name(obj):
        return obj.region.name

    @staticmethod
    def resolve_enterprise_name(obj):
        return obj.enterprise.name if obj.enterprise_id else None

    @staticmethod
    def resolve_domain(obj):
        return obj.domain or None

    @staticmethod
    def resolve_late_by_minutes(obj):
        return int(obj.late_by.total_seconds() // 60) if obj.late_by else None

    @staticmethod
    def resolve_report_chain(obj):
        return [{"level": level, "deadline": _local(deadline)} for level, deadline in obj.report_chain]

    @staticmethod
    def resolve_update_window_ends(obj):
        return obj.update_window_end

    @staticmethod
    def resolve_investigating_level(obj):
        return deadlines.investigating_level(obj.grade)

    @staticmethod
    def resolve_has_investigation_report(obj):
        return bool(obj.investigation_report)

    @staticmethod
    def resolve_open_measures(obj):
        return obj.open_measure_count()


AccidentSort = Literal[tuple(f"{sign}{key}" for key in selectors.SORTS for sign in ("", "-"))]


class AccidentFilters(Schema):
    region: str | None = Field(None, max_length=12, description="region code prefix")
    kind: AccidentKind | None = None
    domain: AccidentDomain | None = None
    category: AccidentCategory | None = None
    industry: Industry | None = None
    grade: AccidentGrade | None = None
    status: InvestigationStatus | None = None
    enterprise: int | None = OptionalId
    late: bool | None = Field(None, description="迟报 only (true) or on time only (false)")
    open_after_close: bool | None = Field(None, description="closed with follow-up measures still open")
    date_from: datetime.date | None = Field(
        None, alias="from", description="occurred on or after (Beijing date)"
    )
    date_to: datetime.date | None = Field(None, alias="to", description="occurred on or before")
    q: str | None = Field(
        None, max_length=100, description="keyword in the place, summary, enterprise or USCC"
    )
    street: str | None = Field(None, max_length=12, description="street (or any region) code prefix")
    sort: AccidentSort | None = Field(
        None, description="a column, descending after '-'; an unknown one is a 400"
    )


class AccidentIn(Schema):
    occurred_at: datetime.datetime = Field(..., description="without an offset: Beijing time")
    region_code: str = Field(..., max_length=12, description="a county or street in your jurisdiction")
    place: str = Field(..., max_length=200)
    kind: AccidentKind
    domain: AccidentDomain | None = Field(
        None, description="production accidents only; default from the industry"
    )
    category: AccidentCategory = Field(..., description="GB 6441 code 01–20")
    industry: Industry | None = Field(None, description="default: the enterprise's, else other")
    enterprise_id: int | None = OptionalId
    deaths: int = Count
    missing: int = Count
    serious_injuries: int = Field(..., ge=0, le=services.MAX_COUNT, description="including acute poisoning")
    minor_injuries: int = Count
    direct_loss: Decimal = Loss
    summary: str
    cause: str = ""
    report_source: ReportSource = ReportSource.UNIT
    reported_at: datetime.datetime | None = Field(None, description="first report; default: now")


class AccidentPatch(Schema):
    occurred_at: datetime.datetime | None = None
    region_code: str | None = Field(None, max_length=12)
    place: str | None = Field(None, max_length=200)
    kind: AccidentKind | None = None
    domain: AccidentDomain | None = None
    category: AccidentCategory | None = None
    industry: Industry | None = None
    enterprise_id: int | None = OptionalId
    summary: str | None = None
    cause: str | None = None
    report_source: ReportSource | None = None
    reported_at: datetime.datetime | None = None


def _extras(request, schema: type[Schema]) -> dict:
    """Fields the client sent that the schema does not have (which ninja would drop): a grade
    or a figure sent to be written is refused by name rather than silently ignored."""
    try:
        sent = json.loads(request.body or b"{}")
    except ValueError:
        return {}
    return {k: v for k, v in sent.items() if k not in schema.model_fields} if isinstance(sent, dict) else {}


def _reject_extras(request, schema: type[Schema]) -> None:
    errors = services.Errors()
    for name in _extras(request, schema):
        if name in services.COMPUTED:
            errors.add(name, _("This is computed and cannot be set."))
        else:
            errors.add(name, _("Unknown field."))
    errors.raise_if_any()


@router.get("", response=list[AccidentOut])
@paginate(Page)
def accident_list(request, filters: Query[AccidentFilters]):
    qs = selectors.accident_list(user=request.auth, filters=filters.dict())
    return qs.with_open_measures().select_related("region", "enterprise")


@router.post("", response={201: AccidentOut})
def accident_create(request, payload: AccidentIn):
    _reject_extras(request, AccidentIn)
    accident = services.accident_register(actor=request.auth, **payload.dict())
    return Status(201, selectors.accident_get(user=request.auth, accident_id=accident.pk))


@router.get("/{accident_id}", response=AccidentOut)
def accident_detail(request, accident_id: int):
    return selectors.accident_get(user=request.auth, accident_id=accident_id)


@router.patch("/{accident_id}", response=AccidentOut)
def accident_patch(request, accident_id: int, payload: AccidentPatch):
    """Correct the accident's own fields. Sending a figure is a 400 that points to `/updates`."""
    accident = selectors.accident_get(user=request.auth, accident_id=accident_id)
    changes = _extras(request, AccidentPatch) | payload.dict(exclude_unset=True)
    services.accident_update(actor=request.auth, accident=accident, changes=changes)
    return selectors.accident_get(user=request.auth, accident_id=accident_id)


class UpdateOut(Schema):
    id: int
    kind: str
    changed_on: datetime.date
    reported_at: datetime.datetime
    reason: str
    deaths: int
    missing: int
    serious_injuries: int
    minor_injuries: int
    direct_loss: Decimal
    before: dict
    grade: str = Field(..., description="the grade these figures give")
    counts: bool = Field(..., description="within the legal window: changes the statistics and the grade")
    accident_grade: str

    @staticmethod
    def resolve_reported_at(obj):
        return _local(obj.reported_at)

    @staticmethod
    def resolve_accident_grade(obj):
        return obj.accident.grade


class UpdateIn(Schema):
    deaths: int = Count
    missing: int = Count
    serious_injuries: int = Count
    minor_injuries: int = Count
    direct_loss: Decimal = Loss
    reason: str = Field(..., min_length=1)
    changed_on: datetime.date | None = Field(
        None, description="when the figures changed; default: reported_at's date"
    )
    reported_at: datetime.datetime | None = Field(None, description="default: now")


@router.get("/{accident_id}/updates", response=list[UpdateOut])
@paginate(Page)
def update_list(request, accident_id: int):
    """The figures' history: the first report, then each follow-up report."""
    accident = selectors.accident_get(user=request.auth, accident_id=accident_id)
    return accident.updates.select_related("accident")


@router.post("/{accident_id}/updates", response={201: UpdateOut})
def update_create(request, accident_id: int, payload: UpdateIn):
    accident = selectors.accident_get(user=request.auth, accident_id=accident_id)
    update = services.accident_add_casualty_update(actor=request.auth, accident=accident, **payload.dict())
    return Status(201, update)


class ActionIn(Schema):
    team: str | None = Field(None, description="start_investigation")
    body: str | None = Field(None, max_length=100, description="start_investigation; default by grade")
    started_on: datetime.date | None = Field(None, description="start_investigation; default today")
    days: int | None = Field(None, description="extend_investigation: 1–60")
    reason: str | None = Field(None, description="extend_investigation")
    conclusion: str | None = Field(None, description="approve_report")
    responsibility_findings: str | None = Field(None, description="approve_report")
    approved_on: datetime.date | None = Field(None, description="approve_report; default today")
    closed_on: datetime.date | None = Field(None, description="close; default today")


@router.post("/{accident_id}/actions/{action}", response=AccidentOut)
def accident_act(request, accident_id: int, action: AccidentAction, payload: ActionIn | None = None):
    """Investigation workflow: start_investigation, extend_investigation (once, ≤ 60 days),
    approve_report, close. An action the state does not allow is a 409."""
    accident = selectors.accident_get(user=request.auth, accident_id=accident_id)
    data = payload.dict() if payload else {}
    services.accident_act(actor=request.auth, accident=accident, action=action, data=data)
    return selectors.accident_get(user=request.auth, accident_id=accident_id)


@router.post("/{accident_id}/investigation-report", response=AccidentOut)
def report_upload(request, accident_id: int, file: File[UploadedFile]):
    """Attach the investigation report (PDF, DOCX or OFD)."""
    accident = selectors.accident_get(user=request.auth, accident_id=accident_id)
    services.accident_attach_report(actor=request.auth, accident=accident, upload=file)
    return selectors.accident_get(user=request.auth, accident_id=accident_id)


@router.get("/{accident_id}/investigation-report", response={200: None})
def report_download(request, accident_id: int):
    accident = selectors.accident_get(user=request.auth, accident_id=accident_id)
    if not accident.investigation_report:
        raise Http404
    return FileResponse(accident.investigation_report.open("rb"), as_attachment=True)


class ReportStepStateOut(Schema):
    level: str
    deadline: datetime.datetime
    made_at: datetime.datetime | None = Field(..., description="when the report reached this level")
    made_by: str | None = Field(..., description="who recorded it")
    note: str
    state: Literal["on_time", "late", "pending", "overdue"] = Field(
        ..., description="late: made after the deadline (迟报); overdue: not made and past it (逾期)"
    )


class ReportMadeIn(Schema):
    level: ReportLevel
    made_at: datetime.datetime | None = Field(
        None, description="without an offset: Beijing time; default now"
    )
    note: str = Field("", max_length=1000)


def _steps(accident) -> list[dict]:
    return [
        {
            "level": step.level,
            "deadline": _local(step.deadline),
            "made_at": _local(step.report.made_at) if step.report else None,
            "made_by": str(step.report.made_by) if step.report and step.report.made_by else None,
            "note": step.report.note if step.report else "",
            "state": step.state,
        }
        for step in accident.report_steps()
    ]


@router.get("/{accident_id}/reports", response=list[ReportStepStateOut])
def report_steps(request, accident_id: int):
    """The reporting chain (Decree 493 Art. 10): each level's deadline and when the report
    actually reached it."""
    return _steps(selectors.accident_get(user=request.auth, accident_id=accident_id))


@router.post("/{accident_id}/reports", response={201: list[ReportStepStateOut]})
def report_made(request, accident_id: int, payload: ReportMadeIn):
    """Record that the report reached a level: 400 for a level this grade does not climb or a
    time ahead of now or before the accident, 409 when that level is recorded already."""
    accident = selectors.accident_get(user=request.auth, accident_id=accident_id)
    services.accident_report_made(actor=request.auth, accident=accident, **payload.dict())
    return Status(201, _steps(selectors.accident_get(user=request.auth, accident_id=accident_id)))


class MeasureOut(Schema):
    id: int
    description: str
    responsible: str
    due_on: datetime.date | None
    completed_on: datetime.date | None
    completion_note: str


class MeasureIn(Schema):
    description: str = Field(..., min_length=1)
    responsible: str = Field("", max_length=200)
    due_on: datetime.date | None = None


class CompleteIn(Schema):
    completed_on: datetime.date | None = Field(None, description="default today")
    note: str = ""


@router.get("/{accident_id}/measures", response=list[MeasureOut])
@paginate(Page)
def measure_list(request, accident_id: int):
    """Follow-up measures (整改措施) and their completion."""
    return selectors.accident_get(user=request.auth, accident_id=accident_id).measures.all()


@router.post("/{accident_id}/measures", response={201: MeasureOut})
def measure_create(request, accident_id: int, payload: MeasureIn):
    accident = selectors.accident_get(user=request.auth, accident_id=accident_id)
    return Status(201, services.accident_add_measure(actor=request.auth, accident=accident, **payload.dict()))


@router.post("/{accident_id}/measures/{measure_id}/actions/complete", response=MeasureOut)
def measure_complete(request, accident_id: int, measure_id: int, payload: CompleteIn | None = None):
    accident = selectors.accident_get(user=request.auth, accident_id=accident_id)
    measure = get_object_or_404(AccidentMeasure, accident=accident, pk=measure_id)
    data = payload.dict() if payload else {}
    return services.accident_complete_measure(actor=request.auth, measure=measure, **data)


@router.post("/{accident_id}/notice", response={201: NoticeOut})
def accident_notice(request, accident_id: int):
    """Issue the accident notice (事故通报) of the county's committee office, numbered per year;
    its DOCX at /notices/<id>.docx."""
    accident = selectors.accident_get(user=request.auth, accident_id=accident_id)
    return Status(201, notice.issue(actor=request.auth, accident=accident))
