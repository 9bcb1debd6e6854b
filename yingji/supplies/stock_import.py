"""Stock from a spreadsheet (the stock table's columns: 储备库（点）, 物资名称, 数量, and optionally
到期日期 and 批次): each row is recorded as a stock-in (入库) of its warehouse, through the same
service as the pages and the API. All or nothing: every bad row is reported with its row number
and column, and nothing is recorded unless every row is good. The file is checked by
core/uploads.check_upload before the parser sees it."""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from yingji.core import uploads
from yingji.core.errors import ApplicationError
from yingji.core.sheets import ImportRejected, Problem, cell_text, first_sheet
from yingji.supplies import permissions, services
from yingji.supplies.models import Warehouse

MAX_BYTES = uploads.WEB.file_bytes
MAX_ROWS = 5000
COLUMNS = {"储备库（点）": "warehouse", "储备库": "warehouse", "物资名称": "item", "数量": "quantity",
           "到期日期": "expires_on", "最早到期日期": "expires_on", "批次": "batch"}  # fmt: skip
REQUIRED = ("warehouse", "item", "quantity")


@dataclass(frozen=True)
class Result:
    rows: int
    pieces: int


def _read(data: bytes) -> list[list]:
    return first_sheet(data, MAX_BYTES)


def _header(rows: list[list]) -> tuple[int, dict[int, str]]:
    for index, row in enumerate(rows[:20]):
        columns = {i: COLUMNS[cell_text(c)] for i, c in enumerate(row) if cell_text(c) in COLUMNS}
        if set(REQUIRED) <= set(columns.values()):
            return index, columns
    names = "、".join(k for k, v in COLUMNS.items() if v in REQUIRED and k != "储备库")
    raise ImportRejected(
        [Problem(None, "header", _("No header row with the columns %(names)s.") % {"names": names})]
    )


def import_stock(*, actor, data: bytes) -> Result:
    permissions.require(
        permissions.can_set_up(actor), _("Only the bureau or a street office may import stock.")
    )
    rows = _read(data)
    start, columns = _header(rows)
    body = [(start + 2 + n, row) for n, row in enumerate(rows[start + 1 :]) if any(cell_text(c) for c in row)]
    if len(body) > MAX_ROWS:
        raise ImportRejected([Problem(None, "file", _("At most %(n)d rows at once.") % {"n": MAX_ROWS})])
    warehouses: dict[str, list[Warehouse]] = {}
    for w in Warehouse.objects.for_user(actor):
        warehouses.setdefault(w.name, []).append(w)
    problems, plan = [], []
    for number, row in body:
        values = {field: cell_text(row[i]) if i < len(row) else "" for i, field in columns.items()}
        found = warehouses.get(values["warehouse"], [])
        if len(found) != 1:
            message = (
                _("No warehouse of this name in your jurisdiction.")
                if not found
                else _("Two warehouses have this name.")
            )
            problems.append(Problem(number, "储备库（点）", message))
            continue
        if not permissions.can_move(actor, found[0]):
            problems.append(Problem(number, "储备库（点）", _("You may not move this warehouse's stock.")))
            continue
        plan.append((number, found[0], values))
    if problems:
        raise ImportRejected(problems)
    pieces = 0
    with transaction.atomic():
        for number, warehouse, values in plan:
            try:
                with transaction.atomic():
                    movement = services.movement_record(
                        actor=actor, warehouse=warehouse,
                        values={"kind": "in", "item": values["item"], "quantity": values["quantity"],
                                "expires_on": values.get("expires_on", ""), "batch": values.get("batch", ""),
                                "note": _("Imported from a spreadsheet")},
                    )  # fmt: skip
                    pieces += movement.quantity
            except ApplicationError as error:
                for field, messages in error.errors.items():
                    column = {
                        "item": "物资名称",
                        "quantity": "数量",
                        "expires_on": "到期日期",
                        "batch": "批次",
                    }.get(field, field)
                    problems.extend(Problem(number, column, m) for m in messages)
        if problems:  # raised inside the transaction: nothing is recorded
            raise ImportRejected(problems)
    return Result(rows=len(plan), pieces=pieces)
