"""Who may do what in the emergency module. Jurisdiction is checked first (outside is 404);
these predicates decide 403 for records the user can see. The pages ask the same predicates
(registered as template actions in apps.py)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from yingji.accounts.choices import Role

STAFF = frozenset(
    {Role.ADMIN, Role.BUREAU, Role.INSPECTOR, Role.DEPARTMENT, Role.STREET, Role.LEADER, Role.DUTY}
)
# Events and their information reports: the duty desk, the bureau and the streets record them.
EVENT_WRITERS = frozenset({Role.ADMIN, Role.BUREAU, Role.DUTY, Role.STREET})
# Responses are the district headquarters' (the bureau and its duty desk).
RESPONSE_WRITERS = frozenset({Role.ADMIN, Role.BUREAU, Role.DUTY})
# Evacuations are recorded by the street that moved the people, or the bureau for it.
EVACUATION_WRITERS = frozenset({Role.ADMIN, Role.BUREAU, Role.DUTY, Role.STREET})
# The special-groups register holds personal data: no member department, no enterprise.
SPECIAL_READERS = frozenset({Role.ADMIN, Role.BUREAU, Role.INSPECTOR, Role.STREET, Role.LEADER, Role.DUTY})
SPECIAL_WRITERS = frozenset({Role.ADMIN, Role.BUREAU, Role.STREET})
# The full ID number: the person's street (by jurisdiction) and the bureau, nobody else.
REVEALERS = frozenset({Role.BUREAU, Role.STREET})
SHELTER_WRITERS = frozenset({Role.ADMIN, Role.BUREAU, Role.STREET})


def _has(user, roles) -> bool:
    return bool(user and user.is_authenticated and user.role in roles)


def can_read(user) -> bool:
    return _has(user, STAFF)


def can_write_events(user) -> bool:
    return _has(user, EVENT_WRITERS)


def can_write_responses(user) -> bool:
    return _has(user, RESPONSE_WRITERS)


def can_write_evacuations(user) -> bool:
    return _has(user, EVACUATION_WRITERS)


def can_read_special(user) -> bool:
    return _has(user, SPECIAL_READERS)


def can_write_special(user) -> bool:
    return _has(user, SPECIAL_WRITERS)


def can_reveal(user) -> bool:
    return _has(user, REVEALERS)


def can_write_shelters(user) -> bool:
    return _has(user, SHELTER_WRITERS)


def require(predicate, user) -> None:
    if not predicate(user):
        raise PermissionDenied(_("Your role may not do this."))
