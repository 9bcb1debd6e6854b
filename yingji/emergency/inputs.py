"""Input checks shared by the emergency services: text, regions in the user's jurisdiction,
counts, times (Beijing when without an offset), choices, a shelter by id or name. Each adds
its message under the field's name; the caller raises them together as one 400."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.core import dates
from yingji.core.errors import ApplicationError
from yingji.emergency.models import Shelter
from yingji.regions.models import Region
from yingji.regions.scoping import Jurisdiction

MAX_COUNT = 10_000_000
MAX_ID = 2**63 - 1


class Errors(dict):
    def add(self, field: str, message: str) -> None:
        self.setdefault(field, []).append(message)

    def raise_if_any(self) -> None:
        if self:
            raise ApplicationError(next(iter(self.values()))[0], errors=dict(self))


def text(errors: Errors, field: str, value, *, required=False, max_length=None) -> str:
    value = "" if value is None else str(value).strip()
    if "\x00" in value:
        errors.add(field, _("Text cannot contain NUL characters."))
    elif required and not value:
        errors.add(field, _("This field is required."))
    elif max_length and len(value) > max_length:
        errors.add(field, _("At most %(n)d characters.") % {"n": max_length})
    return value


def region_in(errors: Errors, user, code, field: str = "region_code", *, street=False) -> Region | None:
    code = str(code or "").strip()
    region = Region.objects.filter(code=code).first() if code.isdigit() and len(code) <= 12 else None
    if region is None:
        errors.add(field, _("Unknown region code %(code)s.") % {"code": code[:12]})
    elif street and len(code) < 9:
        errors.add(field, _("Choose a street (or a community in it)."))
    elif not Jurisdiction.of(user).contains_region(code):
        errors.add(field, _("This region is not in your jurisdiction."))
    else:
        return region
    return None


def count(errors: Errors, field: str, value) -> int:
    try:
        number = int(value if value not in (None, "") else 0)
    except (TypeError, ValueError):
        errors.add(field, _("Enter a whole number."))
        return 0
    if not 0 <= number <= MAX_COUNT:
        errors.add(field, _("Enter a number from 0 to %(n)d.") % {"n": MAX_COUNT})
    return number


def moment(errors: Errors, field: str, value, *, default_now=True) -> datetime.datetime | None:
    if value in (None, ""):
        return timezone.now() if default_now else None
    if isinstance(value, str):
        try:
            value = datetime.datetime.fromisoformat(value)
        except ValueError:
            errors.add(field, _("Enter a time as YYYY-MM-DDTHH:MM."))
            return None
    if timezone.is_naive(value):  # without an offset: Beijing time
        value = timezone.make_aware(value)
    if problem := dates.past_time_problem(value):
        errors.add(field, problem)
        return None
    return value


def _choice(errors: Errors, field: str, value, choices) -> str:
    if value not in choices.values:
        errors.add(field, _("Choose one of: %(values)s.") % {"values": ", ".join(choices.values)})
    return value


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
