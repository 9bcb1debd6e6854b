"""Who records what. Jurisdiction first (outside is 404; a record is made inside one's region):

- teams, experts and the annual drill plan: the bureau, street offices and the administrator;
- plans and drills: those, and member departments (部门预案, their own drills);
- a plan's revision and file: the plan's owner too."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from yingji.accounts.choices import Role
from yingji.regions.scoping import Jurisdiction

KEEPERS = frozenset({Role.ADMIN, Role.BUREAU, Role.STREET})
PLANNERS = KEEPERS | {Role.DEPARTMENT}


def _role_in(user, roles) -> bool:
    return bool(user and user.is_authenticated and user.role in roles)


def can_keep(user) -> bool:
    """`preparedness.keep`: teams, members, experts, drill targets."""
    return _role_in(user, KEEPERS)


def can_plan(user) -> bool:
    """`preparedness.plan`: record plans and drills."""
    return _role_in(user, PLANNERS)


def can_edit_plan(user, plan) -> bool:
    if not (user and user.is_authenticated):
        return False
    if plan.owner_id == user.pk:
        return True
    return user.role in PLANNERS and Jurisdiction.of(user).contains_region(plan.region_id)


def require(allowed: bool, message: str | None = None) -> None:
    if not allowed:
        raise PermissionDenied(message or _("You may not record this."))
