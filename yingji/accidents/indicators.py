"""Accident indicators (DOMAIN.md §8). Figures are those the record holds for statistics:
casualty updates inside the legal window are in them, later ones are not. Deaths are
"死亡和下落不明" (dead and missing), as national statistics count them. Slice by `kind`:
`production` is 生产安全事故 (business-related road, water and fire events included)."""

from django.db.models import Count, F, Q, Sum
from django.utils.translation import gettext_lazy as _

from yingji.accidents.models import Accident, late_report
from yingji.stats.catalog import Measure, register

DIMENSIONS = {
    "kind": "kind",
    "domain": "domain",
    "category": "category",
    "industry": "industry",
    "grade": "grade",
    "enterprise": "enterprise_id",
}
SERIOUS_OR_ABOVE = ("relatively_serious", "serious", "extraordinarily_serious")


def _measure(key, label, unit, aggregate, where=lambda q: Q()) -> Measure:
    return Measure(
        key=key,
        label=label,
        unit=unit,
        model=Accident,
        date_field="occurred_at__date",
        month_field="occurred_at",
        aggregate=aggregate,
        where=where,
        dimensions=DIMENSIONS,
        link=lambda q: f"/accidents/?from={q.period.start}&to={q.period.end}",
    )


register(
    _measure("accidents.count", _("Accidents"), "起", lambda: Count("id")),
    _measure("accidents.deaths", _("Deaths (incl. missing)"), "人", lambda: Sum(F("deaths") + F("missing"))),
    _measure("accidents.missing", _("Missing"), "人", lambda: Sum("missing")),
    _measure(
        "accidents.injuries", _("Injured"), "人", lambda: Sum(F("serious_injuries") + F("minor_injuries"))
    ),
    _measure("accidents.serious_injuries", _("Seriously injured"), "人", lambda: Sum("serious_injuries")),
    _measure("accidents.direct_loss", _("Direct economic loss"), "元", lambda: Sum("direct_loss")),
    _measure(
        "accidents.late",
        _("Accidents reported late"),
        "起",
        lambda: Count("id"),
        lambda q: late_report(),  # production accidents only (DOMAIN.md 0.7)
    ),
    _measure(
        "accidents.fatal",
        _("Fatal accidents"),
        "起",
        lambda: Count("id"),
        lambda q: Q(deaths__gt=0) | Q(missing__gt=0),  # 亡人事故: dead or missing
    ),
    _measure(
        "accidents.serious_or_above",
        _("Relatively serious or worse accidents"),
        "起",
        lambda: Count("id"),
        lambda q: Q(grade__in=SERIOUS_OR_ABOVE),
    ),
)
