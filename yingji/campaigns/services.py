"""Campaigns: create one with its form and participants, and submit a participant's form for a
period (late when after its due time; the product's figures kept beside the reported ones)."""

import re
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.audit.services import audit_action, audit_created, snapshot
from yingji.campaigns import permissions
from yingji.campaigns.choices import Cycle, FieldKind
from yingji.campaigns.models import Campaign, FormField, Submission
from yingji.campaigns.periods import period_starting
from yingji.campaigns.prefill import prefill
from yingji.core.errors import Conflict
from yingji.core.industries import Industry
from yingji.core.inputs import MAX_COUNT, Errors, choice, day, region_in, text, units_in
from yingji.stats.catalog import CATALOG

KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
MAX_FIELDS, MAX_DAYS = 30, 400


def _fields(errors: Errors, fields) -> list[FormField]:
    if not isinstance(fields, list | tuple) or not 1 <= len(fields) <= MAX_FIELDS:
        errors.add("fields", _("A form has from 1 to %(n)d fields.") % {"n": MAX_FIELDS})
        return []
    made, keys = [], set()
    for i, f in enumerate(fields):
        f = f if isinstance(f, dict) else {}
        key, label = str(f.get("key", "")), str(f.get("label", "")).strip()
        kind, indicator = f.get("kind") or FieldKind.NUMBER, str(f.get("indicator") or "")
        if not KEY.match(key) or key in keys:
            errors.add(
                "fields",
                _("Field %(n)d: a key of lower-case letters, digits and _, once each.") % {"n": i + 1},
            )
        if not label or len(label) > 60:
            errors.add("fields", _("Field %(n)d: a label of 1 to 60 characters.") % {"n": i + 1})
        if kind not in FieldKind.values:
            errors.add("fields", _("Field %(n)d: kind is number or text.") % {"n": i + 1})
        if indicator and (indicator not in CATALOG or kind != FieldKind.NUMBER):
            errors.add("fields", _("Field %(n)d: no such indicator for a number: %(key)s.") % {"n": i + 1, "key": indicator[:64]})  # fmt: skip
        keys.add(key)
        made.append(FormField(position=i, key=key, label=label[:60], unit=str(f.get("unit") or "")[:10], kind=kind, indicator=indicator[:64]))  # fmt: skip
    return made


@transaction.atomic
def campaign_create(*, actor, name, region_code, starts_on, ends_on, cycle, fields, participant_ids, industry="", due_weekday=4, due_hour=16, description=""):  # fmt: skip
    permissions.require(permissions.can_write(actor))
    errors = Errors()
    campaign = Campaign(
        name=text(errors, "name", name, required=True, max_length=100), region=region_in(errors, actor, region_code),
        starts_on=day(errors, "starts_on", starts_on), ends_on=day(errors, "ends_on", ends_on),
        cycle=choice(errors, "cycle", cycle, Cycle), description=text(errors, "description", description, max_length=5000),
        lead_id=actor.organisation_id, created_by=actor, industry=str(industry or ""),
        due_weekday=due_weekday if isinstance(due_weekday, int) else -1, due_hour=due_hour if isinstance(due_hour, int) else -1,
    )  # fmt: skip
    if campaign.industry and campaign.industry not in Industry.values:
        errors.add("industry", _("Unknown industry %(code)s.") % {"code": campaign.industry[:32]})
    if not 0 <= campaign.due_weekday <= 6:
        errors.add("due_weekday", _("A weekday from 0 (Monday) to 6 (Sunday)."))
    if not 0 <= campaign.due_hour <= 23:
        errors.add("due_hour", _("An hour from 0 to 23."))
    if (
        campaign.starts_on
        and campaign.ends_on
        and not 0 <= (campaign.ends_on - campaign.starts_on).days < MAX_DAYS
    ):
        errors.add("ends_on", _("A campaign ends after it starts, within %(n)d days.") % {"n": MAX_DAYS})
    if actor.organisation_id is None:
        errors.add("non_field_errors", _("A campaign is led by an organisation: sign in as its staff."))
    made = _fields(errors, fields)
    orgs = units_in(errors, actor, participant_ids, "participant_ids")
    errors.raise_if_any()
    campaign.save()
    campaign.participants.set(orgs)
    for f in made:
        f.campaign = campaign
    FormField.objects.bulk_create(made)
    audit_created(actor=actor, obj=campaign)
    return campaign


def form(campaign, organisation, period) -> dict:
    """The participant's form for the period: its submission, else pre-filled from its records."""
    submitted = Submission.objects.filter(campaign=campaign, organisation=organisation, period_start=period.start).first()  # fmt: skip
    figures = prefill(campaign, organisation, period)
    return {"period": period, "submission": submitted, "prefilled": figures, "values": submitted.values if submitted else dict(figures)}  # fmt: skip


def _value(errors: Errors, field: FormField, raw):
    if field.kind == FieldKind.TEXT:
        return text(errors, field.key, raw, max_length=2000)
    try:
        number = Decimal(str(raw if raw not in (None, "") else 0))
    except InvalidOperation:
        errors.add(field.key, _("Enter a number."))
        return 0
    if not number.is_finite() or not 0 <= number <= MAX_COUNT:
        errors.add(field.key, _("Enter a number from 0 to %(n)d.") % {"n": MAX_COUNT})
        return 0
    return int(number) if number == number.to_integral_value() else float(number.quantize(Decimal("0.01")))


@transaction.atomic
def submit(*, actor, campaign, period_start, values, now=None):
    """The actor's organisation reports the period's figures; submitting again replaces them
    (a correction), keeping the first submission's lateness if it was late."""
    permissions.require(permissions.can_submit(actor, campaign))
    errors = Errors()
    start = day(errors, "period", period_start)
    period = period_starting(campaign, start) if start else None
    if start and period is None:
        errors.add("period", _("No reporting period of this campaign starts on that day."))
    values = values if isinstance(values, dict) else {}
    clean = {f.key: _value(errors, f, values.get(f.key)) for f in campaign.fields.all()}
    errors.raise_if_any()
    now = now or timezone.now()
    if now.date() < period.start:
        raise Conflict(_("This period has not begun."))
    org = actor.organisation
    existing = Submission.objects.select_for_update().filter(campaign=campaign, organisation=org, period_start=period.start).first()  # fmt: skip
    before = snapshot(existing) if existing else None
    submission = existing or Submission(campaign=campaign, organisation=org, period_start=period.start, period_end=period.end)  # fmt: skip
    submission.values, submission.prefilled = clean, prefill(campaign, org, period)
    submission.late = submission.late or now > period.due
    submission.submitted_at, submission.submitted_by = now, actor
    submission.save()
    if before is None:
        audit_created(actor=actor, obj=submission)
    else:
        audit_action(actor=actor, obj=submission, action="campaign.resubmit", before=before)
    return submission
