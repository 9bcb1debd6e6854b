"""Changing the report wording. Each organisation words its own reports; the administrator
(no organisation) words the defaults. Every change is audited."""

from django.db import transaction
from django.utils.translation import gettext as _

from yingji.audit.services import audit_created, audit_deleted, audit_updated, snapshot
from yingji.core.errors import ApplicationError
from yingji.reports import wording
from yingji.reports.models import NarrativeText
from yingji.reports.narrative import DEFAULTS, Narrative
from yingji.reports.parts import placeholder_names
from yingji.reports.permissions import require_wording_editor


def wording_organisation_id(actor) -> int | None:
    """Whose wording the actor edits: its organisation's; the administrator's are the defaults."""
    return actor.organisation_id if actor.organisation_id else None


@transaction.atomic
def wording_set_many(*, actor, texts: dict[str, str]) -> None:
    """Replace several parts' wording at once: all are checked before any is saved."""
    require_wording_editor(actor)
    narrative = Narrative(wording_organisation_id(actor))
    texts = {key: _normalised(text) for key, text in texts.items()}
    errors = {}
    for key, text in texts.items():
        try:
            _check(narrative, key, text)
        except ApplicationError as e:
            errors |= e.errors
    if errors:
        raise ApplicationError(next(iter(errors.values()))[0], errors=errors)
    for key, text in texts.items():
        _store(actor, narrative, key, text)


def wording_set(*, actor, key: str, text: str) -> NarrativeText | None:
    """Replace one part's wording; an empty text (or the one inherited) restores what it inherits."""
    wording_set_many(actor=actor, texts={key: text})
    return NarrativeText.objects.filter(organisation_id=wording_organisation_id(actor), key=key).first()


def _normalised(text: str) -> str:
    return text.replace("\r\n", "\n")  # as a browser's textarea sends it


def _restores(narrative: Narrative, key: str, text: str) -> bool:
    """An empty text, or the one the organisation would inherit, means: no wording of its own."""
    return not text.strip() or text.strip() == narrative.inherited(key).strip()


def _check(narrative: Narrative, key: str, text: str) -> None:
    if key not in DEFAULTS:
        raise ApplicationError(_("Unknown part."), errors={"key": [_("Unknown part.")]})
    if _restores(narrative, key, text):
        return
    try:
        wording.check(text, placeholder_names(key))
    except wording.WordingError as e:
        raise ApplicationError(str(e), errors={key: [str(e)]}) from None


def _store(actor, narrative: Narrative, key: str, text: str) -> None:
    organisation_id = narrative.organisation_id
    existing = NarrativeText.objects.filter(organisation_id=organisation_id, key=key).first()
    if _restores(narrative, key, text):
        if existing:
            audit_deleted(actor=actor, obj=existing)  # the audit trail keeps the text it had
            existing.delete()
        return
    if existing is None:
        created = NarrativeText.objects.create(
            organisation_id=organisation_id, key=key, text=text, updated_by=actor
        )
        audit_created(actor=actor, obj=created)
        return
    before = snapshot(existing)
    existing.text, existing.updated_by = text, actor
    existing.save()
    audit_updated(actor=actor, obj=existing, before=before)
