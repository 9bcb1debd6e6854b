"""The emergency services' input checks: the shared ones of core/inputs, and a shelter by id or
name."""

from django.utils.translation import gettext as _

from yingji.core.inputs import MAX_COUNT, MAX_ID, Errors, count, moment, region_in, text
from yingji.core.inputs import choice as _choice
from yingji.emergency.models import Shelter

__all__ = ["MAX_COUNT", "MAX_ID", "Errors", "_choice", "count", "moment", "region_in", "text", "_shelter"]


def _shelter(errors: Errors, actor, value) -> Shelter | None:
    """A shelter by id, or by its exact name, among the shelters the user can see."""
    if value in (None, ""):
        return None
    qs = Shelter.objects.for_user(actor)
    if isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
        found = qs.filter(pk=int(value)).first() if 0 < int(value) <= MAX_ID else None
    else:
        found = qs.filter(name=str(value).strip()[:100]).order_by("pk").first()
    if found is None:
        errors.add("shelter", _("No such shelter in your jurisdiction."))
    return found
