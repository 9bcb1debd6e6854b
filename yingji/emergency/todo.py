"""The emergency to-do kinds: information reports owed (the duty officer's and the bureau's),
and, for a street, its special-group members still missing one of the 四个一 before the flood
season."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yingji.accounts.choices import Role
from yingji.emergency import deadlines, special
from yingji.emergency.choices import EventStatus, ReportChannel, ReportKind
from yingji.emergency.models import Event, SpecialPerson
from yingji.notifications.todo import TodoItem, TodoKind, register

RECENT = datetime.timedelta(days=14)  # a closed event's 终报 is looked for this long


def reports_due(user, now: datetime.datetime | None = None):
    if user.role not in (Role.BUREAU, Role.DUTY):
        return []
    now = now or timezone.now()
    events = (
        Event.objects.for_user(user)
        .filter(occurred_at__gte=now - RECENT)
        .exclude(status=EventStatus.CLOSED, closed_at__lt=now - RECENT)
    )
    items = []
    for event in events.prefetch_related("reports").order_by("occurred_at", "pk"):
        for kind, channel, due in deadlines.reports_owed(event, now):
            title = _("%(kind)s %(channel)s: %(event)s") % {
                "kind": ReportKind(kind).label, "channel": ReportChannel(channel).label, "event": event.title,
            }  # fmt: skip
            items.append(TodoItem("emergency_report", title, f"{event.pk}-{kind}-{channel}", due, f"/emergency/events/{event.pk}/"))  # fmt: skip
    return items


def incomplete_four(user, today: datetime.date | None = None):
    if user.role != Role.STREET:
        return []
    people = special.incomplete(SpecialPerson.objects.for_user(user))
    n = people.count()
    if not n:
        return []
    due = special.next_flood_season(today or timezone.localdate())
    title = _("四个一 incomplete for %(n)d special-group members") % {"n": n}
    return [TodoItem("special_groups_incomplete", title, user.organisation.region_id, due, "/emergency/special-groups/?incomplete=true")]  # fmt: skip


register(TodoKind("emergency_report", gettext_lazy("Information reports due"), reports_due))
register(
    TodoKind("special_groups_incomplete", gettext_lazy("Special groups: 四个一 incomplete"), incomplete_four)
)
