"""The campaigns' endpoints under /api/v1/: campaigns, the caller's pre-filled form for a period
(PUT to submit), and the office's roll-up with its lights."""

import datetime
from typing import Any, Literal

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from yingji.campaigns import notice, permissions, rollup, services
from yingji.campaigns.models import Campaign
from yingji.campaigns.periods import period_starting, periods
from yingji.core.api import Page
from yingji.core.errors import ApplicationError
from yingji.regions.scoping import get_for_user

router = Router(tags=["campaigns"])


class FieldSpec(Schema):
    key: str = Field(..., max_length=40, pattern=r"^[a-z][a-z0-9_]*$")
    label: str = Field(..., max_length=60)
    unit: str = Field("", max_length=10)
    kind: Literal["number", "text"] = "number"
    indicator: str = Field("", max_length=64, description="a stats catalog key that pre-fills the field")


class PeriodOut(Schema):
    index: int
    start: datetime.date
    end: datetime.date
    due: datetime.datetime
    label: str


class CampaignOut(Schema):
    id: int
    name: str
    region_code: str = Field(..., alias="region_id")
    lead: str
    industry: str
    starts_on: datetime.date
    ends_on: datetime.date
    cycle: str
    due_weekday: int
    due_hour: int
    description: str
    participants: list[str]
    fields: list[FieldSpec]
    periods: list[PeriodOut]

    @staticmethod
    def resolve_lead(obj):
        return obj.lead.name

    @staticmethod
    def resolve_participants(obj):
        return [o.name for o in obj.participants.order_by("kind", "region_id", "name")]

    @staticmethod
    def resolve_fields(obj):
        return list(obj.fields.all())

    @staticmethod
    def resolve_periods(obj):
        return [p.__dict__ | {"label": p.label, "due": timezone.localtime(p.due)} for p in periods(obj)]


class CampaignIn(Schema):
    name: str = Field(..., max_length=100)
    region_code: str = Field(..., max_length=12)
    starts_on: datetime.date
    ends_on: datetime.date
    cycle: Literal["daily", "weekly", "monthly"]
    due_weekday: int = Field(4, ge=0, le=6, description="weekly: 0 Monday … 6 Sunday")
    due_hour: int = Field(16, ge=0, le=23)
    industry: str = Field("", max_length=32)
    description: str = Field("", max_length=5000)
    participant_ids: list[int] = Field(..., min_length=1, max_length=200)
    fields: list[FieldSpec] = Field(..., min_length=1, max_length=services.MAX_FIELDS)


class FormOut(Schema):
    period: PeriodOut
    organisation: str
    submitted: bool
    submitted_at: datetime.datetime | None
    late: bool
    values: dict[str, Any]
    prefilled: dict[str, Any]


class FormIn(Schema):
    values: dict[str, Any] = Field(..., description="{field key: number or text}")


class RowOut(Schema):
    organisation: str
    light: str
    values: dict[str, Any]
    differs: list[str]


class RollupOut(Schema):
    period: PeriodOut | None
    rows: list[RowOut]
    totals: dict[str, Any]


def _campaigns(user):
    return Campaign.objects.for_user(user).select_related("lead").prefetch_related("fields")


def _campaign(user, pk):
    permissions.require(permissions.can_read(user))
    return get_object_or_404(_campaigns(user), pk=pk)


@router.get("/campaigns", response=list[CampaignOut])
@paginate(Page)
def campaign_list(request):
    permissions.require(permissions.can_read(request.auth))
    return _campaigns(request.auth)


@router.post("/campaigns", response={201: CampaignOut})
def campaign_create(request, payload: CampaignIn):
    data = payload.dict()
    campaign = services.campaign_create(actor=request.auth, **data)
    return Status(201, get_for_user(_campaigns(request.auth), request.auth, pk=campaign.pk))


@router.get("/campaigns/{campaign_id}", response=CampaignOut)
def campaign_detail(request, campaign_id: int):
    return _campaign(request.auth, campaign_id)


def _period(campaign, start):
    period = period_starting(campaign, start)
    if period is None:
        message = _("No reporting period of this campaign starts on that day.")
        raise ApplicationError(message, errors={"period": [message]})
    return period


def _form_out(campaign, org, period):
    form = services.form(campaign, org, period)
    sub = form["submission"]
    return {
        "period": period.__dict__ | {"label": period.label, "due": timezone.localtime(period.due)},
        "organisation": org.name, "submitted": sub is not None, "submitted_at": timezone.localtime(sub.submitted_at) if sub else None,
        "late": bool(sub and sub.late), "values": form["values"], "prefilled": form["prefilled"],
    }  # fmt: skip


@router.get("/campaigns/{campaign_id}/forms/{period}", response=FormOut)
def form_get(request, campaign_id: int, period: datetime.date):
    """The caller's organisation's form for the period starting on `period`: its submission, or
    pre-filled from its own records."""
    campaign = _campaign(request.auth, campaign_id)
    permissions.require(permissions.can_submit(request.auth, campaign))
    return _form_out(campaign, request.auth.organisation, _period(campaign, period))


@router.put("/campaigns/{campaign_id}/forms/{period}", response=FormOut)
def form_put(request, campaign_id: int, period: datetime.date, payload: FormIn):
    campaign = _campaign(request.auth, campaign_id)
    services.submit(actor=request.auth, campaign=campaign, period_start=period, values=payload.values)
    return _form_out(campaign, request.auth.organisation, _period(campaign, period))


@router.get("/campaigns/{campaign_id}/rollup", response=RollupOut)
def campaign_rollup(request, campaign_id: int, period: datetime.date | None = None):
    """The roll-up for the period starting on `period`, or cumulative without it; the office's
    (and its superiors') only."""
    campaign = _campaign(request.auth, campaign_id)
    permissions.require(permissions.can_see_rollup(request.auth, campaign))
    chosen = _period(campaign, period) if period else None
    table = rollup.rollup(campaign, chosen)
    return {
        "period": chosen.__dict__ | {"label": chosen.label, "due": timezone.localtime(chosen.due)} if chosen else None,
        "rows": [{"organisation": r.organisation.name, "light": r.light, "values": r.values, "differs": sorted(r.differs)} for r in table.rows],
        "totals": table.totals,
    }  # fmt: skip


class NoticeOut(Schema):
    id: int
    document_number: str
    title: str


@router.post("/campaigns/{campaign_id}/notice", response={201: NoticeOut})
def campaign_notice(request, campaign_id: int):
    """Issue the progress notice (通报), numbered; its DOCX at /notices/<id>.docx."""
    campaign = _campaign(request.auth, campaign_id)
    permissions.require(
        permissions.can_write(request.auth) and permissions.can_see_rollup(request.auth, campaign)
    )
    return Status(201, notice.issue(actor=request.auth, campaign=campaign))
