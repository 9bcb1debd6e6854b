"""Every supplies indicator against records built for it, the paragraph, the expired-supplies
problem and the manager's to-do."""

import datetime

import pytest
from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.notifications.todo import todo_for
from yingji.reports.facts import Facts
from yingji.reports.parts import WORK_PARTS
from yingji.stats.catalog import CATALOG, Query
from yingji.stats.periods import period_of
from yingji.supplies import services
from yingji.supplies.models import StockLevel
from yingji.supplies.report_parts import expired_supplies
from yingji.supplies.tests.conftest import move

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def records(bureau, street, keeper, outsider, depot, point):
    """depot: 救生衣 100 (expired yesterday 30, in 10 days 70), 沙袋 2000 of which 300 issued
    this year and 200 transferred to the point, 冲锋舟 2 with a minimum of 4; the point: 帐篷 20
    with a minimum of 10, and the 200 沙袋. 天心区: a depot with 50 沙袋."""
    move(keeper, depot, "in", "救生衣", 30, expires_on=(TODAY - datetime.timedelta(days=1)).isoformat())
    move(keeper, depot, "in", "救生衣", 70, expires_on=(TODAY + datetime.timedelta(days=10)).isoformat())
    move(keeper, depot, "in", "沙袋", 2000)
    move(keeper, depot, "out", "沙袋", 300, event_id=7, moved_on=TODAY.isoformat())
    move(keeper, depot, "transfer", "沙袋", 200, to_warehouse_id=point.pk)
    move(keeper, depot, "in", "冲锋舟", 2)
    services.minimum_set(actor=keeper, warehouse=depot, item_name="冲锋舟", minimum=4)
    move(street, point, "in", "帐篷", 20)
    services.minimum_set(actor=street, warehouse=point, item_name="帐篷", minimum=10)
    far = services.warehouse_create(
        actor=outsider, values={"name": "天心区储备库", "region_code": "430103", "address": "x"}
    )
    move(outsider, far, "in", "沙袋", 50)


def _value(user, key, **filters):
    return CATALOG[key].value(Query(user=user, period=period_of(TODAY.year, "year"), filters=filters))


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("supplies.warehouses", 2),
        ("supplies.stock_kinds", 4),  # 救生衣, 沙袋, 冲锋舟, 帐篷
        ("supplies.stock_quantity", 100 + 1500 + 2 + 20 + 200),
        ("supplies.items_below_minimum", 1),  # 冲锋舟 2 < 4; 帐篷 20 ≥ 10
        ("supplies.expired", 30),
        ("supplies.movements_out", 300),  # the transfer is not an issue
    ],
)
def test_indicators_count_what_was_built(bureau, records, key, expected):
    assert _value(bureau, key) == expected


def test_scoping_of_the_indicators(street, outsider, records):
    assert _value(street, "supplies.stock_quantity") == 220
    assert _value(street, "supplies.items_below_minimum") == 0
    assert _value(outsider, "supplies.stock_quantity") == 50
    assert _value(outsider, "supplies.movements_out") == 0


def test_the_paragraph_and_the_problem(bureau, records):
    query = Query(user=bureau, period=period_of(TODAY.year, "year"))
    numbers = WORK_PARTS["work_supplies"].numbers(lambda key, **f: CATALOG[key].value(query))
    assert numbers == {"supplies": {"warehouses": 2, "kinds": 4, "pieces": 1822}}
    [problem] = expired_supplies(Facts(query, query))
    assert "仍有30件（套）储备物资超过有效期" in problem
    StockLevel.objects.filter(quantity=30).update(quantity=0)
    assert (
        expired_supplies(Facts(query2 := Query(user=bureau, period=period_of(TODAY.year, "year")), query2))
        == []
    )


def test_the_managers_to_do(keeper, street, records):
    kinds = sorted((i.kind, i.title) for i in todo_for(keeper))
    assert [k for k, _t in kinds] == ["supplies_expiring", "supplies_expiring", "supplies_low"]
    low = _("%(warehouse)s: %(item)s %(held)d of at least %(minimum)d %(unit)s")
    assert kinds[2][1] == low % {
        "warehouse": "区应急物资储备库",
        "item": "冲锋舟",
        "held": 2,
        "minimum": 4,
        "unit": "艘",
    }
    assert [i.kind for i in todo_for(street)] == []  # the point has no manager
