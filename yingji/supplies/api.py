"""The supplies module's endpoints under /api/v1/ (the router is mounted at the root): warehouses
(储备库/点) with their stock and movements, the minimums, the catalogue."""

import datetime

from django.http import Http404
from ninja import Field, Query, Router, Schema, Status

from yingji.core.api import MAX_ID, Page
from yingji.supplies import export, selectors, services
from yingji.supplies.choices import MovementKind, SupplyCategory, WarehouseKind
from yingji.supplies.models import SupplyItem

router = Router(tags=["supplies"])


class WarehouseOut(Schema):
    id: int
    name: str
    kind: str
    region_code: str
    region_name: str
    address: str
    manager_id: int | None
    manager_name: str | None
    longitude: float | None
    latitude: float | None
    established_on: datetime.date


class WarehousePage(Schema):
    count: int
    page: int
    page_size: int
    results: list[WarehouseOut]


class WarehouseIn(Schema):
    name: str = Field(..., min_length=1, max_length=100)
    region_code: str = Field(..., min_length=2, max_length=12)
    address: str = Field(..., min_length=1, max_length=200)
    kind: WarehouseKind = WarehouseKind.POINT
    manager_id: int | None = Field(None, ge=1, le=MAX_ID)
    longitude: float | None = Field(None, ge=73, le=136)
    latitude: float | None = Field(None, ge=3, le=54)
    established_on: datetime.date | None = Field(None, description="default today")


class WarehouseFilters(Schema):
    region: str | None = Field(None, max_length=12, description="region code prefix")
    q: str | None = Field(None, max_length=100, description="name or address")


class WarehouseStockRow(Schema):
    item: str
    quantity: int
    unit: str
    expires_on: datetime.date | None


class WarehouseStockOut(Schema):
    results: list[WarehouseStockRow]


class StockMovementIn(Schema):
    item: str = Field(..., min_length=1, max_length=50, description="a catalogue item's name")
    kind: MovementKind
    quantity: int = Field(..., ge=1, le=services.MAX_QUANTITY)
    to_warehouse_id: int | None = Field(None, ge=1, le=MAX_ID, description="transfer: the destination")
    event_id: int | None = Field(None, ge=1, le=MAX_ID, description="out: the emergency event (突发事件)")
    note: str = Field("", max_length=500)
    moved_on: datetime.date | None = Field(None, description="default today")
    expires_on: datetime.date | None = Field(None, description="in: the batch's expiry; else take only it")
    batch: str = Field("", max_length=32)


class StockMovementOut(Schema):
    id: int
    warehouse_id: int
    item: str
    unit: str
    kind: str
    quantity: int
    moved_on: datetime.date
    to_warehouse_id: int | None
    event_id: int | None
    batches: list[dict]
    note: str


class StockMinimumIn(Schema):
    item: str = Field(..., min_length=1, max_length=50)
    minimum: int = Field(..., ge=0, le=services.MAX_QUANTITY)


class StockMinimumOut(Schema):
    item: str
    minimum: int


class SupplyItemOut(Schema):
    id: int
    name: str
    category: str
    unit: str
    spec: str
    active: bool


class SupplyItemIn(Schema):
    name: str = Field(..., min_length=1, max_length=50)
    category: SupplyCategory
    unit: str = Field(..., min_length=1, max_length=8)
    spec: str = Field("", max_length=100)
    active: bool = True


class SupplyItemPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=50)
    category: SupplyCategory | None = None
    unit: str | None = Field(None, min_length=1, max_length=8)
    spec: str | None = Field(None, max_length=100)
    active: bool | None = None


class StockTableFilters(Schema):
    region: str | None = Field(None, max_length=12, description="region code prefix")


def warehouse_out(w) -> dict:
    return {
        "id": w.pk, "name": w.name, "kind": w.kind, "region_code": w.region_id, "region_name": w.region.name,
        "address": w.address, "manager_id": w.manager_id, "manager_name": str(w.manager) if w.manager_id else None,
        "longitude": float(w.longitude) if w.longitude is not None else None,
        "latitude": float(w.latitude) if w.latitude is not None else None, "established_on": w.established_on,
    }  # fmt: skip


def movement_out(m) -> dict:
    return {
        "id": m.pk, "warehouse_id": m.warehouse_id, "item": m.item.name, "unit": m.item.unit, "kind": m.kind,
        "quantity": m.quantity, "moved_on": m.moved_on, "to_warehouse_id": m.to_warehouse_id,
        "event_id": m.event_id, "batches": m.batches, "note": m.note,
    }  # fmt: skip


def _warehouse(request, warehouse_id: int):
    if not 1 <= warehouse_id <= MAX_ID:
        raise Http404
    return selectors.warehouse_get(user=request.auth, warehouse_id=warehouse_id)


@router.get("/warehouses", response=WarehousePage)
def warehouse_list(request, filters: Query[WarehouseFilters], pagination: Query[Page.Input]):
    """The warehouses (储备库/点) in the caller's jurisdiction."""
    qs = selectors.warehouse_list(user=request.auth, filters=filters.dict())
    start = (pagination.page - 1) * pagination.page_size
    return {
        "count": qs.count(), "page": pagination.page, "page_size": pagination.page_size,
        "results": [warehouse_out(w) for w in qs[start : start + pagination.page_size]],
    }  # fmt: skip


@router.post("/warehouses", response={201: WarehouseOut})
def warehouse_create(request, payload: WarehouseIn):
    """Set up a warehouse (the bureau, a street office, the administrator) in the caller's region."""
    warehouse = services.warehouse_create(actor=request.auth, values=payload.dict())
    return Status(201, warehouse_out(_warehouse(request, warehouse.pk)))


@router.get("/warehouses/stock-table", response={200: None})
def stock_table(request, filters: Query[StockTableFilters]):
    """The stock per warehouse and item of the caller's region (物资储备情况统计表) as XLSX."""
    return export.stock_table_response(request.auth, region=filters.region)


@router.get("/warehouses/{warehouse_id}", response=WarehouseOut)
def warehouse_detail(request, warehouse_id: int):
    return warehouse_out(_warehouse(request, warehouse_id))


@router.get("/warehouses/{warehouse_id}/stock", response=WarehouseStockOut)
def warehouse_stock(request, warehouse_id: int):
    """What the warehouse holds, by item and expiry."""
    rows = services.stock_of(_warehouse(request, warehouse_id))
    return {"results": [{"item": r["item__name"], "quantity": r["quantity"], "unit": r["item__unit"],
                         "expires_on": r["expires_on"]} for r in rows]}  # fmt: skip


@router.get("/warehouses/{warehouse_id}/movements", response=list[StockMovementOut])
def movement_list(request, warehouse_id: int):
    """The warehouse's movements, the transfers into it included (newest first, the last 500)."""
    return [movement_out(m) for m in selectors.movements_of(_warehouse(request, warehouse_id))[:500]]


@router.post("/warehouses/{warehouse_id}/movements", response={201: StockMovementOut})
def movement_create(request, warehouse_id: int, payload: StockMovementIn):
    """入库 (in, with the batch's expiry), 出库 (out, to an event), 调拨 (transfer, to_warehouse_id),
    报废 (scrap). Taking more than the stock holds is a 400, also when two issues race."""
    warehouse = _warehouse(request, warehouse_id)
    movement = services.movement_record(actor=request.auth, warehouse=warehouse, values=payload.dict())
    return Status(201, movement_out(movement))


@router.put("/warehouses/{warehouse_id}/minimums", response=StockMinimumOut)
def minimum_set(request, warehouse_id: int, payload: StockMinimumIn):
    """The least the warehouse should hold of an item (0: no minimum)."""
    row = services.minimum_set(
        actor=request.auth,
        warehouse=_warehouse(request, warehouse_id),
        item_name=payload.item,
        minimum=payload.minimum,
    )
    return {"item": row.item.name, "minimum": row.minimum}


@router.get("/supply-items", response=list[SupplyItemOut])
def item_list(request):
    """The catalogue of supplies."""
    return list(SupplyItem.objects.all())


@router.post("/supply-items", response={201: SupplyItemOut})
def item_create(request, payload: SupplyItemIn):
    """Add an item to the catalogue (the administrator)."""
    return Status(201, services.item_save(actor=request.auth, values=payload.dict()))


@router.patch("/supply-items/{item_id}", response=SupplyItemOut)
def item_edit(request, item_id: int, payload: SupplyItemPatch):
    """Edit a catalogue item (the administrator)."""
    if not 1 <= item_id <= MAX_ID:
        raise Http404
    item = SupplyItem.objects.filter(pk=item_id).first()
    if item is None:
        raise Http404
    return services.item_save(actor=request.auth, values=payload.dict(exclude_none=True), item=item)
