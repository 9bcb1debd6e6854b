"""Who may do what on the duty desk. Jurisdiction is checked first (outside is 404); these
predicates decide 403 for what the user can see."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from yingji.accounts.choices import Role

READERS = frozenset({Role.ADMIN, Role.BUREAU, Role.INSPECTOR, Role.STREET, Role.LEADER, Role.DUTY})
# The roster is the office's (a bureau's, or a street's for its own duty).
ROSTER_WRITERS = frozenset({Role.ADMIN, Role.BUREAU, Role.STREET})
# The log is kept by whoever is on duty: officers, the leader on duty, the bureau, a street.
LOG_WRITERS = frozenset({Role.ADMIN, Role.BUREAU, Role.DUTY, Role.LEADER, Role.STREET})


def _has(user, roles) -> bool:
    return bool(user and user.is_authenticated and user.role in roles)


def can_read(user) -> bool:
    return _has(user, READERS)


def can_write_roster(user) -> bool:
    return _has(user, ROSTER_WRITERS)


def can_write_log(user) -> bool:
    return _has(user, LOG_WRITERS)


def require(predicate, user) -> None:
    if not predicate(user):
        raise PermissionDenied(_("Your role may not do this."))
