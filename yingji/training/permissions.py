"""Who records what. Jurisdiction first (outside is 404; a record is made inside one's region):

- training and publicity events: the bureau, member departments and street offices (each
  organises its own), and the administrator;
- special-operations exams: the bureau (its exam centre's returns) and the administrator;
- demonstration communities: the bureau, street offices and the administrator."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from yingji.accounts.choices import Role

EVENT_RECORDERS = frozenset({Role.ADMIN, Role.BUREAU, Role.DEPARTMENT, Role.STREET})
EXAM_RECORDERS = frozenset({Role.ADMIN, Role.BUREAU})
COMMUNITY_RECORDERS = frozenset({Role.ADMIN, Role.BUREAU, Role.STREET})


def _role_in(user, roles) -> bool:
    return bool(user and user.is_authenticated and user.role in roles)


def can_record_event(user) -> bool:
    return _role_in(user, EVENT_RECORDERS)


def can_record_exam(user) -> bool:
    return _role_in(user, EXAM_RECORDERS)


def can_record_community(user) -> bool:
    return _role_in(user, COMMUNITY_RECORDERS)


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("You may not record this."))
