"""信息报送 time limits (DOMAIN.md 6.4: "phone report within 30 minutes and written report within
1 hour", marked unverified there, so configurable). A project may override any of them in its
settings as `YINGJI_EVENT_REPORT_LIMITS = {"first_phone": 30, ...}` (minutes).

- 首报 by phone: 30 minutes after the event occurred; 首报 in writing: 60 minutes after.
- 终报: DOMAIN gives no figure; we chose 24 hours after the event is closed.
- 续报: DOMAIN gives no figure; no deadline by default (set `follow_up` to require one every N
  minutes after the previous report while the event is open).
"""

import datetime

from django.conf import settings

from yingji.emergency.choices import ReportChannel, ReportKind

DEFAULT_LIMITS = {"first_phone": 30, "first_written": 60, "final": 24 * 60, "follow_up": None}


def limits() -> dict:
    return DEFAULT_LIMITS | getattr(settings, "YINGJI_EVENT_REPORT_LIMITS", {})


def _minutes(key: str) -> datetime.timedelta | None:
    value = limits()[key]
    return datetime.timedelta(minutes=value) if value is not None else None


def due_at(event, kind: str, channel: str, *, previous: datetime.datetime | None = None):
    """When a report of this kind and channel is due for the event; None when it has no limit."""
    if kind == ReportKind.FIRST:
        key = "first_phone" if channel == ReportChannel.PHONE else "first_written"
        return event.occurred_at + _minutes(key)
    if kind == ReportKind.FINAL:
        return event.closed_at + _minutes("final") if event.closed_at and _minutes("final") else None
    step = _minutes("follow_up")
    return (previous or event.occurred_at) + step if step else None


def reports_owed(event, now: datetime.datetime) -> list[tuple[str, str, datetime.datetime]]:
    """(kind, channel, due) of each report the event still owes: the phone and the written 首报,
    and the 终报 once closed."""
    made = {(r.kind, r.channel) for r in event.reports.all()}
    made_kinds = {r.kind for r in event.reports.all()}
    owed = []
    for channel in (ReportChannel.PHONE, ReportChannel.WRITTEN):
        if (ReportKind.FIRST, channel) not in made:
            owed.append((ReportKind.FIRST, channel, due_at(event, ReportKind.FIRST, channel)))
    if event.closed_at and ReportKind.FINAL not in made_kinds:
        due = due_at(event, ReportKind.FINAL, ReportChannel.WRITTEN)
        if due:
            owed.append((ReportKind.FINAL, ReportChannel.WRITTEN, due))
    return owed
