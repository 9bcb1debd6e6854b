"""The warnings to-do kinds: a responsible person with an account sees the warnings waiting for
their 叫应; the duty desk and the bureau see the recipients whose 叫应 is late, to call them."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yingji.accounts.choices import Role
from yingji.notifications.todo import TodoItem, TodoKind, register
from yingji.warnings.choices import Status
from yingji.warnings.dissemination import headline, overdue
from yingji.warnings.models import Recipient


def to_acknowledge(user):
    open_ = Recipient.objects.filter(
        contact__user=user, acknowledged_at__isnull=True, warning__status=Status.IN_FORCE
    ).select_related("warning")
    return [
        TodoItem(
            "warning_ack",
            _("Acknowledge: %(warning)s") % {"warning": headline(r.warning)},
            str(r.pk),
            r.due_at,
            f"/warnings/{r.warning_id}/",
        )  # fmt: skip
        for r in open_.order_by("due_at", "pk")[:50]
    ]


def to_call(user):
    if user.role not in (Role.BUREAU, Role.DUTY, Role.STREET):
        return []
    late = overdue().filter(pk__in=Recipient.objects.for_user(user).values("pk")).exclude(contact__user=user)
    late = late.select_related("warning")
    return [
        TodoItem(
            "warning_call",
            _("Call %(name)s (%(phone)s): %(warning)s not acknowledged")
            % {"name": r.name, "phone": r.phone, "warning": headline(r.warning)},
            str(r.pk),
            r.due_at,
            f"/warnings/{r.warning_id}/",
        )  # fmt: skip
        for r in late.order_by("due_at", "pk")[:100]
    ]


register(TodoKind("warning_ack", gettext_lazy("Warnings to acknowledge"), to_acknowledge))
register(TodoKind("warning_call", gettext_lazy("Warnings not acknowledged: call"), to_call))
