"""Recording an inspection: the visit, its checklist results, the hazards it found (each
registered through hazards.services.hazard_register) and its photos, in one transaction.

Everything is checked before anything is written, and every problem is reported at once
under the name of the field it concerns (`results.2.outcome`, `hazards.0.deadline`), so a
form can show them all and keep what the inspector entered.
"""

import datetime
import hashlib
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from yingji.accounts.choices import Role
from yingji.accounts.models import User
from yingji.audit.services import audit_created, audit_record, snapshot
from yingji.campaigns import tagging
from yingji.core import dates
from yingji.core.errors import ApplicationError, full_clean_or_400
from yingji.core.inputs import Errors
from yingji.enterprises.models import Enterprise
from yingji.hazards.choices import HazardLevel
from yingji.hazards.evidence import sniff
from yingji.hazards.services import hazard_register
from yingji.inspections import permissions
from yingji.inspections.checklists import basis_note, not_major_note
from yingji.inspections.choices import DEFAULT_HAZARD_SOURCE, HAZARD_SOURCE, InspectionType, Outcome
from yingji.inspections.models import (
    ChecklistItem,
    ChecklistTemplate,
    Inspection,
    InspectionPhoto,
    InspectionResult,
)

DRAFT_FIELDS = ("description", "location", "category", "level", "deadline", "measures", "responsible", "note")


def hazard_proposal(item: ChecklistItem) -> dict:
    """The hazard a failing item proposes, for the inspector to confirm or edit."""
    return {
        "item_id": item.pk,
        "description": item.finding or item.text,
        "category": item.hazard_category,
        "level": HazardLevel.MAJOR if item.is_major_criterion else HazardLevel.GENERAL,
        "note": basis_note(item.legal_basis, item.major_criterion_ref),
    }


def inspection_proposed_hazards(template: ChecklistTemplate, results: Iterable[dict]) -> list[dict]:
    """The drafts the failing items of these results propose, in checklist order."""
    failing = {r.get("item_id") for r in results if r.get("outcome") == Outcome.FAIL}
    return [hazard_proposal(item) for item in template.items.filter(pk__in=failing).order_by("order", "id")]


@transaction.atomic
def inspection_record(
    *,
    actor,
    enterprise: Enterprise,
    inspected_on: datetime.date,
    type: str,
    inspectors: Sequence = (),
    notes: str = "",
    template: ChecklistTemplate | None = None,
    results: Sequence[dict] = (),
    hazards: Sequence[dict] = (),
    photos: Sequence = (),
    campaign_ids: list[int] | None = None,
) -> Inspection:
    """Record one inspection. `inspectors` are users or user ids (the actor when empty);
    `results` are {item_id, outcome, note}; `hazards` are drafts {item_id (optional),
    description, location, category, level, deadline, measures, responsible, note,
    downgrade_reason}; `photos` are uploaded files."""
    if not permissions.can_record(actor):
        raise PermissionDenied(_("Your role may not record inspections."))
    errors = Errors()
    if type not in InspectionType.values:
        errors.add("type", _("Choose a valid inspection type."))
        errors.raise_if_any()
    if not permissions.can_record(actor, type):
        raise PermissionDenied(_("An enterprise records only its own self-checks."))
    if not Enterprise.objects.for_user(actor).filter(pk=enterprise.pk).exists():
        errors.add("enterprise_id", _("This enterprise is not in your jurisdiction."))
        errors.raise_if_any()
    if problem := dates.past_problem(inspected_on):
        errors.add("inspected_on", problem)
    people = _inspectors(actor, enterprise, type, inspectors, errors)
    answered = _results(template, results, errors)
    drafts = _drafts(answered, hazards, inspected_on, errors)
    uploads = [_photo_content(upload, errors) for upload in photos]
    campaigns = tagging.choose(errors, campaign_ids, region_code=enterprise.region_id, industry=enterprise.industry, day=inspected_on)  # fmt: skip
    errors.raise_if_any()

    inspection = Inspection(
        enterprise=enterprise,
        region_id=enterprise.region_id,
        industry=enterprise.industry,
        inspected_on=inspected_on,
        type=type,
        inspector_count=len(people),
        notes=(notes or "").strip(),
        template=template,
        organisation=actor.organisation,
        created_by=actor,
    )
    full_clean_or_400(inspection)
    inspection.save()
    inspection.inspectors.set(people)
    inspection.campaigns.set(campaigns)
    InspectionResult.objects.bulk_create(
        [
            InspectionResult(inspection=inspection, item=item, outcome=outcome, note=note)
            for item, outcome, note in answered.values()
        ]
    )
    registered = []
    for index, draft in enumerate(drafts):
        hazard = _register(actor, inspection, index, draft)
        registered.append(hazard.pk)
        if draft["item_id"] is not None:
            inspection.results.filter(item_id=draft["item_id"]).update(hazard=hazard)
    stored = [_store_photo(actor, inspection, *upload) for upload in uploads]
    audit_record(
        actor=actor,
        action="create",
        obj=inspection,
        before=None,
        after=snapshot(inspection)
        | {
            "inspector_ids": [u.pk for u in people],
            "results": {str(item.pk): outcome for item, outcome, _note in answered.values()},
            "hazard_ids": registered,
            "photo_sha256": [p.sha256 for p in stored],
            "campaign_ids": [c.pk for c in campaigns],
        },
    )
    return inspection


@transaction.atomic
def inspection_add_photos(*, actor, inspection: Inspection, photos: Sequence) -> list[InspectionPhoto]:
    """Photos taken or found after the inspection was recorded. The same photo twice is kept once."""
    if not Inspection.objects.for_user(actor).filter(pk=inspection.pk).exists():
        raise PermissionDenied(_("This inspection is not in your jurisdiction."))
    if not permissions.can_add_photos(actor, inspection):
        raise PermissionDenied(_("Your role may not add photos to this inspection."))
    errors = Errors()
    if not photos:
        errors.add("photos", _("Choose at least one photo."))
    uploads = [_photo_content(upload, errors) for upload in photos]
    errors.raise_if_any()
    return [_store_photo(actor, inspection, *upload) for upload in uploads]


def _inspectors(actor, enterprise: Enterprise, type: str, inspectors: Sequence, errors: Errors) -> list:
    """The users who inspected: users in the actor's jurisdiction; an enterprise's own people
    only on that enterprise's self-check."""
    ids = list(dict.fromkeys(getattr(u, "pk", u) for u in inspectors)) or [actor.pk]
    if not all(isinstance(pk, int) and not isinstance(pk, bool) for pk in ids):
        errors.add("inspector_ids", _("Inspectors are given by their user ids."))
        return []
    found = {u.pk: u for u in User.objects.for_user(actor).filter(pk__in=ids, is_active=True)}
    if actor.pk in ids and actor.is_active:
        found.setdefault(actor.pk, actor)
    people = []
    for pk in ids:
        user = found.get(pk)
        if user is None:
            errors.add("inspector_ids", _("User %(id)s is not someone in your jurisdiction.") % {"id": pk})
        elif user.role == Role.ENTERPRISE and (
            type != InspectionType.SELF_CHECK or user.organisation.enterprise_id != enterprise.pk
        ):
            errors.add(
                "inspector_ids",
                _("%(user)s belongs to an enterprise and inspects only its own self-checks.")
                % {"user": user},
            )
        else:
            people.append(user)
    return people


def _results(template, results: Sequence[dict], errors: Errors) -> dict:
    """item id -> (item, outcome, note), checked against the chosen checklist."""
    if results and template is None:
        errors.add("template", _("Choose the checklist these results belong to."))
        return {}
    items = {item.pk: item for item in template.items.all()} if template else {}
    answered: dict = {}
    seen: set[int] = set()
    for index, result in enumerate(results):
        item = items.get(result.get("item_id"))
        outcome = result.get("outcome")
        if item is None:
            errors.add(f"results.{index}.item_id", _("This item is not on the chosen checklist."))
        elif item.pk in seen:
            errors.add(f"results.{index}.item_id", _("This item is answered twice."))
        if outcome not in Outcome.values:
            errors.add(f"results.{index}.outcome", _("Choose pass, fail or not applicable."))
        elif item is not None and item.pk not in seen:
            answered[item.pk] = (item, outcome, (result.get("note") or "").strip())
        if item is not None:
            seen.add(item.pk)
    return answered


def _drafts(answered: dict, hazards: Sequence[dict], inspected_on, errors: Errors) -> list[dict]:
    """The hazards to register, completed from the items they come from."""
    drafts, linked = [], set()
    for index, given in enumerate(hazards):
        field = f"hazards.{index}"
        item_id = given.get("item_id")
        item = None
        if item_id is not None:
            entry = answered.get(item_id)
            if entry is None or entry[1] != Outcome.FAIL:
                errors.add(f"{field}.item_id", _("Only a failed checklist item leads to a hazard."))
                continue
            if item_id in linked:
                errors.add(f"{field}.item_id", _("This item has a hazard already."))
                continue
            item = entry[0]
            linked.add(item_id)
        draft = {name: given.get(name) for name in DRAFT_FIELDS}
        draft["item_id"] = item_id
        draft["description"] = (draft["description"] or "").strip()
        if not draft["description"]:
            errors.add(f"{field}.description", _("Describe the hazard."))
        proposal = (
            hazard_proposal(item) if item else {"level": HazardLevel.GENERAL, "category": "", "note": ""}
        )
        draft["level"] = draft["level"] or proposal["level"]
        draft["category"] = draft["category"] or proposal["category"]
        draft["note"] = (draft["note"] or proposal["note"] or "").strip()
        if draft["level"] not in HazardLevel.values:
            errors.add(f"{field}.level", _("Choose general or major."))
        elif item and item.is_major_criterion and draft["level"] != HazardLevel.MAJOR:
            # The standard says this situation is a major hazard; registering it as general is
            # a judgement (e.g. GB 35181's exceptions) that has to be written down.
            reason = (given.get("downgrade_reason") or "").strip()
            if not reason:
                errors.add(
                    f"{field}.downgrade_reason",
                    _(
                        "This item is a major-hazard criterion (%(ref)s): give the reason for registering it as general."
                    )
                    % {"ref": item.major_criterion_ref},
                )
            draft["note"] = "\n".join(filter(None, [draft["note"], not_major_note(reason)]))
        deadline = draft["deadline"]
        if deadline is not None and not isinstance(deadline, datetime.date):
            errors.add(f"{field}.deadline", _("Enter a date as YYYY-MM-DD."))
        elif deadline is not None and deadline < inspected_on:
            # Named in full: the form lists it under the item, away from the field.
            errors.add(f"{field}.deadline", _("The deadline cannot be before the inspection date."))
        elif deadline is not None and (
            problem := dates.deadline_problem(deadline, start=inspected_on, name=_("inspection date"))
        ):
            errors.add(f"{field}.deadline", problem)
        drafts.append(draft)
    return drafts


def _register(actor, inspection: Inspection, index: int, draft: dict):
    try:
        return hazard_register(
            actor=actor,
            enterprise=inspection.enterprise,
            description=draft["description"],
            found_at=inspection.inspected_on,
            level=draft["level"],
            source=HAZARD_SOURCE.get(inspection.type, DEFAULT_HAZARD_SOURCE),
            location=(draft["location"] or "").strip(),
            category=draft["category"] or "",
            inspection=inspection,
            measures=(draft["measures"] or "").strip(),
            responsible=(draft["responsible"] or "").strip(),
            deadline=draft["deadline"],
            note=draft["note"],
        )
    except ApplicationError as e:
        # Name the draft the problem is in, so the form can show it there.
        errors = {
            f"hazards.{index}" + ("" if field == "non_field_errors" else f".{field}"): messages
            for field, messages in e.errors.items()
        }
        raise ApplicationError(e.message, errors=errors) from None


def _photo_content(upload, errors: Errors) -> tuple[str, bytes, str, str] | None:
    """(name, bytes, content type, extension) of a photo, judged by its content, not its name."""
    limit = settings.YINGJI_MAX_UPLOAD_MB * 1024 * 1024
    name = (getattr(upload, "name", None) or "photo")[:200]
    if (upload.size or 0) > limit:
        errors.add(
            "photos", _("%(name)s: a photo may be at most %(mb)s MB.") % {"name": name, "mb": limit >> 20}
        )
        return None
    content = upload.read()
    try:
        content_type, extension = sniff(content)
    except ApplicationError:
        content_type = None
    if content_type is None or not content_type.startswith("image/"):
        errors.add("photos", _("%(name)s is not a photo (JPEG, PNG or WebP).") % {"name": name})
        return None
    return name, content, content_type, extension


def _store_photo(actor, inspection: Inspection, name: str, content: bytes, content_type: str, extension: str):
    sha256 = hashlib.sha256(content).hexdigest()
    existing = inspection.photos.filter(sha256=sha256).first()
    if existing:
        return existing
    photo = InspectionPhoto(
        inspection=inspection,
        original_name=name,
        content_type=content_type,
        size=len(content),
        sha256=sha256,
        uploaded_by=actor,
    )
    photo.file.save(f"{sha256}.{extension}", ContentFile(content), save=False)
    photo.save()
    audit_created(actor=actor, obj=photo)
    return photo
