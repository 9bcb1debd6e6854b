"""隐患排查治理台账 (DOMAIN.md §0.3): the ledger template, its import and its export.

Import is all or nothing, in three steps that the benchmark times apart: `ledger_read`
finds the header row and the data rows of an xlsx/xls/csv file, `ledger_validate` checks
every row against the rules of the template and reports every problem of every row, and
`ledger_write` writes a clean file in one transaction. A ledger runs to 100,000 rows, so
the write is a bulk path instead of services.hazard_register per row; it applies the same
rules (jurisdiction, dates, the model's constraints) and leaves the same trail: a timeline
event per hazard and one audit entry for the import.

Export writes the same template, so that an exported file imports back unchanged.
"""

import csv
import datetime
import functools
import gc
import hashlib
import io
import itertools
import json
import os
import re
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.db.models import Q
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from python_calamine import CalamineError, CalamineWorkbook
from stdnum.cn import uscc as uscc_number

from yingji.audit.services import audit_record
from yingji.core.errors import ApplicationError
from yingji.enterprises.models import Enterprise
from yingji.hazards import permissions, selectors
from yingji.hazards.choices import HazardLevel, HazardSource, HazardStatus
from yingji.hazards.models import Hazard, HazardEvent
from yingji.regions.models import CODE_LENGTHS

S = HazardStatus


@dataclass(frozen=True)
class Column:
    header: str
    key: str  # the ParsedRow attribute it fills
    kind: str = "text"  # text, date, funds, level, source, status, ignore
    max_length: int = 0
    width: int = 14  # in the exported sheet, in characters


COLUMNS = (
    Column("序号", "", "ignore", width=7),
    Column("单位名称", "enterprise_name", max_length=200, width=28),
    Column("统一社会信用代码", "uscc", max_length=18, width=22),
    Column("隐患描述", "description", max_length=5000, width=40),
    Column("隐患部位", "location", max_length=200),
    Column("隐患类别", "category", max_length=200, width=16),
    Column("隐患等级", "level", "level", width=10),
    Column("隐患来源", "source", "source", width=12),
    Column("发现日期", "found_at", "date", width=12),
    Column("整改措施", "measures", max_length=5000, width=30),
    Column("整改责任人", "responsible", max_length=100, width=12),
    Column("整改期限", "deadline", "date", width=12),
    Column("整改资金（元）", "funds", "funds"),
    Column("整改完成日期", "rectified_at", "date"),
    Column("验收人", "verifier", max_length=100, width=10),
    Column("验收日期", "verified_at", "date", width=12),
    Column("状态", "status", "status", width=10),
    Column("备注", "note", max_length=5000, width=24),
)
HEADERS = tuple(c.header for c in COLUMNS)
BY_HEADER = {c.header: c for c in COLUMNS} | {"整改资金": COLUMNS[12]}
ORDER = {c.header: i for i, c in enumerate(COLUMNS)}
DESCRIPTION, NAME, USCC = "隐患描述", "单位名称", "统一社会信用代码"
REQUIRED_HEADERS = ("隐患描述", "隐患等级", "发现日期")

# The labels export writes; import also takes the aliases and the API codes.
LEVEL_LABELS = {HazardLevel.GENERAL: "一般", HazardLevel.MAJOR: "重大"}
SOURCE_LABELS = {
    HazardSource.SELF_CHECK: "企业自查",
    HazardSource.INSPECTION: "监管检查",
    HazardSource.COMPLAINT: "举报",
    HazardSource.LEADER_CHECK: "领导带队检查",
    HazardSource.OTHER: "其他",
}
STATUS_LABELS = {
    S.REPORTED: "待整改",
    S.RECTIFYING: "整改中",
    S.AWAITING_REVIEW: "待验收",
    S.RECTIFIED: "已整改",
    S.CLOSED: "已销号",
    # Not in the template's list, but export writes it, and an exported file must import back.
    S.CANCELLED: "已撤销",
}
CHOICES = {
    "level": {v: k for k, v in LEVEL_LABELS.items()}
    | {"一般隐患": HazardLevel.GENERAL, "一般事故隐患": HazardLevel.GENERAL}
    | {"重大隐患": HazardLevel.MAJOR, "重大事故隐患": HazardLevel.MAJOR},
    "source": {v: k for k, v in SOURCE_LABELS.items()},
    "status": {v: k for k, v in STATUS_LABELS.items()} | {"已登记": S.REPORTED},
}
for _codes in CHOICES.values():
    _codes.update({str(code): code for code in set(_codes.values())})
CHOICE_HINTS = {
    "level": " / ".join(LEVEL_LABELS.values()),
    "source": " / ".join(SOURCE_LABELS.values()),
    "status": " / ".join(STATUS_LABELS.values()),
}
NEEDS_DEADLINE = frozenset({S.RECTIFYING, S.AWAITING_REVIEW, S.RECTIFIED, S.CLOSED})  # 整改中 or later
NEEDS_RECTIFIED_AT = frozenset({S.RECTIFIED, S.CLOSED})

# A date before this is a typo, not a hazard (the ledger itself dates from Order 16 of 2007).
MIN_DATE, MAX_DATE = datetime.date(2000, 1, 1), datetime.date(2099, 12, 31)
EXCEL_EPOCH = datetime.date(1899, 12, 30)  # serial 61 is 1900-03-01 (Excel's phantom 1900-02-29)
CENT, MAX_FUNDS = Decimal("0.01"), Decimal(10) ** 12  # funds: max_digits 14, 2 decimal places
MAX_FILE_BYTES = 100 * 1024 * 1024  # about 1.2 million rows of xlsx as export writes them
MAX_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024  # what an xlsx may inflate to: no zip bombs
ENTERPRISE_CHUNK = 2000  # names and codes per enterprise query (database parameter limits)
BATCH = 5000

_SPACE = re.compile(r"\s+")
_DATE = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_DATE_ZH = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日?")


def _without_gc(function):
    """A ledger's cells, rows and hazards are made by the hundred thousand and kept, none of them
    garbage; the cyclic collector would walk them over and over (a third of the time to read
    a file, bench/README.md), so it waits until the step is done."""

    @functools.wraps(function)
    def step(*args, **kwargs):
        enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return step


# Errors ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    row: int  # as the spreadsheet numbers it: the sheet's first row is 1
    column: str  # the template header
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


class LedgerError(ApplicationError):
    """A file that cannot be imported: the file's own problems, or every problem of every row."""

    def __init__(self, *, file: Iterable[str] = (), rows: Iterable[RowError] = ()):
        self.file = list(file)
        self.rows = sorted(rows, key=lambda e: (e.row, ORDER.get(e.column, 99)))
        errors: dict = {}
        if self.file:
            errors["file"] = self.file
        if self.rows:
            errors["rows"] = [e.as_dict() for e in self.rows]
        if self.file:
            summary = self.file[0]
        else:
            summary = _("%(count)s problems in the file; nothing was imported.") % {"count": len(self.rows)}
        super().__init__(summary, errors=errors)

    def lines(self) -> list[str]:
        """One line per problem, for the command line."""
        return self.file + [_("Row %(row)s [%(column)s] %(message)s") % e.as_dict() for e in self.rows]


class _Bad(Exception):
    """A cell that does not hold what its column asks for."""


# Reading -----------------------------------------------------------------------------


@dataclass
class Sheet:
    columns: list[tuple[int, Column]]  # position in the row -> template column
    rows: list[tuple[int, list]]  # (row number, cells) of each data row


def _header_key(cell) -> str:
    return _SPACE.sub("", str(cell)).replace("(", "（").replace(")", "）")


@_without_gc
def ledger_read(data: bytes) -> Sheet:
    """The template's columns and the data rows of an xlsx, xls, ods or csv file."""
    if len(data) > MAX_FILE_BYTES:
        raise LedgerError(file=[_("The file is larger than %(mb)s MB.") % {"mb": MAX_FILE_BYTES >> 20}])
    if data[:4] == b"PK\x03\x04" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        tables = _workbook_tables(data)
    else:
        tables = iter([_csv_table(data)])
    for table in tables:
        header = next((i for i, row in enumerate(table) if _has_description(row)), None)
        if header is not None:
            return _sheet(table, header)
    raise LedgerError(file=[_("No header row: no cell of the file reads 隐患描述.")])


def _has_description(row: list) -> bool:
    return any(isinstance(cell, str) and "述" in cell and _header_key(cell) == DESCRIPTION for cell in row)


def _workbook_tables(data: bytes) -> Iterator[list[list]]:
    unreadable = _("The file is not a readable xlsx, xls or csv file.")
    try:
        if data[:2] == b"PK":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if sum(i.file_size for i in archive.infolist()) > MAX_UNPACKED_BYTES:
                    raise LedgerError(file=[unreadable])
        book = CalamineWorkbook.from_object(io.BytesIO(data))
        for name in book.sheet_names:
            # skip_empty_area=False keeps the sheet's own row numbers: row 1 is rows[0].
            yield book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except (
        CalamineError,
        zipfile.BadZipFile,
        ValueError,
        OSError,
        EOFError,
        NotImplementedError,
        RuntimeError,
    ):
        raise LedgerError(file=[unreadable]) from None


def _csv_table(data: bytes) -> list[list]:
    # Excel in China saves csv as GB18030 (GBK), and "Unicode text" as UTF-16 with tabs.
    encodings = ("utf-16",) if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise LedgerError(file=[_("The file is not a readable xlsx, xls or csv file.")])
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    try:
        return [
            [_unguard(cell) for cell in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)
        ]
    except csv.Error:
        raise LedgerError(file=[_("The file is not a readable xlsx, xls or csv file.")]) from None


def _unguard(cell: str) -> str:
    # Export writes '=… for a text that would otherwise run as a formula in Excel.
    return cell[1:] if cell[:1] == "'" and cell[1:2] in FORMULA_STARTS else cell


def _sheet(table: list[list], header: int) -> Sheet:
    columns, seen, problems = [], set(), []
    for position, cell in enumerate(table[header]):
        column = BY_HEADER.get(_header_key(cell)) if isinstance(cell, str) else None
        if column is None:
            continue  # a column the template does not know is left alone
        if column.header in seen:
            problems.append(_("The column %(header)s appears twice.") % {"header": column.header})
        seen.add(column.header)
        if column.kind != "ignore":
            columns.append((position, column))
    problems += [
        _("The column %(header)s is missing.") % {"header": h} for h in REQUIRED_HEADERS if h not in seen
    ]
    if NAME not in seen and USCC not in seen:
        problems.append(
            _("The columns 单位名称 and 统一社会信用代码 are both missing: one must identify the enterprise.")
        )
    if problems:
        raise LedgerError(file=problems)
    at = next(p for p, c in columns if c.header == DESCRIPTION)
    # Data ends at the last row with a description: notes below it are not hazards.
    last = max(
        (i for i in range(header + 1, len(table)) if at < len(table[i]) and not _blank(table[i][at])),
        default=header,
    )
    # A row with nothing in the template's columns (a blank line, a lone 序号) is no hazard.
    rows = [
        (i + 1, table[i])
        for i in range(header + 1, last + 1)
        if not all(_blank(table[i][p]) for p, _c in columns if p < len(table[i]))
    ]
    if not rows:
        raise LedgerError(file=[_("The file has no hazard rows under its header.")])
    return Sheet(columns=columns, rows=rows)


def _blank(cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


# Cells -------------------------------------------------------------------------------


def _text(value, column: Column | None = None) -> str:
    if isinstance(value, str):
        text = value.strip()
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))  # a code or phone number typed as a number
    elif isinstance(value, datetime.datetime):
        text = value.isoformat(sep=" ")
    elif isinstance(value, datetime.date):
        text = value.isoformat()
    else:
        text = str(value)
    if column and column.max_length and len(text) > column.max_length:
        raise _Bad(_("Longer than %(max)s characters.") % {"max": column.max_length})
    return text


def _date(value, column: Column | None = None) -> datetime.date:
    if isinstance(value, datetime.datetime):
        day = value.date()
    elif isinstance(value, datetime.date):
        day = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        day = _serial(value)
    elif isinstance(value, str):
        day = _date_text(value.strip())
    else:
        day = None
    if day is None or not MIN_DATE <= day <= MAX_DATE:
        raise _Bad(_("Not a date: %(value)s. Write dates as 2026-03-05.") % {"value": _shown(value)})
    return day


def _serial(value: float) -> datetime.date | None:
    # An Excel date cell whose format calamine did not recognise arrives as its serial number.
    if not 61 <= value < 2958466:
        return None
    return EXCEL_EPOCH + datetime.timedelta(days=int(value))


def _date_text(text: str) -> datetime.date | None:
    match = _DATE.fullmatch(text)
    if match:
        year, month, day = match.group(1, 3, 4)
    else:
        match = _DATE_ZH.fullmatch(_SPACE.sub("", text))
        if not match:
            return None
        year, month, day = match.groups()
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:  # 2026-02-30
        return None


def _funds(value, column: Column | None = None) -> Decimal:
    try:
        if isinstance(value, bool):
            raise InvalidOperation
        if isinstance(value, float):
            amount = Decimal(repr(value))  # the shortest repr: 1200.5, not 1200.4999…
        elif isinstance(value, int):
            amount = Decimal(value)
        else:
            text = _SPACE.sub("", str(value)).replace(",", "").replace("，", "")
            amount = Decimal(text.removesuffix("元").lstrip("¥￥"))
    except (InvalidOperation, ValueError):
        raise _Bad(_("Not a number: %(value)s.") % {"value": _shown(value)}) from None
    if not amount.is_finite():
        raise _Bad(_("Not a number: %(value)s.") % {"value": _shown(value)})
    if amount < 0:
        raise _Bad(_("Cannot be negative."))
    if amount >= MAX_FUNDS or (amount := amount.quantize(CENT, rounding=ROUND_HALF_UP)) >= MAX_FUNDS:
        raise _Bad(_("Too large."))  # checked before rounding too: 1e999 cannot be rounded to cents
    return amount


def _choice(value, column: Column) -> str:
    code = CHOICES[column.kind].get(_SPACE.sub("", _text(value)))
    if code is None:
        raise _Bad(
            _("%(value)s is not one of: %(choices)s.")
            % {"value": _shown(value), "choices": CHOICE_HINTS[column.kind]}
        )
    return code


def _shown(value) -> str:
    text = _text(value)
    return text if len(text) <= 30 else text[:29] + "…"


PARSERS = {
    "text": _text,
    "date": _date,
    "funds": _funds,
    "level": _choice,
    "source": _choice,
    "status": _choice,
}


# Validation --------------------------------------------------------------------------


@dataclass(slots=True)
class ParsedRow:
    number: int
    enterprise_name: str = ""
    uscc: str = ""
    description: str = ""
    location: str = ""
    category: str = ""
    level: str = ""
    source: str = HazardSource.INSPECTION
    found_at: datetime.date | None = None
    measures: str = ""
    responsible: str = ""
    deadline: datetime.date | None = None
    funds: Decimal | None = None
    rectified_at: datetime.date | None = None
    verifier: str = ""
    verified_at: datetime.date | None = None
    status: str = S.REPORTED
    note: str = ""
    enterprise: tuple | None = None  # (id, uscc, name, region code, industry)


@_without_gc
def ledger_validate(sheet: Sheet, *, actor, today: datetime.date | None = None) -> list[ParsedRow]:
    """Every row checked against the template's rules; LedgerError lists every problem."""
    if not permissions.can_register(actor):
        raise PermissionDenied(_("Your role may not import hazards."))
    today = today or timezone.localdate()
    errors: list[RowError] = []
    parsed = [_parse_row(number, cells, sheet.columns, today, errors) for number, cells in sheet.rows]
    _resolve_enterprises(parsed, actor, {c.header for _p, c in sheet.columns}, errors)
    if errors:
        raise LedgerError(rows=errors)
    return parsed


def _parse_row(number: int, cells: list, columns, today: datetime.date, errors: list) -> ParsedRow:
    row, bad = ParsedRow(number), set()
    width = len(cells)
    for position, column in columns:
        value = cells[position] if position < width else None
        if value is None or value == "" or (isinstance(value, str) and not value.strip()):
            continue
        try:
            setattr(row, column.key, PARSERS[column.kind](value, column))
        except _Bad as e:
            errors.append(RowError(number, column.header, str(e)))
            bad.add(column.header)
    if row.uscc:
        row.uscc = row.uscc.upper()

    def problem(header: str, message: str) -> None:
        if header not in bad:
            errors.append(RowError(number, header, message))
            bad.add(header)

    for header, value in (
        (DESCRIPTION, row.description),
        ("隐患等级", row.level),
        ("发现日期", row.found_at),
    ):
        if not value:
            problem(header, _("Required."))
    status_label = STATUS_LABELS[row.status]
    if row.status in NEEDS_DEADLINE and row.deadline is None:
        problem("整改期限", _("Required when the status is %(status)s.") % {"status": status_label})
    if row.status in NEEDS_RECTIFIED_AT and row.rectified_at is None:
        problem("整改完成日期", _("Required when the status is %(status)s.") % {"status": status_label})
    found = row.found_at
    if found and found > today:
        problem("发现日期", _("Cannot be in the future."))
    for header, day, past in (
        ("整改期限", row.deadline, False),
        ("整改完成日期", row.rectified_at, True),
        ("验收日期", row.verified_at, True),
    ):
        if day and found and day < found:
            problem(header, _("Cannot be before the date found (%(date)s).") % {"date": found.isoformat()})
        elif day and past and day > today:
            problem(header, _("Cannot be in the future."))
    return row


def _resolve_enterprises(parsed: list[ParsedRow], actor, headers: set[str], errors: list) -> None:
    """Each row's enterprise, from the USCC if it has one, else the exact name; looked up in the
    actor's jurisdiction in a few queries for the whole file, not one per row."""
    codes = {r.uscc for r in parsed if r.uscc}
    names = {r.enterprise_name for r in parsed if r.enterprise_name and not r.uscc}
    by_code: dict[str, tuple] = {}
    by_name: dict[str, dict[int, tuple]] = {}
    keys = [("u", c) for c in sorted(codes)] + [("n", n) for n in sorted(names)]
    scoped = Enterprise.objects.for_user(actor).order_by()
    for start in range(0, len(keys), ENTERPRISE_CHUNK):
        chunk = keys[start : start + ENTERPRISE_CHUNK]
        wanted = Q(uscc__in=[k for t, k in chunk if t == "u"]) | Q(name__in=[k for t, k in chunk if t == "n"])
        for found in scoped.filter(wanted).values_list("id", "uscc", "name", "region_id", "industry"):
            by_code[found[1]] = found
            by_name.setdefault(found[2], {})[found[0]] = found
    for row in parsed:
        if row.uscc:
            row.enterprise = by_code.get(row.uscc)
            if row.enterprise is None:
                message = (
                    _("No enterprise with this code in your jurisdiction.")
                    if uscc_number.is_valid(row.uscc)
                    else _("Not a valid unified social credit code: %(value)s.") % {"value": row.uscc}
                )
                errors.append(RowError(row.number, USCC, message))
        elif row.enterprise_name:
            matches = list(by_name.get(row.enterprise_name, {}).values())
            if len(matches) == 1:
                row.enterprise = matches[0]
            elif matches:
                message = _("Several enterprises in your jurisdiction have this name: give the code.")
                errors.append(RowError(row.number, NAME, message))
            else:
                message = _("No enterprise of this name in your jurisdiction.")
                errors.append(RowError(row.number, NAME, message))
        else:
            message = _("Give the enterprise's name or its unified social credit code.")
            errors.append(RowError(row.number, NAME if NAME in headers else USCC, message))


# Writing -----------------------------------------------------------------------------


@_without_gc
def ledger_write(rows: list[ParsedRow], *, actor, filename: str, sha256: str) -> int:
    """Write validated rows in one transaction: the hazards, a timeline event each, and one
    audit entry for the import. PostgreSQL gets COPY; other databases bulk_create."""
    now = timezone.now()
    values = [_hazard_values(row, actor, now) for row in rows]
    with transaction.atomic():
        if connection.vendor == "postgresql":
            ids = _copy_hazards(values)
        else:
            ids = [h.pk for h in Hazard.objects.bulk_create([Hazard(**v) for v in values], batch_size=BATCH)]
        entry = _audit(actor, rows, ids, filename, sha256)
        events = [
            {
                "hazard_id": pk,
                "at": now,
                "actor_id": actor.pk,
                "action": "import",
                "from_status": "",
                "to_status": row.status,
                "note": "",
                "data": {"row": row.number, "import": entry.pk},
            }
            for pk, row in zip(ids, rows, strict=True)
        ]
        if connection.vendor == "postgresql":
            _copy(HazardEvent, events, json_fields={"data"})
        else:
            HazardEvent.objects.bulk_create([HazardEvent(**e) for e in events], batch_size=BATCH)
    return len(ids)


def _hazard_values(row: ParsedRow, actor, now: datetime.datetime) -> dict:
    enterprise_id, _code, _name, region, industry = row.enterprise
    closed_at = None
    if row.status == S.CLOSED:
        # The ledger has no 销号日期: written off when accepted, or else when rectified.
        closed_at = row.verified_at or row.rectified_at
    return {
        "created_at": now,
        "updated_at": now,
        "enterprise_id": enterprise_id,
        "region_id": region,
        "industry": industry,
        "description": row.description,
        "location": row.location,
        "category": row.category,
        "level": row.level,
        "source": row.source,
        "status": row.status,
        "found_at": row.found_at,
        "measures": row.measures,
        "responsible": row.responsible,
        "deadline": row.deadline,
        "funds": row.funds,
        "rectified_at": row.rectified_at,
        "verifier": row.verifier,
        "verified_at": row.verified_at,
        "closed_at": closed_at,
        "note": row.note,
        "reported_by_id": actor.pk,
    }


def _copy_hazards(values: list[dict]) -> list[int]:
    # COPY returns no ids: take them from the table's sequence first, then COPY with them.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [Hazard._meta.db_table, len(values)],
        )
        ids = [pk for (pk,) in cursor.fetchall()]
    for pk, v in zip(ids, values, strict=True):
        v["id"] = pk
    _copy(Hazard, values)
    return ids


def _copy(model, rows: list[dict], json_fields: frozenset[str] | set[str] = frozenset()) -> None:
    fields = [f for f in model._meta.concrete_fields if not (f.primary_key and "id" not in rows[0])]
    defaults = {f.attname: f.get_default() for f in fields}
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    sql = f"COPY {table} ({names}) FROM STDIN"  # noqa: S608 (names from the model, quoted)
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(
                [
                    json.dumps(row[f.attname], ensure_ascii=False)
                    if f.attname in json_fields
                    else row.get(f.attname, defaults[f.attname])
                    for f in fields
                ]
            )


def _audit(actor, rows: list[ParsedRow], ids: list[int], filename: str, sha256: str):
    first = Hazard.objects.only("id", "description", "region_id").get(pk=ids[0])
    # The entry belongs to the smallest region that holds every row, so that whoever sees
    # all the imported hazards sees the import.
    first.audit_region_code = _common_region({row.enterprise[3] for row in rows})
    after = {
        "file": filename,
        "sha256": sha256,
        "created": len(ids),
        "first_id": min(ids),
        "last_id": max(ids),
        "enterprises": len({row.enterprise[0] for row in rows}),
        "by_status": dict(Counter(row.status for row in rows)),
        "by_level": dict(Counter(row.level for row in rows)),
    }
    return audit_record(actor=actor, action="hazard.import", obj=first, before=None, after=after)


def _common_region(codes: set[str]) -> str:
    prefix = os.path.commonprefix(sorted(codes))
    return next((prefix[:n] for n in sorted(CODE_LENGTHS, reverse=True) if n <= len(prefix)), "")


def ledger_import(*, actor, data: bytes, filename: str) -> int:
    """Import a ledger file, all or nothing; the number of hazards created."""
    if not permissions.can_register(actor):
        raise PermissionDenied(_("Your role may not import hazards."))
    rows = ledger_validate(ledger_read(data), actor=actor)
    return ledger_write(rows, actor=actor, filename=filename, sha256=hashlib.sha256(data).hexdigest())


def ledger_import_upload(*, actor, upload) -> int:
    if not permissions.can_register(actor):
        raise PermissionDenied(_("Your role may not import hazards."))
    if upload.size > MAX_FILE_BYTES:
        raise LedgerError(file=[_("The file is larger than %(mb)s MB.") % {"mb": MAX_FILE_BYTES >> 20}])
    return ledger_import(actor=actor, data=upload.read(), filename=os.path.basename(upload.name or ""))


# Export ------------------------------------------------------------------------------

EXPORT_FIELDS = (
    "enterprise__name",
    "enterprise__uscc",
    "description",
    "location",
    "category",
    "level",
    "source",
    "found_at",
    "measures",
    "responsible",
    "deadline",
    "funds",
    "rectified_at",
    "verifier",
    "verified_at",
    "status",
    "note",
)
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
FORMULA_STARTS = frozenset("=+-@\t\r")


def ledger_rows(*, user, filters: dict) -> Iterator[tuple]:
    """The hazards the list shows for these filters, as template rows, oldest first."""
    hazards = selectors.hazard_list(user=user, filters=filters).order_by("found_at", "id")
    for number, h in enumerate(hazards.values_list(*EXPORT_FIELDS).iterator(chunk_size=2000), start=1):
        yield (
            number, *h[:5], LEVEL_LABELS.get(h[5], h[5]), SOURCE_LABELS.get(h[6], h[6]),
            *h[7:15], STATUS_LABELS.get(h[15], h[15]), h[16],
        )  # fmt: skip


def ledger_export_response(*, user, filters: dict, fmt: str = "xlsx") -> StreamingHttpResponse:
    return _file_response(
        ledger_rows(user=user, filters=filters), fmt, f"隐患排查治理台账-{timezone.localdate():%Y%m%d}"
    )


def ledger_template_response() -> StreamingHttpResponse:
    return _file_response(iter(()), "xlsx", "隐患排查治理台账模板")


def _file_response(rows: Iterator[tuple], fmt: str, name: str) -> StreamingHttpResponse:
    chunks = xlsx_stream(rows) if fmt == "xlsx" else csv_stream(rows)
    response = StreamingHttpResponse(chunks, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = content_disposition_header(True, f"{name}.{fmt}")
    return response


def csv_stream(rows: Iterable[tuple]) -> Iterator[bytes]:
    """UTF-8 with a BOM, so that Excel opens it in Chinese."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(HEADERS)
    for n, row in enumerate(rows, start=1):
        writer.writerow([_csv_cell(value) for value in row])
        if n % 1000 == 0:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value  # Excel would run it as a formula (CSV injection)
    return value


# The xlsx is written as it streams: a zip whose worksheet part is deflated row by row, with
# inline strings (no shared-string table to hold in memory). openpyxl's write-only mode
# manages ~5,000 rows/s here, which puts a million rows far past the server's 60 s request
# timeout; this exports a million rows from the database in ~16 s, in constant memory
# (bench/README.md).

EXCEL_MAX_ROWS = 1_048_576  # per sheet, the header included; more rows continue on a new sheet
_LETTERS = [chr(ord("A") + i) for i in range(len(COLUMNS))]
_EPOCH_ORDINAL = EXCEL_EPOCH.toordinal()
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML_SPECIAL = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_STYLES = (
    f'{_XML_HEAD}<styleSheet xmlns="{_MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)
_SHEET_HEAD = (
    f'{_XML_HEAD}<worksheet xmlns="{_MAIN}"><sheetViews><sheetView workbookViewId="0">'
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
    "<cols>"
    + "".join(
        f'<col min="{i}" max="{i}" width="{c.width}" customWidth="1"/>' for i, c in enumerate(COLUMNS, 1)
    )
    + "</cols><sheetData>"
)


class _Sink:
    """A write-only file for zipfile that hands over what was written so far."""

    def __init__(self):
        self.parts: list[bytes] = []

    def write(self, data) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self.parts)
        self.parts.clear()
        return data


def xlsx_stream(rows: Iterable[tuple], *, sheet_rows: int = EXCEL_MAX_ROWS) -> Iterator[bytes]:
    """The template as an xlsx, yielded in pieces as the rows come."""
    sink = _Sink()
    book = zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1)
    rows = iter(rows)
    sheets = 0
    while True:
        sheets += 1
        with book.open(f"xl/worksheets/sheet{sheets}.xml", "w", force_zip64=True) as part:
            part.write((_SHEET_HEAD + _xml_row(1, HEADERS, style=' s="2"')).encode())
            chunk = []
            for number, row in enumerate(itertools.islice(rows, sheet_rows - 1), start=2):
                chunk.append(_xml_row(number, row))
                if len(chunk) == 1000:
                    part.write("".join(chunk).encode())
                    chunk.clear()
                    yield sink.take()
            part.write(("".join(chunk) + "</sheetData></worksheet>").encode())
        yield sink.take()
        following = next(rows, None)
        if following is None:
            break
        rows = itertools.chain([following], rows)
    for name, text in _package_parts(sheets):
        book.writestr(name, text)
    book.close()
    yield sink.take()


def _xml_row(number: int, values: Iterable, style: str = "") -> str:
    cells = []
    for letter, value in zip(_LETTERS, values, strict=False):
        if isinstance(value, str):
            if value:
                cells.append(
                    f'<c r="{letter}{number}"{style} t="inlineStr"><is><t>{_xml_text(value)}</t></is></c>'
                )
        elif isinstance(value, datetime.date):
            cells.append(f'<c r="{letter}{number}" s="1"><v>{value.toordinal() - _EPOCH_ORDINAL}</v></c>')
        elif value is not None:
            cells.append(f'<c r="{letter}{number}"><v>{value}</v></c>')
    return f'<row r="{number}">{"".join(cells)}</row>'


def _xml_text(text: str) -> str:
    if _XML_SPECIAL.search(text) is None:  # nearly always: one scan instead of five
        return text
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    return _XML_ILLEGAL.sub("", text)  # control characters XML cannot hold


def _package_parts(sheets: int) -> list[tuple[str, str]]:
    # Written after the sheets (a zip's order does not matter), once their number is known.
    numbers = range(1, sheets + 1)
    worksheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{worksheet}"/>' for n in numbers
    )
    sheet_list = "".join(
        f'<sheet name="台账{n if n > 1 else ""}" sheetId="{n}" r:id="rId{n}"/>' for n in numbers
    )
    sheet_rels = "".join(
        f'<Relationship Id="rId{n}" Type="{_REL}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in numbers
    )
    return [
        (
            "[Content_Types].xml",
            f'{_XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            f"{types}</Types>",
        ),
        (
            "_rels/.rels",
            f'{_XML_HEAD}<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
            f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        ),
        (
            "xl/workbook.xml",
            f'{_XML_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>{sheet_list}</sheets></workbook>',
        ),
        (
            "xl/_rels/workbook.xml.rels",
            f'{_XML_HEAD}<Relationships xmlns="{_PKG_REL}">{sheet_rels}'
            f'<Relationship Id="rId{sheets + 1}" Type="{_REL}/styles" Target="styles.xml"/></Relationships>',
        ),
        ("xl/styles.xml", _STYLES),
    ]
