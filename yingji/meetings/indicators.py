"""Meetings by kind, and interviews (约谈, 家次) by reason."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from yingji.meetings.models import Interview, Meeting
from yingji.stats.catalog import Measure, register

register(
    Measure(
        key="meetings.count", label=_("Committee meetings held"), unit="次", model=Meeting, date_field="held_on",
        aggregate=lambda: Count("id"), dimensions={"kind": "kind"},
        link=lambda q: f"/meetings/?from={q.period.start}&to={q.period.end}",
    ),
    Measure(
        key="interviews.count", label=_("Interviews held"), unit="家次", model=Interview, date_field="held_on",
        aggregate=lambda: Count("id"), dimensions={"reason": "reason"},
        link=lambda q: f"/meetings/?from={q.period.start}&to={q.period.end}",
    ),
)  # fmt: skip
