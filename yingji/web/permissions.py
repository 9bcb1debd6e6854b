"""What a user may do, asked by name from templates and views, so a page shows only the links
its reader may follow (a link that answers 403 is a link that should not be there).

Each action names the predicate its own module already applies to refuse it; this registry
only gathers them. In templates: `{% if can.hazards.import %}` (the navigation context
processor puts `can` in every page's context).
"""

from collections.abc import Callable

from yingji.accounts.choices import AUDIT_READERS, Role
from yingji.enterprises import permissions as enterprise_permissions
from yingji.hazards import permissions as hazard_permissions

ADMINS = frozenset({Role.ADMIN})
# Bureau users manage the accounts of their jurisdiction; the admin manages all.
USER_MANAGERS = frozenset({Role.ADMIN, Role.BUREAU})


def _roles(roles) -> Callable:
    return lambda user: user.role in roles


ACTIONS: dict[str, Callable] = {
    "hazards.import": hazard_permissions.can_register,
    "enterprises.register": enterprise_permissions.can_register,
    "audit.read": _roles(AUDIT_READERS),
    "api.docs": _roles(ADMINS),
    "users.manage": _roles(USER_MANAGERS),
}


def register_action(name: str, predicate: Callable) -> None:
    """A module names its own predicate (the one its services apply) from AppConfig.ready."""
    ACTIONS[name] = predicate


def can(user, action: str) -> bool:
    """May `user` do `action` (a key of ACTIONS)? Anonymous users may do nothing."""
    if user is None or not user.is_authenticated:
        return False
    return ACTIONS[action](user)


class _Can:
    """`can.hazards.import` in a template: attribute lookups build the action's name."""

    def __init__(self, user, prefix: str = ""):
        self._user, self._prefix = user, prefix

    def __getitem__(self, name: str):
        action = f"{self._prefix}.{name}" if self._prefix else name
        if action in ACTIONS:
            return can(self._user, action)
        return _Can(self._user, action)

    def __bool__(self) -> bool:
        return False  # an unknown action is refused, never shown


def for_templates(user) -> _Can:
    return _Can(user)
