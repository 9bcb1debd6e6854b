"""The business rules of supplies, called by the API, the pages and the stock import alike.

A movement locks its warehouse row (and the destination's, in id order) before it reads the
stock, so concurrent movements of one warehouse run one after the other and the stock never
goes below zero: issuing more than the stock is refused (400), also when two issues race.
Issues, transfers and scrapping take the batches that expire first (先到期先出)."""

import datetime

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.audit.services import audit_created, audit_record, audit_updated, snapshot
from yingji.core import dates
from yingji.core.errors import ApplicationError, full_clean_or_400
from yingji.regions.models import Region
from yingji.regions.scoping import Jurisdiction
from yingji.supplies import permissions
from yingji.supplies.choices import MovementKind, WarehouseKind
from yingji.supplies.models import MinimumStock, Movement, StockLevel, SupplyItem, Warehouse

MAX_QUANTITY = 10_000_000


def _fail(field: str, message: str) -> ApplicationError:
    return ApplicationError(message, errors={field: [message]})


def _text(values: dict, name: str, limit: int, *, required: bool = False) -> str:
    text = str(values.get(name) or "").strip()
    if required and not text:
        raise _fail(name, _("This field is required."))
    if len(text) > limit:
        raise _fail(name, _("At most %(n)d characters.") % {"n": limit})
    return text


def _day(values: dict, name: str, default=None) -> datetime.date | None:
    """A day something happened (core/dates.py): not in the future, not before 2000."""
    return dates.past_date(values.get(name), name) or default


def _expiry(values: dict) -> datetime.date | None:
    day = dates.parse_date(values.get("expires_on"), "expires_on")
    if day is not None and day < dates.EARLIEST:
        raise _fail("expires_on", dates.too_early())
    return day


def _region(user, code) -> Region:
    code = str(code or "").strip()
    if not code:
        raise _fail("region_code", _("This field is required."))
    region = Region.objects.filter(code=code).first()
    if region is None or not Jurisdiction.of(user).contains_region(code):
        raise _fail("region_code", _("Choose a region in your jurisdiction."))
    return region


def _quantity(values: dict, name: str = "quantity", *, minimum: int = 1) -> int:
    raw = values.get(name)
    try:
        number = int(str(raw).strip())
    except (TypeError, ValueError):
        raise _fail(name, _("Enter a whole number.")) from None
    if not minimum <= number <= MAX_QUANTITY:
        raise _fail(
            name, _("Enter a number from %(low)d to %(high)d.") % {"low": minimum, "high": MAX_QUANTITY}
        )
    return number


def item_named(name, field: str = "item") -> SupplyItem:
    item = SupplyItem.objects.filter(name=str(name or "").strip(), active=True).first()
    if item is None:
        raise _fail(field, _("Not an item of the supplies catalogue."))
    return item


def _manager(actor, values: dict):
    from yingji.accounts.models import User

    manager_id = values.get("manager_id")
    if not manager_id:
        return None
    manager = User.objects.for_user(actor).filter(pk=manager_id, is_active=True).first()
    if manager is None:
        raise _fail("manager_id", _("Choose a user in your jurisdiction."))
    return manager


@transaction.atomic
def warehouse_create(*, actor, values: dict) -> Warehouse:
    permissions.require(
        permissions.can_set_up(actor), _("Only the bureau or a street office may set up a warehouse.")
    )
    kind = values.get("kind") or WarehouseKind.POINT
    if kind not in WarehouseKind.values:
        raise _fail("kind", _("Choose a valid kind."))
    warehouse = Warehouse(
        name=_text(values, "name", 100, required=True),
        kind=kind,
        region=_region(actor, values.get("region_code")),
        address=_text(values, "address", 200, required=True),
        manager=_manager(actor, values),
        longitude=values.get("longitude"),
        latitude=values.get("latitude"),
        established_on=_day(values, "established_on", timezone.localdate()),
    )
    if Warehouse.objects.filter(region=warehouse.region, name=warehouse.name).exists():
        raise _fail("name", _("A warehouse of this name exists in the region."))
    full_clean_or_400(warehouse)
    warehouse.save()
    audit_created(actor=actor, obj=warehouse)
    return warehouse


@transaction.atomic
def minimum_set(*, actor, warehouse: Warehouse, item_name: str, minimum) -> MinimumStock:
    permissions.require(permissions.can_move(actor, warehouse))
    item = item_named(item_name)
    number = _quantity({"minimum": minimum}, "minimum", minimum=0)
    row = MinimumStock.objects.filter(warehouse=warehouse, item=item).first()
    before = snapshot(row) if row else None
    row = row or MinimumStock(warehouse=warehouse, item=item, minimum=number)
    row.minimum = number
    row.save()
    if before is None:
        audit_created(actor=actor, obj=row)
    else:
        audit_updated(actor=actor, obj=row, before=before)
    return row


def _lock(*warehouses: Warehouse) -> None:
    ids = sorted({w.pk for w in warehouses})
    list(Warehouse.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk"))


def _take(warehouse, item, quantity: int, *, expires_on=None, batch: str = "") -> list[dict]:
    """Take `quantity` from the warehouse's batches of the item, those expiring first first
    (only the named batch or expiry, when given); refuse when they hold less."""
    rows = StockLevel.objects.select_for_update().filter(warehouse=warehouse, item=item, quantity__gt=0)
    if expires_on:
        rows = rows.filter(expires_on=expires_on)
    if batch:
        rows = rows.filter(batch=batch)
    rows = sorted(rows, key=lambda r: (r.expires_on is None, r.expires_on or datetime.date.max, r.pk))
    held = sum(r.quantity for r in rows)
    if held < quantity:
        message = _("Only %(held)d %(unit)s of %(item)s in stock.") % {
            "held": held,
            "unit": item.unit,
            "item": item.name,
        }
        raise _fail("quantity", message)
    taken, left = [], quantity
    for row in rows:
        part = min(left, row.quantity)
        row.quantity -= part
        row.save(update_fields=["quantity"])
        taken.append(
            {
                "batch": row.batch,
                "expires_on": row.expires_on.isoformat() if row.expires_on else None,
                "quantity": part,
            }
        )
        left -= part
        if not left:
            break
    return taken


def _put(warehouse, item, quantity: int, *, expires_on=None, batch: str = "") -> None:
    row, _created = StockLevel.objects.select_for_update().get_or_create(
        warehouse=warehouse, item=item, batch=batch, expires_on=expires_on
    )
    row.quantity += quantity
    row.save(update_fields=["quantity"])


def movement_record(*, actor, warehouse: Warehouse, values: dict) -> Movement:
    """入库 (with the batch's expiry), 出库 (to an event), 调拨 (to_warehouse_id), 报废."""
    permissions.require(
        permissions.can_move(actor, warehouse),
        _("Only the warehouse's manager, or the bureau or street office over it, may move its stock."),
    )
    kind = values.get("kind")
    if kind not in MovementKind.values:
        raise _fail("kind", _("Choose in, out, transfer or scrap."))
    item = item_named(values.get("item"))
    quantity = _quantity(values)
    moved_on = _day(values, "moved_on", timezone.localdate())
    expires_on = _expiry(values)
    batch = _text(values, "batch", 32)
    event_id = values.get("event_id") or None
    if event_id is not None and (not str(event_id).isdigit() or not 1 <= int(event_id) < 2**63):
        raise _fail("event_id", _("Enter a valid event number."))
    target = None
    if kind == MovementKind.TRANSFER:
        target_id = values.get("to_warehouse_id")
        target = Warehouse.objects.for_user(actor).filter(pk=target_id).first() if target_id else None
        if target is None:
            raise _fail("to_warehouse_id", _("Choose the warehouse to transfer to."))
        if target.pk == warehouse.pk:
            raise _fail("to_warehouse_id", _("Choose another warehouse than this one."))
    elif values.get("to_warehouse_id"):
        raise _fail("to_warehouse_id", _("Only a transfer goes to another warehouse."))
    with transaction.atomic():
        _lock(warehouse, *([target] if target else []))
        if kind == MovementKind.IN:
            _put(warehouse, item, quantity, expires_on=expires_on, batch=batch)
            taken = [
                {
                    "batch": batch,
                    "expires_on": expires_on.isoformat() if expires_on else None,
                    "quantity": quantity,
                }
            ]
        else:
            taken = _take(warehouse, item, quantity, expires_on=expires_on, batch=batch)
            if target:
                for part in taken:
                    _put(target, item, part["quantity"], batch=part["batch"],
                         expires_on=dates.parse_date(part["expires_on"], "expires_on"))  # fmt: skip
        movement = Movement.objects.create(
            warehouse=warehouse, item=item, kind=kind, quantity=quantity, moved_on=moved_on,
            to_warehouse=target, event_id=int(event_id) if event_id else None, batches=taken,
            note=_text(values, "note", 500), created_by=actor if actor.is_authenticated else None,
        )  # fmt: skip
        audit_record(actor=actor, action=f"stock_{kind}", obj=movement, before=None, after=snapshot(movement))
    return movement


def stock_of(warehouse: Warehouse):
    """The warehouse's stock by item and expiry (batches of one expiry added together)."""
    return (
        StockLevel.objects.filter(warehouse=warehouse, quantity__gt=0)
        .values("item__name", "item__unit", "item__category", "expires_on")
        .annotate(quantity=Sum("quantity"))
        .order_by("item__category", "item__name", "expires_on")
    )


@transaction.atomic
def item_save(*, actor, values: dict, item: SupplyItem | None = None) -> SupplyItem:
    permissions.require(
        permissions.can_edit_catalogue(actor), _("Only the administrator edits the catalogue.")
    )
    before = snapshot(item) if item else None
    item = item or SupplyItem()
    for name, limit in (("name", 50), ("unit", 8), ("spec", 100)):
        if name in values or before is None:
            setattr(item, name, _text(values, name, limit, required=name != "spec"))
    if "category" in values or before is None:
        item.category = values.get("category") or ""
    if "active" in values:
        item.active = bool(values["active"])
    if SupplyItem.objects.filter(name=item.name).exclude(pk=item.pk).exists():
        raise _fail("name", _("The catalogue already holds this item."))
    full_clean_or_400(item)
    item.save()
    if before is None:
        audit_created(actor=actor, obj=item)
    else:
        audit_updated(actor=actor, obj=item, before=before)
    return item
