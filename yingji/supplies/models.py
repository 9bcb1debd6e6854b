"""应急物资: warehouses (储备库/点), the catalogue of supplies, the stock kept per batch and the
movements that change it. A StockLevel row is one (warehouse, item, batch, expiry); every
movement updates the rows it touches in its own transaction, with the warehouse row locked, so
the stock is exact under concurrent movements (services.py)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from yingji.core.models import BaseModel
from yingji.regions.scoping import ScopedQuerySet, ScopeFields
from yingji.supplies.choices import MovementKind, SupplyCategory, WarehouseKind


class SupplyItem(BaseModel):
    """A catalogue entry (shipped: migrations/0002; the administrator edits it)."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    category = models.CharField(_("category"), max_length=16, choices=SupplyCategory.choices)
    unit = models.CharField(_("unit"), max_length=8)
    spec = models.CharField(_("specification"), max_length=100, blank=True)
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["category", "name"]
        verbose_name = _("supply item")

    def __str__(self) -> str:
        return self.name


class Warehouse(BaseModel):
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(
        _("kind"), max_length=8, choices=WarehouseKind.choices, default=WarehouseKind.POINT
    )
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, db_column="region_code")
    address = models.CharField(_("address"), max_length=200)
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    established_on = models.DateField(_("established on"))

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["region_id", "name"]
        verbose_name = _("warehouse")
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="warehouse_name_per_region")]

    def __str__(self) -> str:
        return self.name


class StockLevel(models.Model):
    warehouse = models.ForeignKey(Warehouse, on_delete=models.PROTECT, related_name="stock")
    item = models.ForeignKey(SupplyItem, on_delete=models.PROTECT, related_name="+")
    batch = models.CharField(_("batch"), max_length=32, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    quantity = models.PositiveIntegerField(_("quantity"), default=0)

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="warehouse__region__code")

    class Meta:
        ordering = ["item__category", "item__name", "expires_on", "batch"]
        constraints = [models.CheckConstraint(condition=Q(quantity__gte=0), name="stock_not_negative")]
        indexes = [models.Index(fields=["warehouse", "item"]), models.Index(fields=["expires_on"])]

    def __str__(self) -> str:
        return f"{self.warehouse_id} {self.item_id} {self.batch} {self.expires_on}"


class MinimumStock(models.Model):
    """The least a warehouse should hold of an item (below it: the manager's to-do)."""

    warehouse = models.ForeignKey(Warehouse, on_delete=models.CASCADE, related_name="minimums")
    item = models.ForeignKey(SupplyItem, on_delete=models.PROTECT, related_name="+")
    minimum = models.PositiveIntegerField(_("minimum"))
    set_on = models.DateField(_("set on"), auto_now=True)

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="warehouse__region__code")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["warehouse", "item"], name="one_minimum_per_item")]

    def __str__(self) -> str:
        return f"{self.warehouse_id} {self.item_id} ≥{self.minimum}"


class Movement(models.Model):
    """入库, 出库 (to an event), 调拨 (to another warehouse), 报废. `batches` lists what each
    batch gave or took: [{"batch", "expires_on", "quantity"}]."""

    warehouse = models.ForeignKey(Warehouse, on_delete=models.PROTECT, related_name="movements")
    item = models.ForeignKey(SupplyItem, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=8, choices=MovementKind.choices)
    quantity = models.PositiveIntegerField(_("quantity"))
    moved_on = models.DateField(_("date"), db_index=True)
    to_warehouse = models.ForeignKey(
        Warehouse, on_delete=models.PROTECT, null=True, blank=True, related_name="transfers_in"
    )
    # The emergency module's event (突发事件), a plain reference until that module lands.
    event_id = models.PositiveBigIntegerField(_("event"), null=True, blank=True)
    batches = models.JSONField(default=list)
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="warehouse__region__code")

    class Meta:
        ordering = ["-moved_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gte=1), name="movement_quantity_positive")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.item_id} ×{self.quantity}"

    @property
    def audit_region_code(self) -> str:
        return self.warehouse.region_id
