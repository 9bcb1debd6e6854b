from django.db import transaction
from django.template import TemplateSyntaxError
from django.utils.translation import gettext as _

from yingji.audit.services import audit_created, audit_deleted, audit_updated, snapshot
from yingji.core.errors import ApplicationError
from yingji.reports.models import NarrativeText
from yingji.reports.narrative import DEFAULTS, _engine


@transaction.atomic
def wording_set(*, actor, key: str, text: str) -> NarrativeText | None:
    """Replace one part's wording; an empty text (or the default) restores the default."""
    if key not in DEFAULTS:
        raise ApplicationError(_("Unknown part."), errors={"key": [_("Unknown part.")]})
    try:
        _engine.from_string(text)
    except TemplateSyntaxError as e:
        raise ApplicationError(str(e), errors={key: [str(e)]}) from None
    existing = NarrativeText.objects.filter(key=key).first()
    if not text.strip() or text.strip() == DEFAULTS[key].strip():
        if existing:
            audit_deleted(actor=actor, obj=existing)  # the audit trail keeps the text it had
            existing.delete()
        return None
    if existing is None:
        created = NarrativeText.objects.create(key=key, text=text, updated_by=actor)
        audit_created(actor=actor, obj=created)
        return created
    before = snapshot(existing)
    existing.text, existing.updated_by = text, actor
    existing.save()
    audit_updated(actor=actor, obj=existing, before=before)
    return existing
