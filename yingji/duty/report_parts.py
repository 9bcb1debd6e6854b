"""What the duty desk adds to the work summary: 24-hour duty with the leader on duty, the
shifts, the strengthened ones and the lines of the duty log; and, as a problem, the hours the
roster left uncovered (only where the region keeps its roster in Yingji at all)."""

from django.utils.translation import gettext_lazy as _

from yingji.duty.coverage import coverage_for
from yingji.duty.models import Shift
from yingji.regions.scoping import Jurisdiction
from yingji.reports.facts import Facts
from yingji.reports.parts import WorkPart, register_work_part
from yingji.reports.problems import ProblemFinder, register_problem_finder

WORDING = (
    "严格落实24小时应急值守和领导带班制度，安排值班{{ duty.shifts }}班次"
    "（其中节假日和汛期加强值守{{ duty.strengthened }}班次），接报处置各类信息{{ duty.entries }}条。"
)


def _numbers(value) -> dict:
    return {
        "duty": {
            "shifts": value("duty.shifts"),
            "strengthened": value("duty.strengthened_shifts"),
            "entries": value("duty.log_entries"),
        }
    }


register_work_part(
    WorkPart(
        key="work_duty",
        default=WORDING,
        numbers=_numbers,
        order=57,
        heading="严格落实应急值班值守",
        title=_("Section 2, work done: duty"),
        labels={
            "duty.shifts": _("duty shifts"),
            "duty.strengthened": _("strengthened duty shifts"),
            "duty.entries": _("duty log entries"),
        },
        applies=lambda numbers: bool(numbers["duty"]["shifts"]),
    )
)


def duty_gaps(facts: Facts) -> list[str]:
    query = facts.query
    region = query.filters.get("region") or Jurisdiction.of(query.user).region
    first, last = query.period.start, query.cutoff
    if not region or last < first:
        return []
    shifts = Shift.objects.for_user(query.user).filter(region_id=region, starts_at__date__gte=first, starts_at__date__lte=last)  # fmt: skip
    if not shifts.exists():
        return []
    result = coverage_for(query.user, region, first, last)
    problems = []
    if result.gaps:
        problems.append(
            f"值班值守安排存在空档，{len(result.gaps)}个时段共{result.gap_hours_text}小时未安排值班人员。"
        )
    if result.holidays_not_strengthened:
        problems.append(
            f"节假日加强值守落实不到位，{len(result.holidays_not_strengthened)}个法定节假日未安排加强值守。"
        )
    return problems


register_problem_finder(ProblemFinder("duty.gaps", duty_gaps, order=47))
