"""The warnings module's endpoints under /api/v1/ (the router is mounted at the root: each
path names its own collection): the contacts register, warnings with their recipients, and the
actions acknowledge (叫应), change_level (升级/降级) and lift (解除)."""

import datetime
from typing import Literal

from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from yingji.core.api import MAX_ID, Page
from yingji.core.errors import ApplicationError
from yingji.emergency.api import EmergencyChangeOut
from yingji.regions.scoping import get_for_user
from yingji.warnings import contacts, permissions, services
from yingji.warnings.choices import Level, Source, WarningType
from yingji.warnings.choices import Status as WarningStatus
from yingji.warnings.models import Contact, ContactRole, EarlyWarning, Recipient, Slot

router = Router(tags=["warnings"])
Code = Field(..., max_length=12, description="region code")
RegionPrefix = Field(None, max_length=12, pattern=r"^\d*$", description="region code prefix")


def _local(value):
    return timezone.localtime(value) if value else None


def _read(user):
    permissions.require(permissions.can_read, user)


# --- contacts ------------------------------------------------------------------------------


class ContactOut(Schema):
    id: int
    region_code: str = Field(..., alias="region_id")
    name: str
    phone: str
    role: str
    slot: str
    position: str
    superior_id: int | None
    username: str | None
    active: bool

    @staticmethod
    def resolve_username(obj):
        return obj.user.username if obj.user_id else None


class ContactIn(Schema):
    region_code: str = Code
    name: str = Field(..., max_length=50)
    phone: str = Field(..., max_length=20)
    role: ContactRole
    slot: Literal["", "A", "B"] = ""
    position: str = Field("", max_length=100)
    superior_id: int | None = Field(None, ge=1, le=MAX_ID)
    username: str | None = Field(None, max_length=150, description="the account that acknowledges in the product")  # fmt: skip
    active: bool = True


class ContactPatch(Schema):
    region_code: str | None = Field(None, max_length=12)
    name: str | None = Field(None, max_length=50)
    phone: str | None = Field(None, max_length=20)
    role: ContactRole | None = None
    slot: Slot | Literal[""] | None = None
    position: str | None = Field(None, max_length=100)
    superior_id: int | None = Field(None, ge=1, le=MAX_ID)
    username: str | None = Field(None, max_length=150)
    active: bool | None = None


class ContactFilters(Schema):
    region: str | None = RegionPrefix
    role: ContactRole | None = None


def _contacts(user):
    return Contact.objects.for_user(user).select_related("user")


@router.get("/contacts", response=list[ContactOut])
@paginate(Page)
def contact_list(request, filters: Query[ContactFilters]):
    _read(request.auth)
    qs = Contact.objects.for_user(request.auth, within=filters.region or None).select_related("user")
    return qs.filter(role=filters.role) if filters.role else qs


@router.post("/contacts", response={201: ContactOut})
def contact_create(request, payload: ContactIn):
    contact = contacts.contact_create(actor=request.auth, **payload.dict())
    return Status(201, get_for_user(_contacts(request.auth), request.auth, pk=contact.pk))


@router.get("/contacts/{contact_id}", response=ContactOut)
def contact_detail(request, contact_id: int):
    _read(request.auth)
    return get_for_user(_contacts(request.auth), request.auth, pk=contact_id)


@router.patch("/contacts/{contact_id}", response=ContactOut)
def contact_patch(request, contact_id: int, payload: ContactPatch):
    contact = get_for_user(_contacts(request.auth), request.auth, pk=contact_id)
    contacts.contact_update(actor=request.auth, contact=contact, **payload.dict(exclude_unset=True))
    return get_for_user(_contacts(request.auth), request.auth, pk=contact_id)


# --- warnings -------------------------------------------------------------------------------


# A warning's steps have the shape of a response's level history: one schema for both.
WarningChangeOut = EmergencyChangeOut


class RecipientOut(Schema):
    id: int
    change_kind: str
    region_code: str = Field(..., alias="region_id")
    name: str
    phone: str
    sent_at: datetime.datetime
    sms_sent: bool
    due_at: datetime.datetime
    acknowledged_at: datetime.datetime | None
    ack_channel: str
    escalated_at: datetime.datetime | None
    escalated_from_id: int | None

    @staticmethod
    def resolve_change_kind(obj):
        return obj.change.kind

    @staticmethod
    def resolve_sms_sent(obj):
        return obj.sms_sent_at is not None

    @staticmethod
    def resolve_sent_at(obj):
        return _local(obj.sent_at)

    @staticmethod
    def resolve_due_at(obj):
        return _local(obj.due_at)

    @staticmethod
    def resolve_acknowledged_at(obj):
        return _local(obj.acknowledged_at)

    @staticmethod
    def resolve_escalated_at(obj):
        return _local(obj.escalated_at)


class WarningOut(Schema):
    id: int
    type: str
    level: str
    stage: str
    region_code: str = Field(..., alias="region_id")
    region_codes: list[str]
    valid_from: datetime.datetime
    valid_to: datetime.datetime
    content: str
    source: str
    status: str
    lifted_at: datetime.datetime | None
    changes: list[WarningChangeOut]

    @staticmethod
    def resolve_region_codes(obj):
        return [a.region_id for a in obj.area_rows.all()]

    @staticmethod
    def resolve_valid_from(obj):
        return _local(obj.valid_from)

    @staticmethod
    def resolve_valid_to(obj):
        return _local(obj.valid_to)

    @staticmethod
    def resolve_lifted_at(obj):
        return _local(obj.lifted_at)

    @staticmethod
    def resolve_changes(obj):
        return list(obj.changes.all())


class WarningDetailOut(WarningOut):
    recipients: list[RecipientOut] = Field(..., alias="visible_recipients")


class WarningIn(Schema):
    type: WarningType
    level: Level
    region_codes: list[str] = Field(..., min_length=1, max_length=services.MAX_AREAS)
    valid_from: datetime.datetime | None = Field(None, description="default now")
    valid_to: datetime.datetime
    content: str = Field(..., max_length=2000)
    source: Source
    stage: str = Field(
        "warning", max_length=16, description="lead-time stage: outlook, forecast, warning, imminent"
    )
    issued_at: datetime.datetime | None = Field(
        None, description="default now; earlier for one issued by phone"
    )


class WarningActionIn(Schema):
    level: Level | None = Field(None, description="change_level: the new level")
    note: str = Field("", max_length=2000)
    at: datetime.datetime | None = Field(None, description="change_level, lift: default now")
    recipient_id: int | None = Field(None, ge=1, le=MAX_ID, description="acknowledge: someone else's, taken by phone")  # fmt: skip


class WarningFilters(Schema):
    region: str | None = RegionPrefix
    type: WarningType | None = None
    level: Level | None = None
    status: WarningStatus | None = None


def _warnings(user):
    return EarlyWarning.objects.for_user(user).prefetch_related("area_rows", "changes__by")


@router.get("/warnings", response=list[WarningOut])
@paginate(Page)
def warning_list(request, filters: Query[WarningFilters]):
    _read(request.auth)
    qs = EarlyWarning.objects.for_user(request.auth, within=filters.region or None)
    qs = qs.prefetch_related("area_rows", "changes__by")
    return qs.filter(**{k: v for k, v in filters.dict().items() if v and k != "region"})


@router.post("/warnings", response={201: WarningDetailOut})
def warning_issue(request, payload: WarningIn):
    warning = services.issue(actor=request.auth, **payload.dict())
    return Status(201, _with_recipients(request.auth, warning.pk))


def _with_recipients(user, pk):
    """The warning with the recipients the user may see (a street: those in its street)."""
    warning = get_for_user(_warnings(user), user, pk=pk)
    visible = Recipient.objects.for_user(user).filter(warning=warning).select_related("change")
    warning.visible_recipients = list(visible)
    return warning


@router.get("/warnings/{warning_id}", response=WarningDetailOut)
def warning_detail(request, warning_id: int):
    _read(request.auth)
    return _with_recipients(request.auth, warning_id)


@router.post("/warnings/{warning_id}/actions/{action}", response=WarningDetailOut)
def warning_act(
    request,
    warning_id: int,
    action: Literal["acknowledge", "change_level", "lift"],
    payload: WarningActionIn | None = None,
):
    """acknowledge (your own 叫应, or {"recipient_id"} to record someone's taken by phone),
    change_level {"level"} (升级/降级), lift; 409 on a lifted warning, the same level again, or
    nothing left to acknowledge."""
    warning = get_for_user(_warnings(request.auth), request.auth, pk=warning_id)
    data = payload.dict() if payload else {}
    if action == "acknowledge":
        services.acknowledge(actor=request.auth, warning=warning, recipient_id=data.get("recipient_id"))
    elif action == "change_level":
        if not data.get("level"):
            raise ApplicationError("level", errors={"level": ["This field is required."]})
        services.change_level(actor=request.auth, warning=warning, level=data["level"], note=data.get("note", ""), at=data.get("at"))  # fmt: skip
    else:
        services.lift(actor=request.auth, warning=warning, note=data.get("note", ""), at=data.get("at"))
    return _with_recipients(request.auth, warning_id)
