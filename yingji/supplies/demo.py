"""Two warehouses of 芙蓉区 over three years: the district's depot (managed by the bureau's
account) and 东岸街道's point (its street account). Stocked three years ago, issued to each
flood season's events (the emergency demo's, when it ran), topped up after, a transfer to the
point each spring, expired food and water scrapped; the stock is what the movements leave,
a few items below their minimum and a batch of water about to expire. In bulk."""

import datetime

from django.apps import apps

from yingji.accounts.models import User
from yingji.core import demo
from yingji.supplies.choices import MovementKind, WarehouseKind
from yingji.supplies.models import MinimumStock, Movement, StockLevel, SupplyItem, Warehouse

OPENING = {  # item: (depot, point, shelf life in years or None)
    "救生衣": (600, 120, 5), "救生圈": (200, 40, None), "冲锋舟": (6, 0, None), "橡皮艇": (4, 1, None),
    "沙袋": (20000, 3000, None), "编织袋": (30000, 5000, None), "帐篷": (150, 20, None), "折叠床": (300, 40, None),
    "棉被": (500, 60, None), "发电机": (8, 2, None), "抽水泵": (12, 3, None), "应急照明灯": (40, 10, None),
    "手电筒": (200, 50, None), "雨衣": (400, 80, None), "雨靴": (400, 80, None), "灭火器": (300, 60, 5),
    "铁锹": (300, 60, None), "安全绳": (100, 30, None), "应急食品": (400, 0, 2), "饮用水": (600, 0, 1),
}  # fmt: skip
ISSUED = [
    "沙袋",
    "编织袋",
    "救生衣",
    "雨衣",
    "雨靴",
    "铁锹",
    "抽水泵",
    "应急照明灯",
    "帐篷",
    "饮用水",
    "应急食品",
]
MINIMUMS = {"冲锋舟": 8, "救生衣": 500, "沙袋": 15000, "帐篷": 100, "抽水泵": 10, "发电机": 6}


class _Ledger:
    """The stock as the movements leave it, batch by batch (services.py's rules, in memory)."""

    def __init__(self):
        self.rows: dict[tuple, int] = {}
        self.movements: list[Movement] = []

    def put(self, w, item, qty, day, expires=None, **extra):
        key = (w.pk, item.pk, "", expires)
        self.rows[key] = self.rows.get(key, 0) + qty
        batches = [{"batch": "", "expires_on": expires.isoformat() if expires else None, "quantity": qty}]
        if extra.get("record", True):
            self.movements.append(Movement(warehouse=w, item=item, kind=MovementKind.IN, quantity=qty, moved_on=day,
                                           batches=batches, note=extra.get("note", ""), created_by=extra.get("by")))  # fmt: skip

    def take(self, w, item, qty, day, kind, *, to=None, event_id=None, note="", by=None, only_before=None):
        keys = sorted((k for k, v in self.rows.items() if k[0] == w.pk and k[1] == item.pk and v > 0),
                      key=lambda k: (k[3] is None, k[3] or datetime.date.max))  # fmt: skip
        if only_before:
            keys = [k for k in keys if k[3] and k[3] < only_before]
        qty = min(qty, sum(self.rows[k] for k in keys))
        if qty <= 0:
            return
        taken, left = [], qty
        for k in keys:
            part = min(left, self.rows[k])
            self.rows[k] -= part
            taken.append({"batch": "", "expires_on": k[3].isoformat() if k[3] else None, "quantity": part})
            if to is not None:
                self.put(to, item, part, day, k[3], record=False)
            left -= part
            if not left:
                break
        self.movements.append(Movement(warehouse=w, item=item, kind=kind, quantity=qty, moved_on=day, to_warehouse=to,
                                       event_id=event_id, batches=taken, note=note, created_by=by))  # fmt: skip


def _events(ctx) -> list[tuple[int, datetime.date, str]]:
    try:
        event = apps.get_model("emergency", "Event")
    except LookupError:
        return []
    rows = event.objects.filter(region__code__startswith=ctx.district).values_list(
        "pk", "occurred_at", "title"
    )
    return sorted((pk, at.date(), title) for pk, at, title in rows)


@demo.generator("supplies", after=["accounts", "emergency"])
def supplies(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("supplies")
    users = {u.username: u for u in User.objects.filter(username__in=["bureau", "street"])}
    start = ctx.today - datetime.timedelta(days=3 * 365)
    depot, point = Warehouse.objects.bulk_create([
        Warehouse(name="芙蓉区应急物资储备库", kind=WarehouseKind.DEPOT, region_id=ctx.district, address="芙蓉区车站北路459号",
                  manager=users.get("bureau"), longitude=113.0053, latitude=28.1958, established_on=start),
        Warehouse(name="东岸街道应急物资储备点", kind=WarehouseKind.POINT, region_id=f"{ctx.district}015",
                  address="东岸街道东岸路8号", manager=users.get("street"), established_on=start),
    ])  # fmt: skip
    items = {i.name: i for i in SupplyItem.objects.filter(name__in=OPENING)}
    ledger, by = _Ledger(), users.get("bureau")
    for name, (at_depot, at_point, life) in OPENING.items():
        expires = start.replace(year=start.year + life) if life else None
        for w, qty in ((depot, at_depot), (point, at_point)):
            if qty:
                ledger.put(w, items[name], qty, start, expires, note="首次储备", by=by)
    events = _events(ctx)
    for year in range(start.year, ctx.today.year + 1):
        spring = datetime.date(year, 3, 20)
        if start < spring <= ctx.today:
            for name in ("沙袋", "编织袋", "救生衣"):
                ledger.take(depot, items[name], OPENING[name][1] // 2, spring, MovementKind.TRANSFER, to=point,
                            note="汛前调拨至东岸街道", by=by)  # fmt: skip
        season = [e for e in events if e[1].year == year] or [
            (None, datetime.date(year, 6, 1) + datetime.timedelta(days=rng.randrange(50)), "防汛抢险")
        ]
        for event_id, day, title in season:
            if not start < day <= ctx.today:
                continue
            for name in rng.sample(ISSUED, 4):
                w = depot if rng.random() < 0.7 else point
                qty = max(1, int(OPENING[name][0] * rng.uniform(0.05, 0.2)))
                ledger.take(w, items[name], qty, day, MovementKind.OUT, event_id=event_id, note=title, by=by)
        autumn = datetime.date(year, 9, 15)
        if start < autumn <= ctx.today:
            for name in ("应急食品", "饮用水"):
                ledger.take(depot, items[name], 10**6, autumn, MovementKind.SCRAP, only_before=autumn,
                            note="过期报废", by=by)  # fmt: skip
            for name in ("沙袋", "编织袋", "救生衣", "饮用水", "应急食品"):
                shelf = OPENING[name][2]
                expires = autumn.replace(year=year + shelf) if shelf else None
                ledger.put(depot, items[name], OPENING[name][0] // 4, autumn, expires, note="汛后补充", by=by)
    # A batch of water expiring within the month: the manager's to-do shows it.
    ledger.put(depot, items["饮用水"], 80, ctx.today - datetime.timedelta(days=300),
               ctx.today + datetime.timedelta(days=20), note="社会捐赠", by=by)  # fmt: skip
    ledger.movements.sort(key=lambda m: m.moved_on)
    Movement.objects.bulk_create(ledger.movements)
    StockLevel.objects.bulk_create(
        StockLevel(warehouse_id=w, item_id=i, batch=b, expires_on=e, quantity=q)
        for (w, i, b, e), q in ledger.rows.items()
        if q > 0
    )
    MinimumStock.objects.bulk_create(
        MinimumStock(warehouse=depot, item=items[name], minimum=minimum) for name, minimum in MINIMUMS.items()
    )
