"""The stock table (应急物资储备情况统计表) as XLSX through yingji.core.exports: one row per
warehouse and item of the region, with its total, its minimum and the earliest expiry. The
columns are those the stock import reads back (stock_import.py)."""

from collections.abc import Iterator

from django.db.models import Min, Sum
from django.http import StreamingHttpResponse
from django.utils import timezone

from yingji.core import exports
from yingji.supplies.models import MinimumStock, StockLevel, Warehouse

HEADERS = ("序号", "所属区域", "储备库（点）", "物资名称", "单位", "数量", "最低储备", "最早到期日期")
WIDTHS = (6, 16, 28, 16, 8, 10, 10, 14)
SHEET_NAME = "应急物资储备情况统计表"


def stock_rows(user, region: str | None = None) -> Iterator[list]:
    warehouses = Warehouse.objects.for_user(user, within=region or None)
    minimums = {
        (m.warehouse_id, m.item_id): m.minimum for m in MinimumStock.objects.filter(warehouse__in=warehouses)
    }
    rows = (
        StockLevel.objects.filter(warehouse__in=warehouses, quantity__gt=0)
        .values(
            "warehouse_id",
            "warehouse__name",
            "warehouse__region__name",
            "item_id",
            "item__name",
            "item__unit",
        )
        .annotate(total=Sum("quantity"), first_expiry=Min("expires_on"))
        .order_by("warehouse__region_id", "warehouse__name", "item__category", "item__name")
    )
    for number, r in enumerate(rows, 1):
        yield [
            number, r["warehouse__region__name"], r["warehouse__name"], r["item__name"], r["item__unit"],
            r["total"], minimums.get((r["warehouse_id"], r["item_id"])), r["first_expiry"],
        ]  # fmt: skip


def stock_table_response(user, region: str | None = None) -> StreamingHttpResponse:
    return exports.export_response(
        HEADERS,
        stock_rows(user, region),
        fmt="xlsx",
        filename=f"应急物资储备情况统计表-{timezone.localdate():%Y%m%d}",
        sheet_name=SHEET_NAME,
        widths=WIDTHS,
    )
