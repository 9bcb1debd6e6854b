"""Which campaigns an inspection, hazard or case was recorded in: those chosen on entry, or by
default every campaign that covers the record — its region inside the campaign's, its industry
the campaign's (or the campaign is for every industry) and its date inside the window. A record
may be put only in a campaign that covers it; an empty choice puts it in none."""

import datetime

from django.utils.translation import gettext as _

from yingji.campaigns.models import Campaign
from yingji.regions.models import CODE_LENGTHS

FIELD = "campaign_ids"


def covers(campaign: Campaign, region_code: str, industry: str, day: datetime.date) -> bool:
    """The one rule: the record's region inside the campaign's, its industry the campaign's (or
    the campaign is for every industry), its day inside the window."""
    return (
        region_code.startswith(campaign.region_id)
        and campaign.industry in ("", industry)
        and campaign.starts_on <= day <= campaign.ends_on
    )


def covering(region_code: str, industry: str, day: datetime.date) -> list[Campaign]:
    """The campaigns that take in a record of this region, industry and day: read for the
    record's region and the regions above it (a registration reads a handful), then `covers`."""
    above = [region_code[:n] for n in sorted(CODE_LENGTHS) if n <= len(region_code)]
    nearby = Campaign.objects.filter(region_id__in=above, starts_on__lte=day, ends_on__gte=day)
    return [c for c in nearby.order_by("starts_on", "pk") if covers(c, region_code, industry, day)]


def choose(errors, chosen, *, region_code: str, industry: str, day, field: str = FIELD) -> list[Campaign]:
    """The campaigns a record goes into: `chosen` ids (None: every covering campaign). An id
    that does not cover the record adds an error under `field` — whether it does not exist, is
    elsewhere or is for another time is not told apart, so no id outside reveals anything."""
    if not isinstance(day, datetime.date) or not region_code:
        return []
    cover = {c.pk: c for c in covering(region_code, industry, day)}
    if chosen is None:
        return list(cover.values())
    ids = list(dict.fromkeys(chosen))
    if any(i not in cover for i in ids):
        errors.add(field, _("Choose a campaign that covers this record's region, industry and date."))
        return []
    return [cover[i] for i in ids]


def ids_of(record) -> list[int]:
    return sorted(c.pk for c in record.campaigns.all())


def id_param(value: str) -> int | None:
    """A list's `campaign` query parameter as an id (None when it is not one)."""
    value = (value or "").strip()
    return int(value) if value.isdigit() and len(value) <= 18 else None


def chip(user, campaign_id) -> str:
    """The words of a list's campaign chip: the campaign's name where the user may see it."""
    campaign = Campaign.objects.for_user(user).filter(pk=campaign_id).first()
    return _("Campaign: %(name)s") % {"name": campaign.name if campaign else f"#{campaign_id}"}


AUTO, NONE = "", "none"


def form_choices(user, today: datetime.date) -> list[tuple[str, str]]:
    """A form's campaign select: every covering campaign (the default), none, or one of the
    campaigns the user sees that run now or ended in the last 60 days."""
    recent = Campaign.objects.for_user(user).filter(
        starts_on__lte=today, ends_on__gte=today - datetime.timedelta(days=60)
    )
    return [
        (AUTO, _("The campaigns covering it (default)")),
        (NONE, _("In no campaign")),
        *((str(c.pk), c.name) for c in recent.order_by("-starts_on", "pk")[:50]),
    ]


def from_form(value: str) -> list[int] | None:
    """The select's answer as the services take it."""
    if value == NONE:
        return []
    return [int(value)] if str(value).isdigit() else None


def tag_many(relation: str, records: list[tuple[int, str, str, datetime.date]]) -> int:
    """Put records written in bulk (a ledger import) into every campaign covering each:
    `relation` is "hazards", "inspections" or "cases"; records are (pk, region, industry, day).
    The few campaigns of the span are read once and matched here, not a query a record."""
    if not records:
        return 0
    days = [r[3] for r in records]
    span = list(Campaign.objects.filter(starts_on__lte=max(days), ends_on__gte=min(days)))
    through = getattr(Campaign, relation).through
    column = {"hazards": "hazard_id", "inspections": "inspection_id", "cases": "case_id"}[relation]
    rows = [
        through(campaign_id=c.pk, **{column: pk})
        for pk, region, industry, day in records
        for c in span
        if covers(c, region, industry, day)
    ]
    through.objects.bulk_create(rows, batch_size=5000)
    return len(rows)
