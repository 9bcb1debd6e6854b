"""Duty indicators: shifts (班次) on the roster — those strengthened for holidays and the flood
season apart — and the duty log's lines (接报处置), by kind. Coverage gaps are hours, not
records: duty/coverage.py works them out and the summary's problem finder reports them."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from yingji.duty.models import LogEntry, Shift
from yingji.stats.catalog import Measure, register


def _begun(q) -> Q:
    """Shifts begun in the period by its end or today: a roster planned ahead is not yet duty done."""
    return Q(starts_at__date__gte=q.period.start, starts_at__date__lte=q.cutoff)


register(
    Measure(
        key="duty.shifts", label=_("Duty shifts"), unit="班次", model=Shift, date_field="starts_at__date",
        month_field="starts_at", in_period=_begun, aggregate=lambda: Count("id"), dimensions={"strengthened": "strengthened"},
        link=lambda q: f"/duty/roster/?from={q.period.start}&to={q.period.end}",
    ),
    Measure(
        key="duty.strengthened_shifts", label=_("Strengthened duty shifts"), unit="班次", model=Shift,
        date_field="starts_at__date", month_field="starts_at", in_period=_begun, aggregate=lambda: Count("id"),
        where=lambda q: Q(strengthened=True), link=lambda q: f"/duty/roster/?from={q.period.start}&to={q.period.end}",
    ),
    Measure(
        key="duty.log_entries", label=_("Duty log entries"), unit="条", model=LogEntry, date_field="at__date",
        month_field="at", aggregate=lambda: Count("id"), dimensions={"kind": "kind"},
        link=lambda q: f"/duty/?from={q.period.start}&to={q.period.end}",
    ),
)  # fmt: skip
