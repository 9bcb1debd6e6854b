"""Who may do what with supplies. Jurisdiction first (outside is 404); then:

- warehouses are set up by the bureau, a street office (its 储备点) and the administrator;
- movements and minimums are recorded by the warehouse's manager, or the bureau or street
  office whose region holds it, or the administrator;
- the catalogue is the administrator's.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from yingji.accounts.choices import Role
from yingji.regions.scoping import Jurisdiction

KEEPERS = frozenset({Role.ADMIN, Role.BUREAU, Role.STREET})


def can_set_up(user) -> bool:
    """`supplies.set_up`: create warehouses."""
    return bool(user and user.is_authenticated and user.role in KEEPERS)


def can_move(user, warehouse) -> bool:
    """`supplies.move`: record movements and minimums of this warehouse."""
    if not (user and user.is_authenticated):
        return False
    if warehouse.manager_id == user.pk:
        return True
    return user.role in KEEPERS and Jurisdiction.of(user).contains_region(warehouse.region_id)


def can_edit_catalogue(user) -> bool:
    return bool(user and user.is_authenticated and user.role == Role.ADMIN)


def require(allowed: bool, message: str | None = None) -> None:
    if not allowed:
        raise PermissionDenied(message or _("You may not do this."))
