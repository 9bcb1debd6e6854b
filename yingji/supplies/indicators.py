"""Supplies indicators. Stock is a state, not a flow: the warehouses, kinds and pieces in stock,
the items below their minimum and the pieces expired are what the records hold now (a past
period's stock is not rebuilt), expiry counted against the period's end (or today); the pieces
issued (出库) count on the day of the movement."""

from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from yingji.stats.catalog import Measure, register
from yingji.supplies.choices import MovementKind
from yingji.supplies.models import MinimumStock, Movement, StockLevel, Warehouse

STOCK_LINK = "/supplies/"


def _held():
    total = (
        StockLevel.objects.filter(warehouse=OuterRef("warehouse"), item=OuterRef("item"))
        .values("warehouse", "item")
        .annotate(total=Sum("quantity"))
        .values("total")
    )
    return Coalesce(Subquery(total), 0)


register(
    Measure(
        key="supplies.warehouses",
        label=_("Emergency supply warehouses"),
        unit="个",
        model=Warehouse,
        date_field="established_on",
        aggregate=lambda: Count("id"),
        in_period=lambda q: Q(established_on__lte=q.cutoff),
        link=lambda q: f"{STOCK_LINK}?",
    ),
    Measure(
        key="supplies.stock_kinds",
        label=_("Kinds of supplies in stock"),
        unit="类",
        model=StockLevel,
        date_field="expires_on",
        aggregate=lambda: Count("item", distinct=True),
        in_period=lambda q: Q(quantity__gt=0),
        region_field="warehouse__region_id",
        link=lambda q: f"{STOCK_LINK}?",
    ),
    Measure(
        key="supplies.stock_quantity",
        label=_("Pieces of supplies in stock"),
        unit="件（套）",
        model=StockLevel,
        date_field="expires_on",
        aggregate=lambda: Sum("quantity"),
        in_period=lambda q: Q(quantity__gt=0),
        region_field="warehouse__region_id",
        link=lambda q: f"{STOCK_LINK}?",
    ),
    Measure(
        key="supplies.items_below_minimum",
        label=_("Supplies below their minimum"),
        unit="项",
        model=MinimumStock,
        date_field="set_on",
        aggregate=lambda: Count("id"),
        in_period=lambda q: Q(minimum__gt=_held()),
        region_field="warehouse__region_id",
        link=lambda q: f"{STOCK_LINK}?below_minimum=true",
    ),
    Measure(
        key="supplies.expired",
        label=_("Supplies in stock past their expiry"),
        unit="件（套）",
        model=StockLevel,
        date_field="expires_on",
        aggregate=lambda: Sum("quantity"),
        in_period=lambda q: Q(quantity__gt=0, expires_on__lt=q.cutoff),
        region_field="warehouse__region_id",
        link=lambda q: f"{STOCK_LINK}?expiring=true",
    ),
    Measure(
        key="supplies.movements_out",
        label=_("Supplies issued"),
        unit="件（套）",
        model=Movement,
        date_field="moved_on",
        aggregate=lambda: Sum("quantity"),
        where=lambda q: Q(kind=MovementKind.OUT),
        dimensions={"event": "event_id"},
        region_field="warehouse__region_id",
        link=lambda q: f"{STOCK_LINK}?",
    ),
)
