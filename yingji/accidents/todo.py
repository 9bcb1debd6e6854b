"""The accident to-do kinds: reports still climbing the levels (Decree 493 Art. 10),
investigations awaiting their approved report (Art. 29), and what leaders watch."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yingji.accidents import deadlines
from yingji.accidents.choices import AccidentGrade, AccidentKind, InvestigationStatus, ReportLevel
from yingji.accidents.models import Accident
from yingji.accounts.choices import Role
from yingji.notifications.todo import TodoItem, TodoKind, register

# The longest the report chain runs: the unit's hour and three levels of two hours each.
LONGEST_CHAIN = deadlines.UNIT_TO_COUNTY + deadlines.PER_LEVEL * (len(deadlines.LEVELS) - 1)
OPEN_INVESTIGATION = (InvestigationStatus.REPORTED, InvestigationStatus.INVESTIGATING)
SERIOUS_GRADES = (
    AccidentGrade.RELATIVELY_SERIOUS,
    AccidentGrade.SERIOUS,
    AccidentGrade.EXTRAORDINARILY_SERIOUS,
)


def _url(accident) -> str:
    return f"/accidents/{accident.pk}/"


def report_step(accident, now: datetime.datetime):
    """The next level the report must reach, and by when; None once the chain has run out.
    A level whose report is recorded as made is done (its AccidentReport)."""
    # The county has the report from the first report on (Accident.report_steps).
    made = {report.level for report in accident.reports.all()} | {ReportLevel.COUNTY}
    return next(
        ((level, due) for level, due in accident.report_chain if due >= now and level not in made), None
    )


def reports_due(user, now: datetime.datetime | None = None):
    if user.role not in (Role.BUREAU, Role.DUTY):
        return []
    now = now or timezone.now()
    recent = Accident.objects.for_user(user).filter(occurred_at__gte=now - LONGEST_CHAIN)
    items = []
    for accident in recent.prefetch_related("reports").order_by("occurred_at", "pk"):
        if step := report_step(accident, now):
            level, due = step
            title = _("Report to the %(level)s: %(place)s") % {"level": level.label, "place": accident.place}
            items.append(TodoItem("accident_report", title, accident.pk, due, _url(accident)))
    return items


def investigations_due(user):
    if user.role != Role.BUREAU:
        return []
    accidents = Accident.objects.for_user(user).filter(
        kind=AccidentKind.PRODUCTION, status__in=OPEN_INVESTIGATION
    )
    return [
        TodoItem(
            "accident_investigation",
            _("Investigation report due: %(place)s") % {"place": a.place},
            a.pk,
            a.investigation_deadline,
            _url(a),
        )
        for a in accidents.order_by("occurred_at", "pk")
    ]


def serious_accidents(user):
    if user.role != Role.LEADER:
        return []
    accidents = (
        Accident.objects.for_user(user)
        .filter(grade__in=SERIOUS_GRADES)
        .exclude(status=InvestigationStatus.CLOSED)
    )
    return [
        TodoItem(
            "accident_serious",
            _("%(grade)s accident: %(place)s") % {"grade": a.get_grade_display(), "place": a.place},
            a.pk,
            a.investigation_deadline,
            _url(a),
        )
        for a in accidents.order_by("occurred_at", "pk")
    ]


for kind in (
    TodoKind("accident_report", gettext_lazy("Accident reports due"), reports_due),
    TodoKind("accident_investigation", gettext_lazy("Investigations due"), investigations_due),
    TodoKind("accident_serious", gettext_lazy("Accidents relatively serious and above"), serious_accidents),
):
    register(kind)
