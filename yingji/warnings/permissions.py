"""Who may do what with warnings and the contacts register. Jurisdiction is checked first
(outside is 404); these predicates decide 403 for what the user can see."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from yingji.accounts.choices import Role

READERS = frozenset(
    {Role.ADMIN, Role.BUREAU, Role.INSPECTOR, Role.DEPARTMENT, Role.STREET, Role.LEADER, Role.DUTY}
)
# Warnings are issued by the district's duty desk and the bureau (for the headquarters).
ISSUERS = frozenset({Role.ADMIN, Role.BUREAU, Role.DUTY})
# A 叫应 answered on the phone is recorded by whoever made the call: the duty desk, the bureau,
# or a street calling its communities' responsible persons.
CALL_RECORDERS = frozenset({Role.ADMIN, Role.BUREAU, Role.DUTY, Role.STREET})
CONTACT_WRITERS = frozenset({Role.ADMIN, Role.BUREAU, Role.DUTY, Role.STREET})


def _has(user, roles) -> bool:
    return bool(user and user.is_authenticated and user.role in roles)


def can_read(user) -> bool:
    return _has(user, READERS)


def can_issue(user) -> bool:
    return _has(user, ISSUERS)


def can_record_calls(user) -> bool:
    return _has(user, CALL_RECORDERS)


def can_write_contacts(user) -> bool:
    return _has(user, CONTACT_WRITERS)


def require(predicate, user) -> None:
    if not predicate(user):
        raise PermissionDenied(_("Your role may not do this."))
