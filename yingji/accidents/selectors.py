from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, F, OuterRef, Q, Sum
from django.db.models.functions import Coalesce

from yingji.accidents.choices import InvestigationStatus
from yingji.accidents.models import Accident, AccidentMeasure
from yingji.regions.scoping import get_for_user

# Filter name -> ORM lookup; an empty filter is no filter.
LOOKUPS = {
    "region": "region__code__startswith",
    "kind": "kind",
    "domain": "domain",
    "category": "category",
    "industry": "industry",
    "grade": "grade",
    "status": "status",
    "enterprise": "enterprise_id",
    "date_from": "occurred_at__date__gte",  # Beijing dates: the current time zone is Asia/Shanghai
    "date_to": "occurred_at__date__lte",
}
# Sortable columns: `sort` is one of these, or one with a leading "-" (descending).
SORTS = {
    "occurred_at": "occurred_at",
    "deaths": "deaths",
    "direct_loss": "direct_loss",
    "grade": "grade",
    "status": "status",
    "category": "category",
}
TRUE, FALSE = (True, "true", "1", "on"), (False, "false", "0")


def accident_list(*, user, filters: dict):
    """Accidents in the user's jurisdiction, filtered (late: 迟报 or not; open_after_close:
    closed with follow-up measures still open)."""
    lookups = {
        LOOKUPS[name]: value for name, value in filters.items() if name in LOOKUPS and value not in (None, "")
    }
    qs = Accident.objects.for_user(user).filter(**lookups)
    late = filters.get("late")
    if late in TRUE:
        qs = qs.late()
    elif late in FALSE:
        qs = qs.on_time()
    open_measures = AccidentMeasure.objects.filter(accident=OuterRef("pk"), completed_on__isnull=True)
    if filters.get("open_after_close") in TRUE:
        qs = qs.filter(Exists(open_measures), status=InvestigationStatus.CLOSED)
    if filters.get("street"):
        qs = qs.filter(region__code__startswith=filters["street"])
    text = (filters.get("q") or "").strip()
    if text:  # the place, the summary, the enterprise's name or USCC
        qs = qs.filter(
            Q(place__icontains=text)
            | Q(summary__icontains=text)
            | Q(enterprise__name__icontains=text)
            | Q(enterprise__uscc__icontains=text.upper())
        )
    key = filters.get("sort") or ""
    if key.lstrip("-") in SORTS:
        field = F(SORTS[key.lstrip("-")])
        descending = key.startswith("-")
        qs = qs.order_by(
            field.desc(nulls_last=True) if descending else field.asc(nulls_last=True),
            "-id" if descending else "id",
        )
    return qs


def accident_get(*, user, accident_id: int) -> Accident:
    return get_for_user(
        Accident.objects.with_open_measures().select_related("region", "enterprise"), user, pk=accident_id
    )


def accident_totals(queryset) -> dict:
    """起数, 死亡 (and missing), 受伤 and 直接经济损失 of the accidents listed."""
    totals = queryset.order_by().aggregate(
        count=Count("pk"),
        deaths=Coalesce(Sum("deaths"), 0),
        missing=Coalesce(Sum("missing"), 0),
        serious_injuries=Coalesce(Sum("serious_injuries"), 0),
        minor_injuries=Coalesce(Sum("minor_injuries"), 0),
        direct_loss=Sum("direct_loss"),
    )
    loss = totals["direct_loss"] or Decimal(0)
    return totals | {
        "direct_loss": loss,
        "deaths_and_missing": totals["deaths"] + totals["missing"],
        "injured": totals["serious_injuries"] + totals["minor_injuries"],
        "direct_loss_wan": wan(loss),
    }


def wan(yuan: Decimal) -> Decimal:
    """Yuan in 万元, two decimals, half up: how bureau reports print money."""
    return (Decimal(yuan) / 10000).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
