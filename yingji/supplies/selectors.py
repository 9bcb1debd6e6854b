"""Reads of supplies, always through the user's jurisdiction (outside: 404)."""

import datetime

from django.db.models import Q, Sum
from django.utils import timezone

from yingji.regions.scoping import get_for_user
from yingji.supplies.choices import EXPIRY_WARNING_DAYS
from yingji.supplies.models import MinimumStock, Movement, StockLevel, Warehouse


def warehouse_list(*, user, filters: dict | None = None):
    filters = filters or {}
    qs = Warehouse.objects.for_user(user, within=filters.get("region") or None).select_related(
        "region", "manager"
    )
    if q := filters.get("q"):
        qs = qs.filter(Q(name__contains=q) | Q(address__contains=q))
    if filters.get("manager"):
        qs = qs.filter(manager_id=filters["manager"])
    return qs


def warehouse_get(*, user, warehouse_id: int) -> Warehouse:
    return get_for_user(Warehouse.objects.select_related("region", "manager"), user, pk=warehouse_id)


def movements_of(warehouse: Warehouse):
    return Movement.objects.filter(Q(warehouse=warehouse) | Q(to_warehouse=warehouse)).select_related(
        "item", "warehouse", "to_warehouse", "created_by"
    )


def below_minimum(user=None, *, warehouses=None, now: datetime.date | None = None):
    """The (warehouse, item) minimums not met now: [(MinimumStock, held)]."""
    qs = MinimumStock.objects.for_user(user) if user is not None else MinimumStock.objects.all()
    if warehouses is not None:
        qs = qs.filter(warehouse__in=warehouses)
    held = {
        (r["warehouse_id"], r["item_id"]): r["total"]
        for r in StockLevel.objects.filter(warehouse__in=qs.values("warehouse"))
        .values("warehouse_id", "item_id")
        .annotate(total=Sum("quantity"))
    }
    rows = qs.select_related("warehouse", "item").order_by("warehouse_id", "item__name")
    return [
        (m, held.get((m.warehouse_id, m.item_id), 0))
        for m in rows
        if held.get((m.warehouse_id, m.item_id), 0) < m.minimum
    ]


def expiring(*, warehouses, today: datetime.date | None = None, days: int = EXPIRY_WARNING_DAYS):
    """Batches in stock that expire within `days` (or have expired)."""
    today = today or timezone.localdate()
    return (
        StockLevel.objects.filter(
            warehouse__in=warehouses, quantity__gt=0, expires_on__lte=today + datetime.timedelta(days=days)
        )
        .select_related("warehouse", "item")
        .order_by("expires_on", "pk")
    )
