"""Who may do what to a case. Jurisdiction is checked first (outside is 404); these predicates
decide 403 for a case the user can see.

- Enforcers (bureau staff and law-enforcement inspectors) open cases, investigate, give the
  notice, serve, record payments and generate documents.
- Approvals (立案审批, 法制审核, the decision, closing, transfers) are the bureau's: a user of
  the bureau role, who is neither the case's handler nor one of its officers, so a case is
  never approved by those who investigated it (行政处罚法 Arts. 57–58: the responsible person
  of the authority decides, after a review by others than the investigators).
- Everyone else who can see a case (street, department, leader, the enterprise itself) reads.
- The administrator keeps the code list, the templates and the holiday table, and acts on no case.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from yingji.accounts.choices import Role
from yingji.enforcement.choices import APPROVALS, TRANSITIONS, Procedure

ENFORCERS = frozenset({Role.BUREAU, Role.INSPECTOR})
APPROVERS = frozenset({Role.BUREAU})


def can_file(user) -> bool:
    return user.is_authenticated and user.role in ENFORCERS


def can_admin(user) -> bool:
    return user.is_authenticated and user.role == Role.ADMIN


def is_party_to(user, case) -> bool:
    """The handler or one of the officers of the case."""
    return user.pk == case.handler_id or any(u.pk == user.pk for u in case.officers.all())


def may_approve(user, case) -> bool:
    return user.is_authenticated and user.role in APPROVERS and not is_party_to(user, case)


def may_act(user, case, action: str) -> bool:
    if action in APPROVALS:
        return may_approve(user, case)
    return can_file(user)


def require_file(user) -> None:
    if not can_file(user):
        raise PermissionDenied(_("Your role may not handle enforcement cases."))


def require_admin(user) -> None:
    if not can_admin(user):
        raise PermissionDenied(_("Only the administrator may change this."))


def require_action(user, case, action: str) -> None:
    if action in APPROVALS and user.is_authenticated and user.role in APPROVERS and is_party_to(user, case):
        raise PermissionDenied(_("The case's handler and officers may not approve it themselves."))
    if not may_act(user, case, action):
        raise PermissionDenied(
            _("This needs the bureau's approving user.")
            if action in APPROVALS
            else _("Your role may not do this.")
        )


def actions_for(user, case) -> list[str]:
    """The actions this user may take on this case now (the page's buttons)."""
    found = []
    for action in TRANSITIONS:
        if not case.can(action) or not may_act(user, case, action):
            continue
        if action == "decide_summary" and case.procedure != Procedure.SIMPLIFIED:
            continue
        if action == "approve_filing" and case.procedure == Procedure.SIMPLIFIED:
            continue
        if action in ("record_payment", "apply_court") and case.fine_outstanding <= 0:
            continue
        if action == "request_hearing":
            from yingji.enforcement.workflow import hearing_applies

            if not hearing_applies(case):
                continue
        found.append(action)
    return found
