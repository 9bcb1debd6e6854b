"""The enforcement to-do kinds: every case step with someone to act, due on its deadline.

- Approving users (the bureau role) see the cases waiting for their approval (filing, legal
  review, decision, closing), except cases they handle or investigate themselves.
- Enforcers see the steps of the cases they handle or are officers on.
"""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yingji.enforcement.choices import OPEN, Procedure
from yingji.enforcement.models import Case
from yingji.enforcement.permissions import APPROVERS, ENFORCERS
from yingji.enforcement.reminders import WAITING_APPROVAL
from yingji.notifications.todo import TodoItem, TodoKind, register


def _mine(user) -> Q:
    return Q(handler=user) | Q(officers=user)


def _items(kind: str, cases) -> list[TodoItem]:
    rows = cases.distinct().order_by("due_on", "pk")
    return [
        TodoItem(
            kind=kind,
            title=_("Case %(party)s: %(status)s") % {"party": c.party_name, "status": c.get_status_display()},
            object_id=c.pk,
            due=c.due_on,
            url=f"/enforcement/{c.pk}/",
        )
        for c in rows
    ]


def to_approve(user):
    if user.role not in APPROVERS:
        return []
    waiting = Q(status__in=WAITING_APPROVAL) & ~Q(status="filing", procedure=Procedure.SIMPLIFIED)
    cases = Case.objects.for_user(user).filter(waiting).exclude(_mine(user))
    return _items("case_approve", cases)


def to_act(user):
    if user.role not in ENFORCERS:
        return []
    acting = Q(status__in=OPEN - WAITING_APPROVAL) | Q(status="filing", procedure=Procedure.SIMPLIFIED)
    cases = Case.objects.for_user(user).filter(acting).filter(_mine(user))
    return _items("case_step", cases)


register(TodoKind("case_approve", gettext_lazy("Enforcement cases to approve"), to_approve))
register(TodoKind("case_step", gettext_lazy("Enforcement case steps"), to_act))
