"""A campaign's reporting periods: each day, each Monday-to-Sunday week or each month of its
window (the first and last cut to the window), and when each form is due — the day's hour, the
week's weekday at the hour (a 周五16时 report of the week so far), the month's last day."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from yingji.campaigns.choices import Cycle


@dataclass(frozen=True)
class ReportPeriod:
    index: int
    start: datetime.date
    end: datetime.date
    due: datetime.datetime

    @property
    def label(self) -> str:
        return f"第{self.index}期（{self.start:%m.%d}–{self.end:%m.%d}）"


def _due(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(min(hour, 23))))


def periods(campaign) -> list[ReportPeriod]:
    out, day, n = [], campaign.starts_on, 1
    while day <= campaign.ends_on:
        if campaign.cycle == Cycle.DAILY:
            end, due_day = day, day
        elif campaign.cycle == Cycle.WEEKLY:
            monday = day - datetime.timedelta(days=day.weekday())
            end = monday + datetime.timedelta(days=6)
            due_day = monday + datetime.timedelta(days=campaign.due_weekday)
        else:
            end = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(
                days=1
            )
            due_day = end
        end = min(end, campaign.ends_on)
        out.append(ReportPeriod(n, day, end, _due(max(min(due_day, end), day), campaign.due_hour)))
        day, n = end + datetime.timedelta(days=1), n + 1
    return out


def period_starting(campaign, start: datetime.date) -> ReportPeriod | None:
    return next((p for p in periods(campaign) if p.start == start), None)


def current(campaign, now: datetime.datetime | None = None) -> ReportPeriod | None:
    """The period whose form is the next to fall due (the one to fill now)."""
    now = now or timezone.now()
    return next((p for p in periods(campaign) if p.due >= now), None)
