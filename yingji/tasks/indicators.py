"""Task indicators: the year's tasks (by the year they fall due), those done, those overdue at
the period's end (a stock), and the duty items listed (a stock)."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from yingji.stats.catalog import Measure, Ratio, register
from yingji.tasks.models import DutyItem, Task


def _link(q) -> str:
    return f"/tasks/?from={q.period.start}&to={q.period.end}"


register(
    Measure(
        key="tasks.count", label=_("Tasks falling due"), unit="项", model=Task, date_field="due_on",
        aggregate=lambda: Count("id"), dimensions={"source": "source", "unit": "organisation_id"},
        region_field="organisation__region_id", link=_link,
    ),
    Measure(
        key="tasks.done", label=_("Tasks done"), unit="项", model=Task, date_field="due_on",
        aggregate=lambda: Count("id"), where=lambda q: Q(done_on__isnull=False, done_on__lte=q.cutoff),
        dimensions={"source": "source", "unit": "organisation_id"}, region_field="organisation__region_id", link=_link,
    ),
    Ratio("tasks.done_rate", _("Task completion rate"), "tasks.done", "tasks.count"),
    Measure(
        key="tasks.overdue", label=_("Tasks overdue"), unit="项", model=Task, date_field="due_on",
        in_period=lambda q: Q(due_on__lt=q.cutoff) & (Q(done_on__isnull=True) | Q(done_on__gt=q.cutoff)),
        aggregate=lambda: Count("id"), dimensions={"unit": "organisation_id"}, region_field="organisation__region_id", link=_link,
    ),
    Measure(
        key="duty_items.count", label=_("Duty items listed"), unit="项", model=DutyItem, date_field="created_at__date",
        in_period=lambda q: Q(created_at__date__lte=q.cutoff), aggregate=lambda: Count("id"),
        dimensions={"unit": "organisation_id"}, region_field="organisation__region_id", link=lambda q: "/tasks/duty-items/?",
    ),
)  # fmt: skip
