"""The demo's two warehouses: the stock is exactly what the movements leave, never negative,
issued to flood events each season, with a batch about to expire and items below the minimum."""

import datetime
from collections import Counter

import pytest

from yingji.core import demo
from yingji.supplies.models import MinimumStock, Movement, StockLevel, Warehouse
from yingji.supplies.selectors import below_minimum, expiring

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 22)


def test_the_stock_is_what_the_movements_leave():
    demo.build(seed=7, size="small", today=TODAY, log=lambda _: None)
    assert Warehouse.objects.count() == 2
    held = Counter()
    for m in Movement.objects.all():
        sign = 1 if m.kind == "in" else -1
        held[(m.warehouse_id, m.item_id)] += sign * m.quantity
        if m.to_warehouse_id:
            held[(m.to_warehouse_id, m.item_id)] += m.quantity
    stock = Counter()
    for s in StockLevel.objects.all():
        stock[(s.warehouse_id, s.item_id)] += s.quantity
    assert +held == +stock
    outs = Movement.objects.filter(kind="out")
    assert {m.moved_on.year for m in outs} >= {2024, 2025, 2026}
    assert (
        Movement.objects.filter(kind="transfer").exists() and Movement.objects.filter(kind="scrap").exists()
    )
    assert MinimumStock.objects.exists() and below_minimum(warehouses=Warehouse.objects.all(), now=TODAY)
    assert expiring(warehouses=Warehouse.objects.all(), today=TODAY).exists()
