"""The complaints' to-do kinds.

- The handling unit's users: the complaints assigned to their unit and not verified yet, due
  on the deadline (overdue once past it).
- The complaint handlers: the complaints awaiting assignment in their region.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yingji.accounts.choices import Role
from yingji.complaints.choices import Status
from yingji.complaints.models import Complaint
from yingji.complaints.permissions import can_handle
from yingji.notifications.todo import TodoItem, TodoKind, register


def _items(kind: str, complaints, due) -> list[TodoItem]:
    return [
        TodoItem(
            kind=kind,
            title=_("Complaint %(receipt)s: %(place)s")
            % {"receipt": c.receipt, "place": c.enterprise_name or c.place or c.region.name},
            object_id=c.pk,
            due=due(c),
            url=f"/complaints/{c.pk}/",
        )
        for c in complaints.select_related("region")
    ]


def to_verify(user):
    if user.role in (Role.ADMIN, Role.ENTERPRISE) or not user.organisation_id:
        return []
    qs = Complaint.objects.for_user(user).filter(
        status=Status.ASSIGNED, handling_unit_id=user.organisation_id
    )
    return _items("complaint_verify", qs.order_by("deadline", "pk"), lambda c: c.deadline)


def to_assign(user):
    if not can_handle(user):
        return []
    qs = Complaint.objects.for_user(user).filter(status=Status.RECEIVED).order_by("received_on", "pk")
    return _items("complaint_assign", qs, lambda c: None)


register(TodoKind("complaint_verify", gettext_lazy("Complaints to verify"), to_verify))
register(TodoKind("complaint_assign", gettext_lazy("Complaints to assign"), to_assign))
