"""The duty to-do kinds: for whoever arranges the roster, the hours of the coming week no shift
covers; for the duty desk, the log's items still to follow up; for the next shift, a hand-over
waiting to be accepted."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yingji.accounts.choices import Role
from yingji.duty.coverage import coverage_for
from yingji.duty.models import Handover, LogEntry, Shift
from yingji.notifications.todo import TodoItem, TodoKind, register
from yingji.regions.scoping import Jurisdiction

AHEAD = 7  # days of the roster checked for gaps


def roster_gaps(user):
    region = Jurisdiction.of(user).region
    if user.role not in (Role.BUREAU, Role.STREET) or not region:
        return []
    if not Shift.objects.filter(region_id=region).exists():
        return []  # a desk that keeps no roster here is not nagged
    now = timezone.now()
    today = timezone.localdate(now)
    result = coverage_for(user, region, today, today + datetime.timedelta(days=AHEAD - 1))
    ahead = [(max(a, now), b) for a, b in result.gaps if b > now]  # what is past is no work to do
    return [
        TodoItem(
            "duty_gap",
            _("No one on duty %(start)s – %(end)s")
            % {
                "start": f"{timezone.localtime(a):%m-%d %H:%M}",
                "end": f"{timezone.localtime(b):%m-%d %H:%M}",
            },
            f"{region}-{a:%Y%m%d%H%M}",
            a,
            "/duty/roster/",
        )  # fmt: skip
        for a, b in ahead[:20]
    ]


def open_items(user):
    if user.role not in (Role.BUREAU, Role.DUTY):
        return []
    entries = LogEntry.objects.for_user(user).filter(open=True, closed_at__isnull=True).order_by("at")[:50]
    return [TodoItem("duty_follow_up", _("Follow up: %(text)s") % {"text": e.content[:40]}, e.pk, None, "/duty/") for e in entries]  # fmt: skip


def to_accept(user):
    now = timezone.now()
    mine = Shift.objects.filter(starts_at__lte=now + datetime.timedelta(hours=24), ends_at__gt=now)
    mine = mine.filter(leader=user) | mine.filter(officers=user)
    items = []
    for shift in mine.distinct():
        waiting = Handover.objects.filter(shift__region_id=shift.region_id, shift__ends_at__lte=shift.starts_at + datetime.timedelta(hours=1), shift__ends_at__gte=shift.starts_at - datetime.timedelta(hours=1), accepted_at__isnull=True).exclude(shift=shift)  # fmt: skip
        items += [TodoItem("duty_accept", _("Accept the hand-over of the shift before yours"), h.pk, None, "/duty/") for h in waiting]  # fmt: skip
    return items


register(TodoKind("duty_gap", gettext_lazy("Roster gaps"), roster_gaps))
register(TodoKind("duty_follow_up", gettext_lazy("Duty items to follow up"), open_items))
register(TodoKind("duty_accept", gettext_lazy("Hand-over to accept"), to_accept))
