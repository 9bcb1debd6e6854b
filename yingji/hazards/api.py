import datetime
from decimal import Decimal
from typing import Literal

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Query, Router, Schema, Status, UploadedFile
from ninja.pagination import paginate

from yingji.campaigns import tagging
from yingji.core.api import Id, Page
from yingji.core.errors import ApplicationError
from yingji.enterprises.models import Enterprise
from yingji.hazards import evidence, selectors, services
from yingji.hazards.choices import HazardAction, HazardLevel, HazardSource, HazardStatus
from yingji.hazards.models import Hazard
from yingji.hazards.permissions import actions_for

router = Router(tags=["hazards"])


class HazardOut(Schema):
    id: int
    enterprise_id: int
    region_code: str = Field(..., alias="region_id")
    industry: str
    description: str
    location: str
    category: str
    level: str
    source: str
    found_at: datetime.date
    measures: str
    responsible: str
    deadline: datetime.date | None
    funds: Decimal | None
    status: str
    rectified_at: datetime.date | None
    verified_at: datetime.date | None
    verifier: str
    closed_at: datetime.date | None
    listing_level: str
    listed_on: datetime.date | None
    extension_requested_until: datetime.date | None
    inspection_id: int | None
    overdue: bool = Field(..., alias="is_overdue")


class EventOut(Schema):
    at: datetime.datetime
    actor: str | None
    action: str
    from_status: str
    to_status: str
    note: str
    data: dict

    @staticmethod
    def resolve_actor(obj) -> str | None:
        return obj.actor.username if obj.actor_id else None


class EvidenceOut(Schema):
    id: int
    kind: str
    original_name: str
    content_type: str
    size: int
    sha256: str
    uploaded_at: datetime.datetime
    captured_at: datetime.datetime | None
    latitude: Decimal | None
    longitude: Decimal | None
    superseded_by_id: int | None


class HazardDetailOut(HazardOut):
    events: list[EventOut]
    evidence: list[EvidenceOut]
    actions: list[str]
    campaign_ids: list[int] = Field(..., description="the campaigns it was found in")

    @staticmethod
    def resolve_campaign_ids(obj) -> list[int]:
        return tagging.ids_of(obj)


class HazardIn(Schema):
    enterprise_id: int
    description: str = Field(..., min_length=1, max_length=5000)
    found_at: datetime.date
    level: HazardLevel = HazardLevel.GENERAL
    source: HazardSource = HazardSource.INSPECTION
    location: str = Field("", max_length=200)
    category: str = Field("", max_length=200)
    measures: str = Field("", max_length=5000)
    responsible: str = Field("", max_length=100)
    deadline: datetime.date | None = None
    funds: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=2)
    note: str = Field("", max_length=5000)
    campaign_ids: list[Id] | None = Field(
        None, max_length=20, description="campaigns it was found in; default: every campaign covering it"
    )


Sort = Literal[tuple(f"{sign}{key}" for key in selectors.SORTS for sign in ("", "-"))]


class HazardFilters(Schema):
    region: str | None = Field(None, max_length=12)
    industry: str | None = Field(None, max_length=32)
    level: HazardLevel | None = None
    status: HazardStatus | None = None
    source: HazardSource | None = None
    overdue: bool | None = None
    enterprise: Id | None = None
    inspection: Id | None = None
    campaign: Id | None = Field(None, description="found in this campaign")
    date_from: datetime.date | None = Field(None, alias="from")
    date_to: datetime.date | None = Field(None, alias="to")
    ordering: Literal["-found_at", "found_at", "deadline", "-deadline"] | None = Field(
        None, description="deadline: the longest overdue first; default -found_at"
    )
    q: str | None = Field(
        None, max_length=100, description="keyword in the description, enterprise name or USCC"
    )
    street: str | None = Field(None, max_length=12, description="street (or any region) code prefix")
    sort: Sort | None = Field(None, description="a column, descending after '-'; an unknown one is a 400")


class PlanIn(Schema):
    objectives: str = Field(..., min_length=1)
    methods: str = Field(..., min_length=1)
    funds_and_materials: str = Field(..., min_length=1)
    organisation: str = Field(..., min_length=1)
    time_limit: str = Field(..., min_length=1)
    safety_measures: str = Field(..., min_length=1)


class ActionIn(Schema):
    measures: str | None = Field(None, max_length=5000)
    responsible: str | None = Field(None, max_length=100)
    deadline: datetime.date | None = None
    funds: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=2)
    note: str | None = Field(None, max_length=5000)
    reason: str | None = Field(None, max_length=5000)
    until: datetime.date | None = None
    rectified_at: datetime.date | None = None
    level: str | None = Field(None, max_length=16, description="listing level for `list`")
    listed_on: datetime.date | None = None


def _detail(user, hazard_id: int) -> Hazard:
    """The hazard with its timeline, evidence and the actions this user may take now."""
    hazard = selectors.hazard_get(user=user, hazard_id=hazard_id)
    hazard.actions = actions_for(user, hazard)
    return hazard


@router.get("", response=list[HazardOut])
@paginate(Page)
def hazard_list(request, filters: Query[HazardFilters]):
    return selectors.hazard_list(user=request.auth, filters=filters.dict())


@router.post("", response={201: HazardDetailOut})
def hazard_create(request, payload: HazardIn):
    enterprise = Enterprise.objects.for_user(request.auth).filter(pk=payload.enterprise_id).first()
    if enterprise is None:
        message = _("No such enterprise in your jurisdiction.")
        raise ApplicationError(message, errors={"enterprise_id": [message]})
    hazard = services.hazard_register(
        actor=request.auth, enterprise=enterprise, **payload.dict(exclude={"enterprise_id"})
    )
    return Status(201, _detail(request.auth, hazard.pk))


@router.get("/{hazard_id}", response=HazardDetailOut)
def hazard_detail(request, hazard_id: int):
    return _detail(request.auth, hazard_id)


@router.put("/{hazard_id}/plan", response=HazardDetailOut)
def hazard_plan(request, hazard_id: int, payload: PlanIn):
    hazard = selectors.hazard_get(user=request.auth, hazard_id=hazard_id)
    services.hazard_set_plan(actor=request.auth, hazard=hazard, **payload.dict())
    return _detail(request.auth, hazard.pk)


@router.post("/{hazard_id}/actions/{action}", response=HazardDetailOut)
def hazard_action(request, hazard_id: int, action: HazardAction, payload: ActionIn | None = None):
    """Take an action of the closed loop; the answer is the hazard. 409 when the state does
    not allow it, 403 when the role may not take it."""
    hazard = selectors.hazard_get(user=request.auth, hazard_id=hazard_id)
    data = payload.dict(exclude_none=True) if payload else {}
    hazard = services.hazard_act(actor=request.auth, hazard=hazard, action=action, data=data)
    return _detail(request.auth, hazard.pk)


@router.post("/{hazard_id}/actions/{action}/upload", response=HazardDetailOut)
def hazard_action_with_files(
    request,
    hazard_id: int,
    action: HazardAction,
    files: File[list[UploadedFile]],
    note: Form[str] = "",
    rectified_at: Form[datetime.date | None] = None,
    kind: Form[str] = "after",
):
    """The same actions with evidence files (multipart): `submit` needs them for a major hazard."""
    hazard = selectors.hazard_get(user=request.auth, hazard_id=hazard_id)
    data = {"note": note, "kind": kind} | ({"rectified_at": rectified_at} if rectified_at else {})
    hazard = services.hazard_act(actor=request.auth, hazard=hazard, action=action, data=data, files=files)
    return _detail(request.auth, hazard.pk)


@router.get("/{hazard_id}/evidence/{evidence_id}", response=EvidenceOut)
def evidence_detail(request, hazard_id: int, evidence_id: int):
    hazard = selectors.hazard_get(user=request.auth, hazard_id=hazard_id)
    found = hazard.evidence.filter(pk=evidence_id).first()
    if found is None:
        raise Http404
    return found


@router.post("/{hazard_id}/evidence/{evidence_id}/supersede", response=EvidenceOut)
def evidence_supersede(request, hazard_id: int, evidence_id: int, file: File[UploadedFile]):
    """Replace a file by a newer one: the old stays, marked as superseded (evidence is never overwritten)."""
    hazard = selectors.hazard_get(user=request.auth, hazard_id=hazard_id)
    old = hazard.evidence.filter(pk=evidence_id, superseded_by__isnull=True).first()
    if old is None:
        raise Http404
    return evidence.evidence_supersede(actor=request.auth, old=old, upload=file)
