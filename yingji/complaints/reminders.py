"""The daily reminder pass: the handling unit's users are told of a complaint to verify within 3
days, and once it is past its deadline — then the bureau's complaint handlers too (one reminder
per complaint, user and day, however often the pass runs)."""

import datetime

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yingji.accounts.models import User
from yingji.complaints.choices import Status
from yingji.notifications.kinds import register_kind
from yingji.notifications.reminders import remind_once

COMPLAINT_DUE = register_kind("complaint_due", gettext_lazy("Complaint to verify within 3 days"))
COMPLAINT_OVERDUE = register_kind("complaint_overdue", gettext_lazy("Complaint past its deadline"))
SOON = datetime.timedelta(days=3)


def remind(today: datetime.date | None = None) -> int:
    from yingji.complaints.models import Complaint
    from yingji.complaints.services import handlers_of

    today = today or timezone.localdate()
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        due = Complaint.objects.filter(status=Status.ASSIGNED, deadline__lte=today + SOON)
        for c in due.order_by("deadline", "pk"):
            overdue = c.deadline < today
            users = set(
                User.objects.filter(organisation_id=c.handling_unit_id, is_active=True).values_list(
                    "pk", flat=True
                )
            )
            if overdue:
                users |= {u.pk for u in handlers_of(c)}
            title = (_("Complaint %(receipt)s past its deadline %(day)s") if overdue
                     else _("Complaint %(receipt)s to verify by %(day)s")) % {"receipt": c.receipt, "day": c.deadline}  # fmt: skip
            sent += remind_once(
                COMPLAINT_OVERDUE if overdue else COMPLAINT_DUE,
                c.pk,
                users,
                today,
                title,
                f"/complaints/{c.pk}/",
            )
    return sent
