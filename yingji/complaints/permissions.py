"""Who may do what with a complaint. Jurisdiction comes first (models.ComplaintQuerySet: outside
is 404); these predicates decide the rest.

- The bureau's complaint handlers are the users of the bureau role (局机关 staff who keep the
  complaint desk): they take complaints in, assign them, close them, decide and pay rewards,
  tell the reporter, and are the ONLY ones who see the reporter's name and phone, for the
  complaints in their region. The administrator keeps the system and sees no reporter.
- The handling unit's users (a street, a department, or the bureau itself) record the
  verification of a complaint assigned to them.
- Inspectors, leaders and duty officers read the region's complaints; departments and streets
  read those assigned to them; an enterprise never sees a complaint, not even one about it.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from yingji.accounts.choices import Role
from yingji.complaints.choices import TRANSITIONS, Action
from yingji.regions.scoping import Jurisdiction

HANDLERS = frozenset({Role.BUREAU})


def can_handle(user) -> bool:
    """The `complaints.handle` action: a complaint handler of the bureau."""
    return bool(user and user.is_authenticated and user.role in HANDLERS)


def may_see_reporter(user, complaint) -> bool:
    return can_handle(user) and Jurisdiction.of(user).contains_region(complaint.region_id)


def in_handling_unit(user, complaint) -> bool:
    return bool(
        user.is_authenticated
        and user.role != Role.ENTERPRISE
        and complaint.handling_unit_id
        and user.organisation_id == complaint.handling_unit_id
    )


def may_act(user, complaint, action: str) -> bool:
    if action == Action.VERIFY:
        return can_handle(user) or in_handling_unit(user, complaint)
    return can_handle(user)


def require_handle(user) -> None:
    if not can_handle(user):
        raise PermissionDenied(_("Only the bureau's complaint handlers may do this."))


def require_action(user, complaint, action: str) -> None:
    if not may_act(user, complaint, action):
        raise PermissionDenied(
            _("Only the handling unit or the bureau's complaint handlers may record the verification.")
            if action == Action.VERIFY
            else _("Only the bureau's complaint handlers may do this.")
        )


def actions_for(user, complaint) -> list[str]:
    """The actions this user may take on this complaint now (the page's buttons)."""
    from yingji.complaints.workflow import refusal

    return [
        action
        for action in TRANSITIONS
        if may_act(user, complaint, action) and refusal(complaint, action) is None
    ]
