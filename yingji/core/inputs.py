"""Input checks the services share: text, regions in the user's jurisdiction, counts, past times
and times planned ahead (Beijing when without an offset), days, choices, accounts and member
units of the jurisdiction. Each adds its message under the field's name; the caller raises them
together as one 400 (`Errors.raise_if_any`)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.core import dates
from yingji.core.errors import ApplicationError
from yingji.regions.models import Region
from yingji.regions.scoping import Jurisdiction

MAX_COUNT = 10_000_000
MAX_ID = 2**63 - 1


class Errors(dict):
    def add(self, field: str, message: str) -> None:
        self.setdefault(field, []).append(str(message))

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


def choice(errors: Errors, field: str, value, choices) -> str:
    if value not in choices.values:
        errors.add(field, _("Choose one of: %(values)s.") % {"values": ", ".join(choices.values)})
    return value


def planned(errors: Errors, field: str, value, *, horizon: datetime.timedelta, default_now=False, required=False):  # fmt: skip
    """A time that may lie ahead (a warning's validity, a roster's shift): from EARLIEST to
    `horizon` from now; empty is now when `default_now`, else None (an error when `required`)."""
    if value in (None, ""):
        if required and not default_now:
            errors.add(field, _("This field is required."))
        return timezone.now() if default_now else None
    if isinstance(value, str):
        try:
            value = datetime.datetime.fromisoformat(value)
        except ValueError:
            value = None
    if not isinstance(value, datetime.datetime):
        errors.add(field, _("Enter a time as YYYY-MM-DDTHH:MM."))
        return None
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    if dates.local_day(value) < dates.EARLIEST:
        errors.add(field, dates.too_early())
    elif value > timezone.now() + horizon:
        errors.add(field, _("At most a year ahead."))
    else:
        return value
    return None


def day(errors: Errors, field: str, value, *, required=True) -> datetime.date | None:
    """A calendar day (a deadline, a meeting's, a campaign's window), 2000 to 2100."""
    if value in (None, ""):
        if required:
            errors.add(field, _("This field is required."))
        return None
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value.strip())
        except ValueError:
            value = None
    if not isinstance(value, datetime.date):
        errors.add(field, _("Enter a date as YYYY-MM-DD."))
        return None
    if not 2000 <= value.year <= 2100:
        errors.add(field, _("Enter a date from 2000 to 2100."))
        return None
    return value


def account_in(errors: Errors, actor, field: str, username):
    """An active account whose organisation lies in the actor's jurisdiction, by username."""
    from yingji.accounts.models import User  # accounts depends on core, not the other way round

    user = User.objects.filter(username=str(username or "")[:150], is_active=True).select_related("organisation").first()  # fmt: skip
    region = user.organisation.region_id if user and user.organisation_id else None
    if user is None or not Jurisdiction.of(actor).contains_region(region):
        errors.add(
            field, _("No such account in your jurisdiction: %(name)s.") % {"name": str(username or "")[:40]}
        )
        return None
    return user


def _member_units():
    from yingji.accounts.choices import OrgKind
    from yingji.accounts.models import Organisation

    return Organisation.objects.exclude(kind=OrgKind.ENTERPRISE)


def unit_in(errors: Errors, actor, value, field: str = "organisation"):
    """A member department, street or bureau of the actor's jurisdiction, by id or exact name."""
    if isinstance(value, int):
        found = _member_units().filter(pk=value).first() if 0 < value <= MAX_ID else None
    else:
        found = _member_units().filter(name=str(value or "").strip()[:100]).first()
    if found is None or not Jurisdiction.of(actor).contains_region(found.region_id):
        errors.add(field, _("No such unit in your jurisdiction."))
        return None
    return found


def units_in(errors: Errors, actor, ids, field: str) -> list:
    """Member departments, streets or bureaus of the actor's jurisdiction, every id one of them."""
    ids = [i for i in ids or [] if isinstance(i, int) and 0 < i <= MAX_ID]
    jurisdiction = Jurisdiction.of(actor)
    units = [u for u in _member_units().filter(pk__in=ids) if jurisdiction.contains_region(u.region_id)]
    if not units or len(units) != len(set(ids)):
        errors.add(field, _("Choose member departments and streets of your jurisdiction."))
    return units
