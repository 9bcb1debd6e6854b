"""Who may take which hazard action. Jurisdiction is checked before (outside is 404);
these predicates decide 403 for a record the user can see."""

from yingji.accounts.choices import Role
from yingji.hazards.choices import HazardAction

SUPERVISORS = frozenset({Role.ADMIN, Role.BUREAU, Role.INSPECTOR, Role.DEPARTMENT, Role.STREET})
# The enterprise's own users record evidence and ask for more time; bureaus often submit
# evidence on an enterprise's behalf, so submit is open to both.
ENTERPRISE_ACTIONS = frozenset({HazardAction.SUBMIT, HazardAction.REQUEST_EXTENSION})
ONLY = {
    HazardAction.CANCEL: frozenset({Role.ADMIN, Role.BUREAU}),
    HazardAction.LIST: frozenset({Role.ADMIN, Role.BUREAU, Role.DEPARTMENT}),
}


def can_register(user) -> bool:
    return user.role in SUPERVISORS or user.role == Role.ENTERPRISE


def can_act(user, hazard, action: str) -> bool:
    if action in ONLY:
        return user.role in ONLY[action]
    if user.role == Role.ENTERPRISE:
        return action in ENTERPRISE_ACTIONS
    if action == HazardAction.CLOSE and hazard.is_listed and user.role != Role.ADMIN:
        # Closing a listed hazard needs the approval of the listing authority.
        return user.organisation_id == hazard.listed_by_id
    return user.role in SUPERVISORS


def actions_for(user, hazard) -> list[str]:
    """The actions this user may take on this hazard now (for the UI's buttons)."""
    return [
        a for a in HazardAction.values if hazard.can(a) and can_act(user, hazard, a) and _applies(hazard, a)
    ]


def _applies(hazard, action: str) -> bool:
    if action == HazardAction.RECTIFY_ON_SITE:
        return hazard.level == "general"
    if action == HazardAction.LIST:
        return hazard.level == "major" and not hazard.is_listed
    if action in (HazardAction.GRANT_EXTENSION, HazardAction.DENY_EXTENSION):
        return hazard.extension_requested_until is not None
    return True
