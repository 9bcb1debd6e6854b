"""Reporting, investigation and casualty-update deadlines (Decree 493 Arts. 9–13, 19, 29;
DOMAIN.md §1.2–1.3). Calendar hours and days throughout: no working days are involved.

Day counts follow the Chinese rule for periods in days (民法典 Art. 201): the day of the
accident is not counted, so "within 30 days of the accident" ends with the day
`occurred_on + 30 days`, and that day is still inside the window. Days are Asia/Shanghai days.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yingji.accidents.choices import AccidentDomain, AccidentGrade, AccidentKind, ReportLevel

# Art. 9: the unit reports to the county-level departments within 1 hour.
UNIT_TO_COUNTY = datetime.timedelta(hours=1)
# Art. 10: each level passes the report upward within 2 hours.
PER_LEVEL = datetime.timedelta(hours=2)
LEVELS = [ReportLevel.COUNTY, ReportLevel.CITY, ReportLevel.PROVINCE, ReportLevel.STATE_COUNCIL]
# Art. 10: how high the report climbs for each grade.
CEILING = {
    AccidentGrade.ORDINARY: ReportLevel.CITY,
    AccidentGrade.RELATIVELY_SERIOUS: ReportLevel.PROVINCE,
    AccidentGrade.SERIOUS: ReportLevel.STATE_COUNCIL,
    AccidentGrade.EXTRAORDINARILY_SERIOUS: ReportLevel.STATE_COUNCIL,
}

# Art. 19: whose government investigates, by grade.
INVESTIGATING_LEVEL = {
    AccidentGrade.ORDINARY: ReportLevel.COUNTY,
    AccidentGrade.RELATIVELY_SERIOUS: ReportLevel.CITY,
    AccidentGrade.SERIOUS: ReportLevel.PROVINCE,
    AccidentGrade.EXTRAORDINARILY_SERIOUS: ReportLevel.STATE_COUNCIL,
}
AUTHORITY = {
    ReportLevel.COUNTY: _("County people's government"),
    ReportLevel.CITY: _("City people's government"),
    ReportLevel.PROVINCE: _("Provincial people's government"),
    ReportLevel.STATE_COUNCIL: _("State Council"),
}
# Art. 29: the team reports within 60 days; one extension of at most 60 days.
INVESTIGATION_DAYS = 60
MAX_EXTENSION_DAYS = 60

# Art. 13: casualty changes within 30 days are reported (7 for road traffic and fire accidents).
UPDATE_WINDOW_DAYS = 30
SHORT_UPDATE_WINDOW_DAYS = 7
SHORT_WINDOW_KINDS = frozenset({AccidentKind.ROAD_TRAFFIC, AccidentKind.FIRE})
# A business road-transport accident is a road traffic accident, a business fire a fire.
SHORT_WINDOW_DOMAINS = frozenset({AccidentDomain.ROAD_TRANSPORT, AccidentDomain.FIRE})


def occurred_on(occurred_at: datetime.datetime) -> datetime.date:
    return timezone.localdate(occurred_at)


def report_deadline(occurred_at: datetime.datetime) -> datetime.datetime:
    """When the unit's report must reach the county level; a later first report is late (迟报)."""
    return occurred_at + UNIT_TO_COUNTY


def report_chain(occurred_at: datetime.datetime, grade: str) -> list[tuple[ReportLevel, datetime.datetime]]:
    """Each level the report must reach for this grade, and by when (the latest lawful time,
    each level using its full two hours)."""
    chain = []
    deadline = report_deadline(occurred_at)
    for level in LEVELS:
        chain.append((level, deadline))
        if level == CEILING[AccidentGrade(grade)]:
            break
        deadline += PER_LEVEL
    return chain


def step_state(deadline: datetime.datetime, made_at: datetime.datetime | None, now: datetime.datetime) -> str:
    """One step of the chain: "on_time", "late" (made after its deadline, 迟报), "overdue"
    (not made and past its deadline, 逾期) or "pending" (not made, still in time)."""
    if made_at is not None:
        return "late" if made_at > deadline else "on_time"
    return "overdue" if now > deadline else "pending"


def late_by(occurred_at: datetime.datetime, reported_at: datetime.datetime) -> datetime.timedelta | None:
    """How long after its deadline the first report came; None when on time (the hour itself is on time)."""
    overdue = reported_at - report_deadline(occurred_at)
    return overdue if overdue > datetime.timedelta(0) else None


def is_late(occurred_at: datetime.datetime, reported_at: datetime.datetime) -> bool:
    return late_by(occurred_at, reported_at) is not None


def investigation_deadline(occurred_at: datetime.datetime, extension_days: int = 0) -> datetime.date:
    return occurred_on(occurred_at) + datetime.timedelta(days=INVESTIGATION_DAYS + extension_days)


def investigating_level(grade: str) -> ReportLevel:
    return INVESTIGATING_LEVEL[AccidentGrade(grade)]


def investigating_authority(grade: str) -> str:
    return str(AUTHORITY[investigating_level(grade)])


def update_window_days(kind: str, domain: str = "") -> int:
    if kind in SHORT_WINDOW_KINDS or (kind == AccidentKind.PRODUCTION and domain in SHORT_WINDOW_DOMAINS):
        return SHORT_UPDATE_WINDOW_DAYS
    return UPDATE_WINDOW_DAYS


def update_window_end(occurred_at: datetime.datetime, kind: str, domain: str = "") -> datetime.date:
    """The last day on which a change of casualties still changes the statistics."""
    return occurred_on(occurred_at) + datetime.timedelta(days=update_window_days(kind, domain))


def within_update_window(
    occurred_at: datetime.datetime, kind: str, domain: str, changed_on: datetime.date
) -> bool:
    return changed_on <= update_window_end(occurred_at, kind, domain)
