"""Every write to a hazard: registration and the actions of its closed loop.

Each action locks the row, checks the state (409) and the actor's right (403: who may accept
and write off is permissions.py), applies the change, appends a timeline event and an audit
entry, all in one transaction. Every date a person gives is checked by core/dates.py.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.audit.services import audit_action, audit_record, snapshot
from yingji.campaigns import tagging
from yingji.core import dates
from yingji.core.errors import ApplicationError, Conflict, full_clean_or_400
from yingji.core.inputs import Errors
from yingji.enterprises.models import Enterprise
from yingji.hazards import permissions
from yingji.hazards.choices import TRANSITIONS, HazardAction, HazardLevel, HazardSource, HazardStatus
from yingji.hazards.models import Hazard, HazardEvent, TreatmentPlan
from yingji.notifications import events


def _field_error(field: str, message: str) -> ApplicationError:
    return ApplicationError(message, errors={field: [message]})


def _required(data: dict, *fields: str) -> None:
    missing = {f: [_("This field is required.")] for f in fields if data.get(f) in (None, "", [])}
    if missing:
        raise ApplicationError(_("Required fields are missing."), errors=missing)


@transaction.atomic
def hazard_register(
    *,
    actor,
    enterprise: Enterprise,
    description: str,
    found_at: datetime.date,
    level: str = HazardLevel.GENERAL,
    source: str = HazardSource.INSPECTION,
    location: str = "",
    category: str = "",
    inspection=None,
    measures: str = "",
    responsible: str = "",
    deadline: datetime.date | None = None,
    funds: Decimal | None = None,
    note: str = "",
    campaign_ids: list[int] | None = None,
) -> Hazard:
    """Register a hazard. `campaign_ids` are the campaigns it was found in (None: its
    inspection's, or else every campaign that covers it)."""
    if not permissions.can_register(actor):
        raise PermissionDenied(_("Your role may not register hazards."))
    if not Enterprise.objects.for_user(actor).filter(pk=enterprise.pk).exists():
        raise _field_error("enterprise_id", _("This enterprise is not in your jurisdiction."))
    found_at = dates.past_date(found_at, "found_at")
    if found_at is None:
        raise _field_error("found_at", _("This field is required."))
    deadline = dates.deadline_date(deadline, "deadline", start=found_at, name=_("date found"))
    hazard = Hazard(
        enterprise=enterprise,
        region_id=enterprise.region_id,
        industry=enterprise.industry,
        inspection=inspection,
        description=(description or "").strip(),
        location=location,
        category=category,
        level=level,
        source=source,
        found_at=found_at,
        measures=measures,
        responsible=responsible,
        deadline=deadline,
        funds=funds,
        note=note,
        reported_by=actor,
    )
    if campaign_ids is None and inspection is not None:
        campaign_ids = [c.pk for c in inspection.campaigns.all()]
    errors = Errors()
    campaigns = tagging.choose(errors, campaign_ids, region_code=hazard.region_id, industry=hazard.industry, day=found_at)  # fmt: skip
    errors.raise_if_any()
    full_clean_or_400(hazard)
    hazard.save()
    hazard.campaigns.set(campaigns)
    HazardEvent.objects.create(hazard=hazard, actor=actor, action="register", to_status=hazard.status)
    audit_record(actor=actor, action="create", obj=hazard, before=None,
                 after=snapshot(hazard) | {"campaign_ids": [c.pk for c in campaigns]})  # fmt: skip
    events.hazard_registered(actor, hazard)
    return hazard


PLAN_FIELDS = (
    "objectives",
    "methods",
    "funds_and_materials",
    "organisation",
    "time_limit",
    "safety_measures",
)


@transaction.atomic
def hazard_set_plan(*, actor, hazard: Hazard, **items: str) -> TreatmentPlan:
    """The treatment plan of a major hazard (its six items), required before assignment."""
    hazard = _locked(actor, hazard)
    if not permissions.can_act(actor, hazard, HazardAction.ASSIGN):
        raise PermissionDenied(_("Your role may not do this."))
    fields = PLAN_FIELDS
    _required(items, *fields)
    before = snapshot(hazard)
    plan, _created = TreatmentPlan.objects.update_or_create(
        hazard=hazard, defaults={f: items[f] for f in fields}
    )
    _event(actor, hazard, "plan", hazard.status, "", {f: items[f] for f in fields})
    audit_action(
        actor=actor, obj=hazard, action="hazard.plan", before=before, extra={f: items[f] for f in fields}
    )
    return plan


def _locked(actor, hazard: Hazard) -> Hazard:
    # Lock the row for the transaction: two people acting at once must not both win.
    locked = Hazard.objects.for_user(actor).select_for_update().filter(pk=hazard.pk).first()
    if locked is None:
        raise Http404
    return locked


def _event(actor, hazard: Hazard, action: str, from_status: str, note: str, data: dict) -> HazardEvent:
    return HazardEvent.objects.create(
        hazard=hazard,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=hazard.status,
        note=note,
        data=data,
    )


@transaction.atomic
def hazard_act(*, actor, hazard: Hazard, action: str, data: dict | None = None, files=()) -> Hazard:
    """Take one action of the closed loop. `data` is the action's JSON body."""
    data = dict(data or {})
    if action not in TRANSITIONS:
        raise _field_error("action", _("Unknown action %(action)s.") % {"action": action})
    hazard = _locked(actor, hazard)
    if not hazard.can(action):
        raise Conflict(
            _("%(action)s is not possible while the hazard is %(status)s.")
            % {"action": HazardAction(action).label, "status": HazardStatus(hazard.status).label}
        )
    if action == HazardAction.RECTIFY_ON_SITE and hazard.level == HazardLevel.MAJOR:
        # Whoever asks: a major hazard is reviewed after its rectification, never on the spot.
        raise Conflict(_("A major hazard cannot be rectified on the spot."))
    # Who may accept and write off is decided there (permissions.py), for pages, API and import.
    if not permissions.can_act(actor, hazard, action):
        raise PermissionDenied(_("Your role may not do this."))
    if action == HazardAction.SUBMIT and hazard.level == HazardLevel.MAJOR and not files:
        raise _field_error("files", _("Evidence files are required for a major hazard."))
    before = snapshot(hazard)
    from_status = hazard.status
    changes = ACTIONS[action](actor, hazard, data)
    _allowed_from, to_status = TRANSITIONS[action]
    if to_status:
        hazard.status = to_status
    full_clean_or_400(hazard)
    hazard.save()
    event = _event(actor, hazard, action, from_status, data.get("note") or data.get("reason") or "", changes)
    if files:
        from yingji.hazards.evidence import evidence_attach

        for upload in files:
            evidence_attach(
                actor=actor, hazard=hazard, upload=upload, kind=data.get("kind") or "after", event=event
            )
    audit_action(actor=actor, obj=hazard, action=f"hazard.{action}", before=before, extra=changes)
    events.hazard_acted(actor, hazard, action)
    return hazard


def _happened(data: dict, field: str, hazard: Hazard, default: datetime.date | None = None) -> datetime.date:
    """A day something happened to the hazard (core/dates.py): not in the future, not before it was found."""
    day = dates.past_date(data.get(field), field, not_before=hazard.found_at, name=_("date found"))
    return default if day is None else day


def _deadline(data: dict, field: str, hazard: Hazard) -> datetime.date:
    return dates.deadline_date(data.get(field), field, start=hazard.found_at, name=_("date found"))


def _assign(actor, hazard: Hazard, data: dict) -> dict:
    _required(data, "measures", "responsible", "deadline")
    deadline = _deadline(data, "deadline", hazard)
    if hazard.level == HazardLevel.MAJOR and not TreatmentPlan.objects.filter(hazard=hazard).exists():
        raise _field_error(
            "plan", _("A major hazard needs its treatment plan before rectification is assigned.")
        )
    hazard.measures, hazard.responsible, hazard.deadline = data["measures"], data["responsible"], deadline
    if data.get("funds") not in (None, ""):
        hazard.funds = Decimal(str(data["funds"]))
    return {"measures": hazard.measures, "responsible": hazard.responsible, "deadline": str(deadline)}


def _submit(actor, hazard: Hazard, data: dict) -> dict:
    return {
        "note": data.get("note", ""),
        "rectified_at": str(_happened(data, "rectified_at", hazard, timezone.localdate())),
    }


def _approve(actor, hazard: Hazard, data: dict) -> dict:
    # The submission, or the ledger row that came in awaiting acceptance (ledger/writing.py).
    submitted = (
        hazard.events.filter(action__in=(HazardAction.SUBMIT, "import")).order_by("-at", "-id").first()
    )
    # The date the submission gave is checked again: it may predate these checks.
    given = data.get("rectified_at") or (submitted.data.get("rectified_at") if submitted else None)
    hazard.rectified_at = _happened({"rectified_at": given}, "rectified_at", hazard, timezone.localdate())
    # Accepted today, so never before the rectification, which is not in the future.
    hazard.verified_at = timezone.localdate()
    hazard.verified_by, hazard.verifier = actor, actor.name or actor.username
    return {"rectified_at": str(hazard.rectified_at), "verified_at": str(hazard.verified_at)}


def _reject(actor, hazard: Hazard, data: dict) -> dict:
    _required(data, "reason")
    return {"reason": data["reason"]}


def _close(actor, hazard: Hazard, data: dict) -> dict:
    hazard.closed_at = timezone.localdate()
    return {"closed_at": str(hazard.closed_at)}


def _rectify_on_site(actor, hazard: Hazard, data: dict) -> dict:
    hazard.rectified_at = _happened(data, "rectified_at", hazard, timezone.localdate())
    hazard.verified_at, hazard.verified_by = timezone.localdate(), actor
    hazard.verifier = actor.name or actor.username
    hazard.measures = data.get("measures") or hazard.measures or _("Rectified on the spot")
    return {"rectified_at": str(hazard.rectified_at)}


def _request_extension(actor, hazard: Hazard, data: dict) -> dict:
    _required(data, "until", "reason")
    until = _deadline(data, "until", hazard)
    if hazard.deadline and until <= hazard.deadline:
        raise _field_error("until", _("The new deadline must be later than the current one."))
    hazard.extension_requested_until, hazard.extension_reason = until, data["reason"]
    return {"until": str(until), "reason": data["reason"]}


def _grant_extension(actor, hazard: Hazard, data: dict) -> dict:
    if hazard.extension_requested_until is None:
        raise Conflict(_("No extension has been requested."))
    old, hazard.deadline = hazard.deadline, hazard.extension_requested_until
    hazard.extension_requested_until, hazard.extension_reason = None, ""
    return {"old_deadline": str(old) if old else None, "deadline": str(hazard.deadline)}


def _deny_extension(actor, hazard: Hazard, data: dict) -> dict:
    if hazard.extension_requested_until is None:
        raise Conflict(_("No extension has been requested."))
    requested = hazard.extension_requested_until
    hazard.extension_requested_until, hazard.extension_reason = None, ""
    return {"requested": str(requested), "reason": data.get("reason", "")}


def _cancel(actor, hazard: Hazard, data: dict) -> dict:
    _required(data, "reason")
    hazard.cancel_reason = data["reason"]
    return {"reason": data["reason"]}


def _list(actor, hazard: Hazard, data: dict) -> dict:
    from yingji.hazards.choices import ListingLevel

    if hazard.level != HazardLevel.MAJOR:
        raise Conflict(_("Only a major hazard is listed for supervision."))
    if hazard.is_listed:
        raise Conflict(_("This hazard is listed already."))
    if data.get("level") not in ListingLevel.values:
        raise _field_error(
            "level", _("Choose the listing level: %(levels)s.") % {"levels": ", ".join(ListingLevel.values)}
        )
    if actor.organisation is None:
        raise _field_error("authority", _("Only a bureau or department lists hazards."))
    hazard.listing_level, hazard.listed_by = data["level"], actor.organisation
    hazard.listed_on = _happened(data, "listed_on", hazard, timezone.localdate())
    return {
        "level": hazard.listing_level,
        "authority": actor.organisation.name,
        "listed_on": str(hazard.listed_on),
    }


ACTIONS = {
    HazardAction.ASSIGN: _assign,
    HazardAction.SUBMIT: _submit,
    HazardAction.APPROVE: _approve,
    HazardAction.REJECT: _reject,
    HazardAction.CLOSE: _close,
    HazardAction.RECTIFY_ON_SITE: _rectify_on_site,
    HazardAction.REQUEST_EXTENSION: _request_extension,
    HazardAction.GRANT_EXTENSION: _grant_extension,
    HazardAction.DENY_EXTENSION: _deny_extension,
    HazardAction.CANCEL: _cancel,
    HazardAction.LIST: _list,
}
