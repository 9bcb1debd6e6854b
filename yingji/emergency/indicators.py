"""Emergency indicators. Responses count as the seeds do ("启动防汛应急响应Ⅳ级2次、Ⅲ级1次"): each
level a response started at or was raised to is one 启动 of that level (a Ⅳ raised to Ⅲ counts
Ⅳ once and Ⅲ once); a lowering starts nothing. The register and the shelters are stocks: what
stood at the period's end."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from yingji.emergency.choices import ChangeKind
from yingji.emergency.models import (
    Evacuation,
    Event,
    EventReport,
    ResponseChange,
    Shelter,
    SpecialPerson,
    complete_q,
)
from yingji.stats.catalog import Measure, register


def _stock(q) -> Q:
    return Q(registered_on__lte=q.cutoff)


register(
    Measure(
        key="events.count", label=_("Emergency events"), unit="起", model=Event,
        date_field="occurred_at__date", month_field="occurred_at", aggregate=lambda: Count("id"),
        dimensions={"type": "type", "status": "status"},
        link=lambda q: f"/emergency/events/?from={q.period.start}&to={q.period.end}",
    ),
    Measure(
        key="event_reports.late", label=_("Information reports made late"), unit="次", model=EventReport,
        date_field="made_at__date", month_field="made_at", aggregate=lambda: Count("id"),
        where=lambda q: Q(late=True), region_field="event__region_id",
        dimensions={"kind": "kind", "channel": "channel", "type": "event__type"},
        link=lambda q: f"/emergency/events/?from={q.period.start}&to={q.period.end}",
    ),
    Measure(
        key="responses.count", label=_("Emergency responses started (by level)"), unit="次", model=ResponseChange,
        date_field="at__date", month_field="at", aggregate=lambda: Count("id"),
        where=lambda q: Q(kind__in=(ChangeKind.START, ChangeKind.RAISE)), region_field="response__region_id",
        dimensions={"level": "to_level", "type": "response__type"},
        link=lambda q: f"/emergency/responses/?from={q.period.start}&to={q.period.end}",
    ),
    Measure(
        key="evacuations.people", label=_("People evacuated"), unit="人", model=Evacuation,
        date_field="date", aggregate=lambda: Sum("people"),
        dimensions={"event": "event_id", "event_type": "event__type"},
        link=lambda q: f"/emergency/evacuations/?from={q.period.start}&to={q.period.end}",
    ),
    Measure(
        key="evacuations.special_group_people", label=_("Special-group people evacuated"), unit="人",
        model=Evacuation, date_field="date", aggregate=lambda: Sum("special_group_people"),
        dimensions={"event": "event_id", "event_type": "event__type"},
        link=lambda q: f"/emergency/evacuations/?from={q.period.start}&to={q.period.end}",
    ),
    Measure(
        key="special_groups.registered", label=_("Special-group members registered"), unit="人",
        model=SpecialPerson, date_field="registered_on", in_period=_stock, aggregate=lambda: Count("id"),
        dimensions={"category": "category", "risk_area": "risk_area"},
        link=lambda q: "/emergency/special-groups/?",
    ),
    Measure(
        key="special_groups.complete", label=_("Special-group members with the 四个一 complete"), unit="人",
        model=SpecialPerson, date_field="registered_on", in_period=_stock, where=lambda q: complete_q(),
        aggregate=lambda: Count("id"), dimensions={"category": "category", "risk_area": "risk_area"},
        link=lambda q: "/emergency/special-groups/?",
    ),
    Measure(
        key="shelters.capacity", label=_("Shelter capacity"), unit="人", model=Shelter,
        date_field="created_at__date", in_period=lambda q: Q(), aggregate=lambda: Sum("capacity"),
        link=lambda q: "/emergency/shelters/?",
    ),
)  # fmt: skip
