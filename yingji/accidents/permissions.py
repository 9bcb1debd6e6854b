"""Who may do what to an accident. Jurisdiction is checked first (outside is 404); these
predicates decide 403 for an accident the user can see."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from yingji.accidents.choices import TRANSITIONS
from yingji.accounts.choices import Role

# Register accidents, correct them, add casualty updates and follow-up measures.
WRITERS = frozenset({Role.ADMIN, Role.BUREAU, Role.INSPECTOR, Role.DUTY, Role.STREET, Role.DEPARTMENT})
# The investigation is the government's (Decree 493 Art. 19): the bureau records it.
INVESTIGATORS = frozenset({Role.ADMIN, Role.BUREAU, Role.INSPECTOR})


def can_write(user) -> bool:
    return user.is_authenticated and user.role in WRITERS


def can_investigate(user) -> bool:
    return user.is_authenticated and user.role in INVESTIGATORS


def require_write(user) -> None:
    if not can_write(user):
        raise PermissionDenied(_("Your role may not record accidents."))


def require_investigate(user) -> None:
    if not can_investigate(user):
        raise PermissionDenied(_("Your role may not record investigations."))


def actions_for(user, accident) -> list[str]:
    """The investigation actions this user may take on this accident now (the UI's buttons)."""
    if not can_investigate(user):
        return []
    return [
        a
        for a in TRANSITIONS
        if accident.can(a) and not (a == "extend_investigation" and accident.is_extended)
    ]
