"""The enforcement module's endpoints under /api/v1/ (the router is mounted at the root: each
path names its own collection): cases and their workflow, penalties, evidence and documents;
the statistics table; the code list, the holiday table and the document templates (admin)."""

import datetime
import io
from decimal import Decimal

from django.http import FileResponse, Http404, HttpResponse
from ninja import Field, File, Form, Query, Router, Schema, Status, UploadedFile
from ninja.pagination import paginate

from yingji.campaigns import tagging
from yingji.core.api import MAX_ID, Page
from yingji.enforcement import admin_api, issuing, permissions, selectors, services, table, workflow
from yingji.enforcement.choices import (
    CaseAction,
    CaseSource,
    CaseStatus,
    DocumentKind,
    PartyKind,
    PenaltyKind,
    Procedure,
    TransferKind,
)
from yingji.enforcement.deadlines import decision_deadline, limitation_ends, payment_deadline, step_deadline

router = Router(tags=["enforcement"])
OptionalId = Field(None, ge=1, le=MAX_ID)
Amount = Field(..., ge=0, max_digits=14, decimal_places=2, description="yuan")


class OfficerOut(Schema):
    id: int
    name: str
    cert_no: str

    @staticmethod
    def resolve_name(obj):
        return obj.name or obj.username

    @staticmethod
    def resolve_cert_no(obj):
        return obj.enforcement_cert_no


class PenaltyOut(Schema):
    id: int
    kind: str
    amount: Decimal = Field(..., description="yuan")
    note: str


class PaymentOut(Schema):
    id: int
    amount: Decimal
    paid_on: datetime.date
    surcharge: Decimal


class CaseOut(Schema):
    id: int
    number: str
    status: str
    procedure: str
    party_kind: str
    party_name: str
    party_address: str
    enterprise_id: int | None
    region_code: str = Field(..., alias="region_id")
    industry: str
    source: str
    inspection_id: int | None
    hazard_id: int | None
    violation_code: str | None
    facts: str
    act_on: datetime.date
    limitation_ends: datetime.date = Field(..., description="2 years after the act (Art. 36)")
    legal_basis: str
    penalty_basis: str
    officers: list[OfficerOut]
    handler_id: int | None
    filed_on: datetime.date | None
    decision_due: datetime.date | None = Field(..., description="90 days from filing (Art. 60)")
    notice_on: datetime.date | None
    statement_ends_on: datetime.date | None = Field(..., description="5 working days after the notice")
    hearing_applies: bool
    hearing_requested: bool
    decided_on: datetime.date | None
    served_on: datetime.date | None
    payment_due: datetime.date | None = Field(..., description="15 days from service (Art. 67)")
    court_applied_on: datetime.date | None
    closed_on: datetime.date | None
    archived_on: datetime.date | None
    transfer_kind: str | None
    transferred_to: str
    transferred_on: datetime.date | None
    due_on: datetime.date | None = Field(..., description="deadline of the step under way")
    due_provisional: bool = Field(..., description="counted through a year of unconfirmed holidays")
    due_basis: str = Field(..., description="the rule the step's deadline comes from")
    overdue: bool
    penalties: list[PenaltyOut]
    payments: list[PaymentOut]
    fine_total: Decimal
    fine_outstanding: Decimal
    next_actions: list[str] = Field(..., description="the actions the caller may take now")
    campaign_ids: list[int] = Field(..., description="the campaigns it was opened in")

    @staticmethod
    def resolve_campaign_ids(obj) -> list[int]:
        return tagging.ids_of(obj)

    @staticmethod
    def resolve_violation_code(obj):
        return obj.violation.code if obj.violation_id else None

    @staticmethod
    def resolve_limitation_ends(obj):
        return limitation_ends(obj.act_on)

    @staticmethod
    def resolve_officers(obj):
        return list(obj.officers.all())

    @staticmethod
    def resolve_decision_due(obj):
        return decision_deadline(obj.filed_on).due if obj.filed_on and not obj.decided_on else None

    @staticmethod
    def resolve_hearing_applies(obj):
        return workflow.hearing_applies(obj)

    @staticmethod
    def resolve_payment_due(obj):
        return payment_deadline(obj.served_on).due if obj.served_on and obj.fine_total else None

    @staticmethod
    def resolve_transfer_kind(obj):
        return obj.transfer_kind or None

    @staticmethod
    def resolve_due_basis(obj):
        found = step_deadline(obj) if obj.due_on else None
        return found.basis if found else ""

    @staticmethod
    def resolve_overdue(obj):
        return obj.overdue_on()

    @staticmethod
    def resolve_penalties(obj):
        return list(obj.penalties.all())

    @staticmethod
    def resolve_payments(obj):
        return list(obj.payments.all())

    @staticmethod
    def resolve_next_actions(obj, context):
        return permissions.actions_for(context["request"].auth, obj)


class CaseFilters(Schema):
    region: str | None = Field(None, max_length=12, description="region code prefix")
    status: CaseStatus | None = None
    source: CaseSource | None = None
    procedure: Procedure | None = None
    enterprise: int | None = OptionalId
    hazard: int | None = OptionalId
    inspection: int | None = OptionalId
    campaign: int | None = Field(None, ge=1, le=MAX_ID, description="opened in this campaign")
    penalty: PenaltyKind | None = Field(None, description="cases with a penalty of this kind")
    transfer_kind: TransferKind | None = None
    overdue: bool | None = Field(None, description="the step under way is past its deadline")
    open: bool | None = Field(None, description="cases still under way")
    filed_from: datetime.date | None = None
    filed_to: datetime.date | None = None
    decided_from: datetime.date | None = None
    decided_to: datetime.date | None = None
    closed_from: datetime.date | None = None
    closed_to: datetime.date | None = None
    transferred_from: datetime.date | None = None
    transferred_to: datetime.date | None = None
    q: str | None = Field(None, max_length=100, description="party, number, facts or USCC")
    sort: str | None = Field(None, pattern=r"^-?(created_at|due_on|status|filed_on)$")


class CaseIn(Schema):
    party_kind: PartyKind = PartyKind.ORGANISATION
    enterprise_id: int | None = Field(None, ge=1, le=MAX_ID, description="the party, unless a person")
    party_name: str = Field("", max_length=200, description="a person's name; default the enterprise's")
    party_address: str = Field("", max_length=200)
    region_code: str | None = Field(None, max_length=12, description="for a person: county or street")
    source: CaseSource | None = Field(None, description="default: hazard or inspection when linked")
    inspection_id: int | None = OptionalId
    hazard_id: int | None = OptionalId
    violation_code: str | None = Field(None, max_length=32, description="from /violation-codes")
    facts: str = Field("", max_length=5000, description="default: the code's illegal act")
    act_on: datetime.date | None = Field(None, description="default today")
    legal_basis: str = Field("", max_length=2000, description="default: the code's")
    penalty_basis: str = Field("", max_length=2000, description="default: the code's")
    procedure: Procedure = Procedure.ORDINARY
    officer_ids: list[int] = Field(..., min_length=2, max_length=10, description="≥ 2 officers with 执法证号")
    campaign_ids: list[int] | None = Field(
        None, max_length=20, description="campaigns it is opened in; default: every campaign covering it"
    )


class ActionIn(Schema):
    note: str = Field("", max_length=1000)
    waived: bool = Field(False, description="end_notice: the party waived statement and hearing")
    served_on: datetime.date | None = Field(None, description="serve; default today")
    amount: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=2, description="record_payment")
    paid_on: datetime.date | None = Field(None, description="record_payment; default today")
    to: str | None = Field(None, max_length=100, description="transfer, criminal_transfer: the authority")


class EventOut(Schema):
    at: datetime.datetime
    actor: str | None
    action: str
    from_status: str
    to_status: str
    note: str

    @staticmethod
    def resolve_actor(obj):
        return str(obj.actor) if obj.actor_id else None


class PenaltyIn(Schema):
    kind: PenaltyKind
    amount: Decimal = Field(Decimal(0), ge=0, max_digits=14, decimal_places=2, description="yuan")
    note: str = Field("", max_length=200)


class EvidenceOut(Schema):
    id: int
    description: str
    original_name: str
    content_type: str
    size: int
    sha256: str
    captured_at: datetime.datetime | None
    uploaded_at: datetime.datetime


class DocumentIn(Schema):
    kind: DocumentKind


class DocumentOut(Schema):
    id: int
    kind: str
    number: str
    issued_on: datetime.date
    download: str

    @staticmethod
    def resolve_download(obj):
        return f"/api/v1/cases/{obj.case_id}/documents/{obj.pk}/download"


class TableParams(Schema):
    region: str = Field(..., max_length=12)
    year: int = Field(..., ge=2000, le=2100)
    period: str = Field("year", max_length=4, description="year, ytd, H1, H2, Q1..Q4, M01..M12")


def _case(request, case_id: int):
    if not 1 <= case_id <= MAX_ID:
        raise Http404
    return selectors.case_get(user=request.auth, case_id=case_id)


@router.get("/cases", response=list[CaseOut])
@paginate(Page)
def case_list(request, filters: Query[CaseFilters]):
    qs = selectors.case_list(user=request.auth, filters=filters.dict())
    return qs.select_related("violation").prefetch_related("officers", "penalties", "payments", "campaigns")


@router.post("/cases", response={201: CaseOut})
def case_create(request, payload: CaseIn):
    """Open a case (awaiting 立案审批; a simplified-procedure case awaits its on-the-spot
    decision). Linked to a hazard or an inspection, it is pre-filled from it."""
    values = payload.dict()
    case = services.case_create(actor=request.auth, values=values)
    return Status(201, _case(request, case.pk))


@router.get("/cases/table", response={200: None})
def case_table(request, params: Query[TableParams]):
    """行政执法情况统计表 (xlsx) with 同比, by street and by industry."""
    content = table.build(
        user=request.auth, region_code=params.region, year=params.year, period_code=params.period
    )
    response = HttpResponse(content, content_type=table.XLSX_TYPE)
    filename = f"enforcement-table-{params.region}-{params.year}-{params.period}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@router.get("/cases/{case_id}", response=CaseOut)
def case_detail(request, case_id: int):
    return _case(request, case_id)


@router.post("/cases/{case_id}/actions/{action}", response=CaseOut)
def case_act(request, case_id: int, action: CaseAction, payload: ActionIn | None = None):
    """The workflow (DOMAIN.md §5.2). An action the case's state does not allow is a 409;
    approvals need the bureau's approving user who is not on the case (403 otherwise)."""
    case = _case(request, case_id)
    data = payload.dict(exclude_none=True) if payload else {}
    workflow.case_act(actor=request.auth, case=case, action=action, data=data)
    return _case(request, case_id)


@router.get("/cases/{case_id}/events", response=list[EventOut])
def case_events(request, case_id: int):
    return list(_case(request, case_id).events.select_related("actor"))


@router.post("/cases/{case_id}/penalties", response={201: PenaltyOut})
def penalty_add(request, case_id: int, payload: PenaltyIn):
    """Propose a penalty while investigating; a simplified-procedure case only within its limits."""
    case = _case(request, case_id)
    return Status(201, services.penalty_add(actor=request.auth, case=case, **payload.dict()))


@router.delete("/cases/{case_id}/penalties/{penalty_id}", response={204: None})
def penalty_remove(request, case_id: int, penalty_id: int):
    case = _case(request, case_id)
    permissions.require_file(request.auth)  # a role that may not: 403, whether or not the penalty is there
    penalty = case.penalties.filter(pk=penalty_id).first() if 1 <= penalty_id <= MAX_ID else None
    if penalty is None:
        raise Http404
    services.penalty_remove(actor=request.auth, penalty=penalty)
    return Status(204, None)


@router.get("/cases/{case_id}/evidence", response=list[EvidenceOut])
def evidence_list(request, case_id: int):
    return list(_case(request, case_id).evidence.all())


@router.post("/cases/{case_id}/evidence", response={201: EvidenceOut})
def evidence_add(request, case_id: int, file: File[UploadedFile], description: Form[str] = ""):
    """A photo (JPEG, PNG, WebP) or PDF, checked by its content."""
    case = _case(request, case_id)
    return Status(
        201, services.evidence_add(actor=request.auth, case=case, upload=file, description=description)
    )


@router.get("/cases/{case_id}/evidence/{evidence_id}/file", response={200: None})
def evidence_file(request, case_id: int, evidence_id: int):
    case = _case(request, case_id)
    found = case.evidence.filter(pk=evidence_id).first() if 1 <= evidence_id <= MAX_ID else None
    if found is None:
        raise Http404
    return FileResponse(found.file.open("rb"), content_type=found.content_type)


@router.get("/cases/{case_id}/documents", response=list[DocumentOut])
def document_list(request, case_id: int):
    return list(_case(request, case_id).documents.all())


@router.post("/cases/{case_id}/documents", response={201: DocumentOut})
def document_generate(request, case_id: int, payload: DocumentIn):
    """Generate (or write again, under its number) a document of the case as DOCX."""
    case = _case(request, case_id)
    return Status(201, issuing.document_issue(actor=request.auth, case=case, kind=payload.kind))


@router.get("/cases/{case_id}/documents/{document_id}/download", response={200: None})
def document_download(request, case_id: int, document_id: int):
    case = _case(request, case_id)
    found = case.documents.filter(pk=document_id).first() if 1 <= document_id <= MAX_ID else None
    if found is None:
        raise Http404
    name = f"{found.get_kind_display()}-{found.number}.docx"
    return FileResponse(io.BytesIO(issuing.document_content(found)), as_attachment=True, filename=name)


router.add_router("", admin_api.router)
