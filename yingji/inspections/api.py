"""/api/v1/inspections: inspections with their checklist results, hazards and photos, and the
checklists to inspect with."""

import datetime

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _
from ninja import Field, File, Query, Router, Schema, Status, UploadedFile
from ninja.pagination import paginate

from yingji.campaigns import tagging
from yingji.core.api import Id, Page
from yingji.core.errors import ApplicationError
from yingji.core.industries import Industry
from yingji.enterprises.models import Enterprise
from yingji.hazards.choices import HazardLevel
from yingji.inspections import permissions, selectors, services
from yingji.inspections.choices import InspectionType, Outcome
from yingji.inspections.models import ChecklistTemplate, Inspection

router = Router(tags=["inspections"])


class ProposalOut(Schema):
    description: str
    category: str
    level: str
    note: str


class ItemOut(Schema):
    id: int
    code: str
    order: int
    section: str
    text: str
    finding: str
    legal_basis: str
    is_major_criterion: bool
    major_criterion_ref: str
    hazard_category: str
    proposed_hazard: ProposalOut

    @staticmethod
    def resolve_proposed_hazard(obj) -> dict:
        return services.hazard_proposal(obj)


class ChecklistOut(Schema):
    code: str
    name: str
    industries: list[str]
    standard: str
    items: list[ItemOut]

    @staticmethod
    def resolve_items(obj) -> list:
        return list(obj.items.all())


class ChecklistFilters(Schema):
    industry: Industry | None = None


class InspectionOut(Schema):
    id: int
    enterprise_id: int
    enterprise_name: str
    region_code: str = Field(..., alias="region_id")
    industry: str
    inspected_on: datetime.date
    type: str
    inspector_count: int
    template: str | None
    organisation: str | None
    notes: str
    hazard_count: int

    @staticmethod
    def resolve_enterprise_name(obj) -> str:
        return obj.enterprise.name

    @staticmethod
    def resolve_template(obj) -> str | None:
        return obj.template.code if obj.template_id else None

    @staticmethod
    def resolve_organisation(obj) -> str | None:
        return obj.organisation.name if obj.organisation_id else None

    @staticmethod
    def resolve_hazard_count(obj) -> int:
        count = getattr(obj, "hazard_count", None)
        return obj.hazards.count() if count is None else count


class InspectorOut(Schema):
    id: int
    username: str
    name: str


class ResultOut(Schema):
    item_id: int
    item_code: str
    section: str
    text: str
    is_major_criterion: bool
    outcome: str
    note: str
    hazard_id: int | None

    @staticmethod
    def resolve_item_code(obj) -> str:
        return obj.item.code

    @staticmethod
    def resolve_section(obj) -> str:
        return obj.item.section

    @staticmethod
    def resolve_text(obj) -> str:
        return obj.item.text

    @staticmethod
    def resolve_is_major_criterion(obj) -> bool:
        return obj.item.is_major_criterion


class PhotoOut(Schema):
    id: int
    original_name: str
    content_type: str
    size: int
    sha256: str
    uploaded_at: datetime.datetime
    url: str

    @staticmethod
    def resolve_url(obj) -> str:
        return f"/api/v1/inspections/{obj.inspection_id}/photos/{obj.pk}"


class InspectionDetailOut(InspectionOut):
    inspectors: list[InspectorOut]
    results: list[ResultOut]
    hazard_ids: list[int]
    photos: list[PhotoOut]
    campaign_ids: list[int] = Field(..., description="the campaigns it was done in")

    @staticmethod
    def resolve_campaign_ids(obj) -> list[int]:
        return tagging.ids_of(obj)

    @staticmethod
    def resolve_inspectors(obj) -> list:
        return list(obj.inspectors.all())

    @staticmethod
    def resolve_results(obj) -> list:
        return list(obj.results.select_related("item"))

    @staticmethod
    def resolve_hazard_ids(obj) -> list[int]:
        return list(obj.hazards.order_by("pk").values_list("pk", flat=True))

    @staticmethod
    def resolve_photos(obj) -> list:
        return list(obj.photos.all())


class InspectionFilters(Schema):
    region: str | None = Field(None, max_length=12, description="region code prefix")
    enterprise: Id | None = None
    campaign: Id | None = Field(None, description="done in this campaign")
    type: InspectionType | None = None
    industry: Industry | None = None
    date_from: datetime.date | None = Field(None, alias="from")
    date_to: datetime.date | None = Field(None, alias="to")
    q: str | None = Field(None, max_length=100, description="keyword in the enterprise's name or USCC")
    street: str | None = Field(None, max_length=12, description="street (or any region) code prefix")


class ResultIn(Schema):
    item_id: Id
    outcome: Outcome
    note: str = Field("", max_length=2000)


class HazardDraftIn(Schema):
    item_id: Id | None = Field(None, description="the failed checklist item the hazard comes from")
    description: str = Field(..., min_length=1, max_length=5000)
    location: str = Field("", max_length=200)
    category: str = Field("", max_length=200)
    level: HazardLevel | None = Field(
        None, description="default: the item's proposal (major for a criterion)"
    )
    deadline: datetime.date | None = None
    measures: str = Field("", max_length=5000)
    responsible: str = Field("", max_length=100)
    note: str = Field("", max_length=5000, description="default: the item's legal basis")
    downgrade_reason: str = Field(
        "", max_length=1000, description="required to register a major-hazard criterion as general"
    )


class InspectionIn(Schema):
    enterprise_id: Id
    inspected_on: datetime.date
    type: InspectionType
    template: str | None = Field(None, max_length=32, description="checklist code")
    inspector_ids: list[Id] = Field(default_factory=list, max_length=50, description="default: you")
    notes: str = Field("", max_length=5000)
    results: list[ResultIn] = Field(default_factory=list, max_length=200)
    hazards: list[HazardDraftIn] = Field(default_factory=list, max_length=100)
    campaign_ids: list[Id] | None = Field(
        None, max_length=20, description="campaigns it is done in; default: every campaign covering it"
    )


def _field_error(field: str, message: str) -> ApplicationError:
    return ApplicationError(message, errors={field: [message]})


def _detail(user, inspection_id: int) -> Inspection:
    return selectors.inspection_get(user=user, inspection_id=inspection_id)


@router.get("", response=list[InspectionOut])
@paginate(Page)
def inspection_list(request, filters: Query[InspectionFilters]):
    return selectors.inspection_list(user=request.auth, filters=filters.dict())


@router.post("", response={201: InspectionDetailOut})
def inspection_create(request, payload: InspectionIn):
    """Record an inspection with its checklist results; each hazard draft is registered as a
    hazard linked to the inspection (and to its failed item)."""
    if not permissions.can_record(request.auth):
        raise PermissionDenied(_("Your role may not record inspections."))
    enterprise = Enterprise.objects.for_user(request.auth).filter(pk=payload.enterprise_id).first()
    if enterprise is None:
        raise _field_error("enterprise_id", _("No such enterprise in your jurisdiction."))
    template = None
    if payload.template:
        template = ChecklistTemplate.objects.filter(code=payload.template).first()
        if template is None:
            raise _field_error("template", _("No such checklist."))
    inspection = services.inspection_record(
        actor=request.auth,
        enterprise=enterprise,
        inspected_on=payload.inspected_on,
        type=payload.type,
        inspectors=payload.inspector_ids,
        notes=payload.notes,
        template=template,
        results=[r.dict() for r in payload.results],
        hazards=[h.dict() for h in payload.hazards],
        campaign_ids=payload.campaign_ids,
    )
    return Status(201, _detail(request.auth, inspection.pk))


@router.get("/checklists", response=list[ChecklistOut])
def checklist_list(request, filters: Query[ChecklistFilters]):
    """The checklists with their items; `industry` gives the ones for that industry."""
    return selectors.checklist_list(industry=filters.industry)


@router.get("/checklists/{code}", response=ChecklistOut)
def checklist_detail(request, code: str):
    return selectors.checklist_get(code=code)


@router.get("/{inspection_id}", response=InspectionDetailOut)
def inspection_detail(request, inspection_id: int):
    return _detail(request.auth, inspection_id)


@router.post("/{inspection_id}/photos", response={201: list[PhotoOut]})
def inspection_photos(request, inspection_id: int, photos: File[list[UploadedFile]]):
    """Add site photos (multipart, field `photos`); only JPEG, PNG and WebP, judged by content."""
    inspection = selectors.inspection_get(user=request.auth, inspection_id=inspection_id)
    return Status(
        201, services.inspection_add_photos(actor=request.auth, inspection=inspection, photos=photos)
    )


@router.get("/{inspection_id}/photos/{photo_id}", response={200: None})
def inspection_photo(request, inspection_id: int, photo_id: int):
    """The photo file itself."""
    inspection = selectors.inspection_get(user=request.auth, inspection_id=inspection_id)
    photo = inspection.photos.filter(pk=photo_id).first()
    if photo is None:
        raise Http404
    return FileResponse(photo.file.open("rb"), content_type=photo.content_type, filename=photo.original_name)
