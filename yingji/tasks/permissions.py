"""The committee office (in the bureau) keeps the lists; a member unit reports progress on its own
tasks; everyone on the staff reads what lies in their jurisdiction."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from yingji.accounts.choices import Role

READERS = frozenset({Role.ADMIN, Role.BUREAU, Role.INSPECTOR, Role.DEPARTMENT, Role.STREET, Role.LEADER, Role.DUTY})  # fmt: skip
KEEPERS = frozenset({Role.ADMIN, Role.BUREAU})


def can_read(user) -> bool:
    return bool(user and user.is_authenticated and user.role in READERS)


def can_keep(user) -> bool:
    return bool(user and user.is_authenticated and user.role in KEEPERS)


def can_report(user, task) -> bool:
    """The owner unit's own staff, or the office."""
    if can_keep(user):
        return True
    return bool(user.is_authenticated and user.organisation_id == task.organisation_id and user.role in (Role.DEPARTMENT, Role.STREET, Role.BUREAU))  # fmt: skip


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("Your role may not do this."))
