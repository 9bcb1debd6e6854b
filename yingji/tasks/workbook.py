"""The lists in and out of Excel, as offices keep them: 职责清单 (单位, 职责事项, 依据) and 任务清单
(单位, 任务, 具体内容, 完成时限). An import is all or nothing: every bad row is reported with its
row number and column, and nothing is recorded unless every row is good. The file is checked by
core/uploads before the parser sees it; exported cells go through core/exports."""

import io

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook

from yingji.audit.services import audit_created
from yingji.core import uploads
from yingji.core.exports import set_cell
from yingji.core.inputs import Errors
from yingji.core.sheets import ImportRejected, Problem, cell_text, first_sheet
from yingji.tasks import permissions, services
from yingji.tasks.models import DutyItem, Task

MAX_ROWS = 5000
LISTS = {
    "duty_items": {"单位": "organisation", "职责事项": "content", "依据": "basis"},
    "tasks": {"单位": "organisation", "任务": "title", "具体内容": "detail", "完成时限": "due_on"},
}
REQUIRED = {"duty_items": ("organisation", "content"), "tasks": ("organisation", "title", "due_on")}


def import_list(*, actor, kind: str, data: bytes) -> int:
    """Import a duty-item or task list; the number of rows recorded."""
    permissions.require(permissions.can_keep(actor))
    columns, required = LISTS[kind], REQUIRED[kind]
    rows = first_sheet(data, uploads.WEB.file_bytes)
    header = next(
        (i for i, row in enumerate(rows[:20]) if set(required) <= {columns.get(cell_text(c)) for c in row}),
        None,
    )
    if header is None:
        names = "、".join(k for k, v in columns.items() if v in required)
        raise ImportRejected([Problem(None, "header", _("No header row with the columns %(names)s.") % {"names": names})])  # fmt: skip
    index = {i: columns[cell_text(c)] for i, c in enumerate(rows[header]) if cell_text(c) in columns}
    label = {v: k for k, v in columns.items()}
    body = [
        (header + 2 + n, row) for n, row in enumerate(rows[header + 1 :]) if any(cell_text(c) for c in row)
    ]
    if len(body) > MAX_ROWS:
        raise ImportRejected([Problem(None, "file", _("At most %(n)d rows at once.") % {"n": MAX_ROWS})])
    problems, made = [], []
    check = services.check_duty_item if kind == "duty_items" else services.check_task
    for number, row in body:
        values = {field: cell_text(row[i]) if i < len(row) else "" for i, field in index.items()}
        errors = Errors()
        made.append(check(errors, actor, **values))
        problems += [Problem(number, label.get(f, f), m) for f, ms in errors.items() for m in ms]
    if problems:
        raise ImportRejected(problems)
    with transaction.atomic():
        for obj in made:
            obj.save()
            audit_created(actor=actor, obj=obj)
    return len(made)


def export_list(*, actor, kind: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "职责清单" if kind == "duty_items" else "任务清单"
    columns = list(LISTS[kind])
    if kind == "tasks":
        columns += ["完成情况"]
    for c, title in enumerate(columns, 1):
        set_cell(sheet.cell(1, c), title)
    if kind == "duty_items":
        records = DutyItem.objects.for_user(actor).select_related("organisation")
        rows = ([d.organisation.name, d.content, d.basis] for d in records)
    else:
        records = Task.objects.for_user(actor).select_related("organisation")
        rows = ([t.organisation.name, t.title, t.detail, t.due_on, f"已完成（{t.done_on}）" if t.done_on else "未完成"] for t in records)  # fmt: skip
    for r, values in enumerate(rows, 2):
        for c, value in enumerate(values, 1):
            set_cell(sheet.cell(r, c), value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
