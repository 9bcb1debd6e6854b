"""The enterprise workbook (生产经营单位名录): export and import in one column layout.

Export (export.py) writes one header row (COLUMNS, in that order, headers in Chinese) and one
enterprise per row. Import reads the first sheet of an .xlsx file:

- columns are matched by header text (spaces, line breaks and a required-mark `*` ignored,
  full-width brackets equal to half-width, a few common synonyms accepted), in any order;
  only 统一社会信用代码 must be there, and a column that is missing keeps what is stored;
- the header row is the first row with a 统一社会信用代码 cell, so title rows above it are
  fine; rows with neither a code nor a name (notes, signatures) are skipped;
- a row whose code is registered updates that enterprise (if it lies in the user's
  jurisdiction; else the row is rejected), any other row registers a new one;
- all or nothing: every row goes through services.enterprise_create / enterprise_update in
  one transaction, rolled back if any row has a problem. Problems carry the spreadsheet's
  own row number (the first row of the sheet is row 1) and the column's header text.

A rejected import is an ImportRejected: the API answers 400 with

    {"errors": {"file": ["Row 3, 统一社会信用代码: …", …]},
     "rows": [{"row": 3, "column": "统一社会信用代码", "field": "uscc", "message": "…"}, …]}

An exported file imports back without changing anything.
"""

import datetime
import io
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from python_calamine import CalamineError, CalamineWorkbook
from stdnum.cn import uscc as uscc_number

from yingji.accounts.access import require_role
from yingji.accounts.choices import OrgKind
from yingji.accounts.models import Organisation
from yingji.core import uploads
from yingji.core.errors import ApplicationError
from yingji.core.exports import unguard
from yingji.core.industries import Industry
from yingji.enterprises import services
from yingji.enterprises.choices import EnterpriseStatus, RiskGrade, Scale, StandardisationGrade
from yingji.enterprises.models import Enterprise
from yingji.enterprises.permissions import REGISTRARS
from yingji.imports.models import ImportKind
from yingji.imports.services import Imported, import_once
from yingji.regions.models import Region
from yingji.regions.scoping import Jurisdiction

MAX_BYTES = uploads.WEB.file_bytes  # and the other limits of core/uploads.py

# The Chinese of the files: a contract with users' spreadsheets, so not translated.
INDUSTRY_ZH = {
    Industry.HAZARDOUS_CHEMICALS: "危险化学品",
    Industry.NON_COAL_MINING: "非煤矿山",
    Industry.COAL_MINING: "煤矿",
    Industry.FIREWORKS: "烟花爆竹",
    Industry.CIVIL_EXPLOSIVES: "民用爆炸物品",
    Industry.METALLURGY: "冶金",
    Industry.NONFERROUS: "有色",
    Industry.BUILDING_MATERIALS: "建材",
    Industry.MACHINERY: "机械",
    Industry.LIGHT_INDUSTRY: "轻工",
    Industry.TEXTILE: "纺织",
    Industry.TOBACCO: "烟草",
    Industry.COMMERCE_TRADE: "商贸",
    Industry.CONSTRUCTION: "建筑施工",
    Industry.ROAD_TRANSPORT: "道路运输",
    Industry.WATERWAY_TRANSPORT: "水上交通",
    Industry.GAS: "城镇燃气",
    Industry.CROWDED_PLACES: "人员密集场所（消防）",
    Industry.SPECIAL_EQUIPMENT: "特种设备",
    Industry.AGRICULTURAL_MACHINERY: "农业机械",
    Industry.FISHING_VESSELS: "渔业船舶",
    Industry.TOURISM: "旅游景区/文旅",
    Industry.EDUCATION: "学校",
    Industry.HEALTHCARE: "医疗卫生",
    Industry.OTHER: "其他",
}
SCALE_ZH = {Scale.LARGE: "大型", Scale.MEDIUM: "中型", Scale.SMALL: "小型", Scale.MICRO: "微型"}
RISK_ZH = {
    RiskGrade.MAJOR: "重大",
    RiskGrade.RELATIVELY_HIGH: "较大",
    RiskGrade.GENERAL: "一般",
    RiskGrade.LOW: "低",
}
STATUS_ZH = {
    EnterpriseStatus.OPERATING: "正常经营",
    EnterpriseStatus.SUSPENDED: "停产停业",
    EnterpriseStatus.CLOSED: "已关闭",
}
STANDARDISATION_ZH = {
    StandardisationGrade.LEVEL_1: "一级",
    StandardisationGrade.LEVEL_2: "二级",
    StandardisationGrade.LEVEL_3: "三级",
    StandardisationGrade.NONE: "无",
}
GRADE_ZH = {1: "一级", 2: "二级", 3: "三级", 4: "四级"}
YES, NO = "是", "否"
YES_WORDS = {"是", "有", "y", "yes", "true", "1", "√", "✓"}
NO_WORDS = {"否", "无", "没有", "n", "no", "false", "0", "×", "x"}


class CellError(Exception):
    """A cell that cannot be read as its column's kind of value."""


OMIT = object()  # an empty cell that leaves the stored value (or the default) as it is


# --- reading cells -------------------------------------------------------------------------


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return unguard(str(value)).strip()  # export wrote '=… for a text that starts like a formula


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("（", "(").replace("）", ")").lower()


def _code_text(value) -> str:
    # A long code typed as a number has lost its last digits in Excel: say so, do not guess.
    if isinstance(value, float | int) and not isinstance(value, bool) and abs(value) >= 1e15:
        raise CellError(
            _("Excel stored this code as a number and changed its last digits: store it as text.")
        )
    return _cell_text(value)


def _choice(table: dict, extra: dict | None = None, *, blank=OMIT) -> Callable:
    """Reads a code from its Chinese (or its code); an empty cell gives `blank`."""
    accepted = {_squeeze(zh): code for code, zh in table.items()}
    accepted |= {_squeeze(str(code)): code for code in table}
    accepted |= {_squeeze(k): v for k, v in (extra or {}).items()}
    spelled = "、".join(table.values())

    def parse(value):
        text = _cell_text(value)
        if not text:
            return blank
        try:
            return accepted[_squeeze(text)]
        except KeyError:
            raise CellError(_("Use one of: %(values)s.") % {"values": spelled}) from None

    return parse


def _yes_no(value) -> bool:
    if isinstance(value, bool):
        return value
    text = _squeeze(_cell_text(value))
    if text in YES_WORDS:
        return True
    if text in NO_WORDS or not text:
        return False
    raise CellError(_("Use 是 or 否."))


def _whole(value) -> int:
    text = _cell_text(value)
    if not text:
        return 0
    if not text.isascii() or not text.isdigit():
        raise CellError(_("Enter a whole number."))
    return int(text)


def _degrees(value) -> Decimal | None:
    if isinstance(value, float):
        return Decimal(repr(value))
    text = _cell_text(value)
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        raise CellError(_("Enter degrees as a number, such as 28.194321.")) from None


def _hazard_grade(value) -> int | None:
    text = _squeeze(_cell_text(value)).removesuffix("级")
    if not text:
        return None
    for grade, zh in GRADE_ZH.items():
        if text in (str(grade), zh.removesuffix("级")):
            return grade
    raise CellError(_("Use one of: %(values)s.") % {"values": "、".join(GRADE_ZH.values())})


# --- the layout ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    header: str
    field: str | None  # the service field it imports into; None: not imported
    export: Callable[[Enterprise], object]
    parse: Callable[[object], object] = _cell_text
    aliases: tuple[str, ...] = ()
    width: int = 12


def _flag(name: str) -> Callable[[Enterprise], str]:
    return lambda e: YES if getattr(e, name) else NO


_industry = _choice(INDUSTRY_ZH, blank="")
_scale = _choice(SCALE_ZH, blank="")
_risk = _choice(
    RISK_ZH,
    {f"{zh}风险": code for code, zh in RISK_ZH.items()}
    | dict(zip("红橙黄蓝", RISK_ZH, strict=True))
    | dict(zip(["红色", "橙色", "黄色", "蓝色"], RISK_ZH, strict=True)),
    blank="",
)
_status = _choice(
    STATUS_ZH,
    {
        "在营": EnterpriseStatus.OPERATING,
        "停业": EnterpriseStatus.SUSPENDED,
        "停产": EnterpriseStatus.SUSPENDED,
    }
    | {"关闭": EnterpriseStatus.CLOSED, "注销": EnterpriseStatus.CLOSED},
)
_standardisation = _choice(
    STANDARDISATION_ZH, {"未达标": StandardisationGrade.NONE, "未评定": StandardisationGrade.NONE}
)

REGION_NAME = "所属街道（乡镇）"
DEPARTMENT = "行业主管部门"
COLUMNS = [
    Column("序号", None, lambda e: None, width=6),
    Column("统一社会信用代码", "uscc", lambda e: e.uscc, _code_text, ("社会信用代码", "信用代码"), 22),
    Column("单位名称", "name", lambda e: e.name, aliases=("企业名称", "生产经营单位名称", "名称"), width=30),
    Column("区划代码", "region_code", lambda e: e.region_id, _code_text, ("街道代码", "行政区划代码"), 12),
    Column(
        REGION_NAME,
        None,
        lambda e: e.region.name,
        aliases=("所属街道", "街道(乡镇)", "乡镇(街道)", "所属乡镇(街道)"),
    ),
    Column("详细地址", "address", lambda e: e.address, aliases=("地址", "单位地址", "经营地址"), width=30),
    Column("行业领域", "industry", lambda e: INDUSTRY_ZH[e.industry], _industry, ("所属行业领域",), 14),
    Column(
        "国民经济行业代码",
        "gbt4754_code",
        lambda e: e.gbt4754_code,
        aliases=("国民经济行业分类代码", "行业代码"),
    ),
    Column("企业规模", "scale", lambda e: SCALE_ZH.get(e.scale, ""), _scale, ("规模",), 8),
    Column("从业人员数", "employees", lambda e: e.employees, _whole, ("从业人员", "从业人数", "职工人数"), 8),
    Column(
        "风险等级",
        "risk_grade",
        lambda e: RISK_ZH.get(e.risk_grade, ""),
        _risk,
        ("安全风险等级",),
        8,
    ),
    Column(
        DEPARTMENT,
        "supervising_department_id",
        lambda e: e.supervising_department.name if e.supervising_department_id else "",
        aliases=("监管部门", "行业监管部门", "主管部门"),
        width=20,
    ),
    Column(
        "法定代表人", "legal_representative", lambda e: e.legal_representative, aliases=("法人代表", "法人")
    ),
    Column("联系电话", "phone", lambda e: e.phone, _code_text, ("电话", "单位电话"), 15),
    Column(
        "安全管理人员", "safety_manager", lambda e: e.safety_manager, aliases=("安全负责人", "安全管理负责人")
    ),
    Column(
        "安全管理人员电话",
        "safety_manager_phone",
        lambda e: e.safety_manager_phone,
        _code_text,
        ("安全负责人电话", "安全管理人员联系电话"),
        15,
    ),
    Column("经营状态", "status", lambda e: STATUS_ZH[e.status], _status, ("状态", "生产经营状态"), 10),
    Column(
        "重大危险源",
        "is_major_hazard_source",
        _flag("is_major_hazard_source"),
        _yes_no,
        ("是否重大危险源",),
        8,
    ),
    Column(
        "重大危险源等级",
        "major_hazard_source_grade",
        lambda e: GRADE_ZH.get(e.major_hazard_source_grade, ""),
        _hazard_grade,
        width=8,
    ),
    Column("粉尘涉爆", "dust_explosion", _flag("dust_explosion"), _yes_no, ("是否粉尘涉爆",), 8),
    Column(
        "涉氨制冷", "ammonia_refrigeration", _flag("ammonia_refrigeration"), _yes_no, ("是否涉氨制冷",), 8
    ),
    Column(
        "有限空间作业",
        "confined_space",
        _flag("confined_space"),
        _yes_no,
        ("有限空间", "是否涉及有限空间作业"),
        8,
    ),
    Column(
        "配备安全总监",
        "safety_director_appointed",
        _flag("safety_director_appointed"),
        _yes_no,
        ("安全总监", "是否配备安全总监"),
        8,
    ),
    Column(
        "安全生产标准化等级",
        "standardisation_grade",
        lambda e: STANDARDISATION_ZH[e.standardisation_grade],
        _standardisation,
        ("标准化等级", "安全生产标准化"),
        8,
    ),
    Column(
        "安全生产责任保险",
        "liability_insurance",
        _flag("liability_insurance"),
        _yes_no,
        ("安责险", "是否投保安责险"),
        8,
    ),
    Column("经度", "longitude", lambda e: e.longitude, _degrees, width=11),
    Column("纬度", "latitude", lambda e: e.latitude, _degrees, width=11),
]
HEADER_OF = {c.field: c.header for c in COLUMNS if c.field}
_BY_KEY = {_squeeze(name): c for c in COLUMNS for name in (c.header, *c.aliases)}
USCC_KEYS = {_squeeze(n) for n in ("统一社会信用代码", *COLUMNS[1].aliases)}


# --- import --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    row: int | None
    column: str | None
    field: str | None
    message: str

    def line(self) -> str:
        if self.row and self.column:
            return _("Row %(row)s, %(column)s: %(message)s") % self.__dict__
        if self.row:
            return _("Row %(row)s: %(message)s") % self.__dict__
        return f"{self.column}: {self.message}" if self.column else self.message


class ImportRejected(ApplicationError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = [p.line() for p in problems]
        super().__init__(lines[0], errors={"file": lines})

    def rows(self) -> list[dict]:
        return [p.__dict__ for p in self.problems]


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    ignored_columns: list[str] = field(default_factory=list)


def import_workbook_file(
    *, actor, file, confirm_duplicate: bool = False, idempotency_key: str = "", limits=None
) -> Imported:
    """Register or update every enterprise of the file, or none (ImportRejected), once
    (yingji.imports: a file imported before in the organisation is a DuplicateImport unless
    confirmed; a retried Idempotency-Key replays the first answer)."""
    require_role(actor, REGISTRARS)
    data = _bytes(file, limits)

    def write(rows: list[list]) -> tuple[int, int, dict]:
        result = _apply(actor, rows, dry_run=False)
        return result.created + result.updated + result.unchanged, result.created, dict(result.__dict__)

    return import_once(
        kind=ImportKind.ENTERPRISES,
        actor=actor,
        data=data,
        filename=os.path.basename(getattr(file, "name", "") or ""),
        prepare=lambda: _read(data, limits),
        write=write,
        confirm_duplicate=confirm_duplicate,
        idempotency_key=idempotency_key,
    )


def import_workbook(*, actor, file, dry_run: bool = False, **options) -> ImportResult:
    """import_workbook_file's result; a dry run checks every row and records nothing."""
    if not dry_run:
        return ImportResult(**import_workbook_file(actor=actor, file=file, **options).body)
    require_role(actor, REGISTRARS)
    return _apply(actor, _read(_bytes(file, options.get("limits")), options.get("limits")), dry_run=True)


def _apply(actor, rows: list[list], *, dry_run: bool) -> ImportResult:
    start, columns, result = _header(rows)
    problems: list[Problem] = []
    with transaction.atomic():
        _Rows(actor, columns, result, problems).run(rows, start)
        if problems or dry_run:
            transaction.set_rollback(True)
    if problems:
        raise ImportRejected(problems)
    if not (result.created or result.updated or result.unchanged):
        raise ImportRejected([Problem(None, None, None, _("The file has no enterprise rows."))])
    return result


def _bytes(file, limits) -> bytes:
    limit = (limits or uploads.WEB).file_bytes
    size = getattr(file, "size", None)
    if (size is not None and size > limit) or len(data := file.read(limit + 1)) > limit:
        message = _("A file may be at most %(mb)s MB.") % {"mb": limit // uploads.MB}
        raise ImportRejected([Problem(None, None, "file", message)])
    return data


def _read(data: bytes, limits) -> list[list]:
    unreadable = _("This is not an Excel workbook (.xlsx) that can be read.")
    try:
        uploads.check_upload(data, limits)  # before the parser: no zip bombs (core/uploads.py)
    except uploads.Unreadable:
        raise ImportRejected([Problem(None, None, "file", unreadable)]) from None
    except uploads.UploadRefused as e:
        raise ImportRejected([Problem(None, None, "file", e.message)]) from None
    try:
        book = CalamineWorkbook.from_object(io.BytesIO(data))
        return book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except (CalamineError, ValueError, IndexError, OSError):
        raise ImportRejected([Problem(None, None, "file", unreadable)]) from None


def _header(rows: list[list]) -> tuple[int, dict[int, tuple[str, Column]], ImportResult]:
    """The index of the header row, its known columns by position (with the file's own
    header text), and a result listing the columns it does not know."""
    for index, row in enumerate(rows):
        keys = [_squeeze(_cell_text(cell)).lstrip("*＊") for cell in row]
        if not USCC_KEYS & set(keys):
            continue
        columns: dict[int, tuple[str, Column]] = {}
        result, problems, seen = ImportResult(), [], {}
        for position, (cell, key) in enumerate(zip(row, keys, strict=True)):
            text = _cell_text(cell)
            column = _BY_KEY.get(key)
            if column is None:
                if text:
                    result.ignored_columns.append(text)
            elif column.header in seen:
                problems.append(Problem(index + 1, text, column.field, _("This column appears twice.")))
            else:
                seen[column.header] = position
                columns[position] = (text, column)
        if problems:
            raise ImportRejected(problems)
        return index + 1, columns, result
    message = _("No header row with a 统一社会信用代码 column in the first sheet.")
    raise ImportRejected([Problem(None, "统一社会信用代码", "uscc", message)])


class _Rows:
    """Goes through the data rows, sending each to the services and collecting problems."""

    def __init__(self, actor, columns: dict[int, tuple[str, Column]], result: ImportResult, problems: list):
        self.actor = actor
        self.columns = columns
        self.result = result
        self.problems = problems
        self.header_text = {column.field or column.header: text for text, column in columns.values()}
        self.seen: dict[str, int] = {}
        self.departments = list(Organisation.objects.filter(kind=OrgKind.DEPARTMENT).order_by("-region_id"))

    def run(self, rows: list[list], start: int) -> None:
        for index in range(start, len(rows)):
            self.row(index + 1, rows[index])
        # Row by row, and left to right within a row, as a person reads the sheet.
        position = {text: p for p, (text, _column) in self.columns.items()}
        self.problems.sort(key=lambda p: (p.row or 0, position.get(p.column, len(position))))

    def problem(self, row: int, field: str | None, message: str, column: str | None = None) -> None:
        if field and not column:
            column = self.header_text.get(field) or HEADER_OF.get(field)
        self.problems.append(Problem(row, column, field, str(message)))

    def row(self, number: int, cells: list) -> None:
        values: dict[str, object] = {}
        bad: set[str] = set()
        region_name = ""
        for position, (_text, column) in self.columns.items():
            cell = cells[position] if position < len(cells) else ""
            if column.header == REGION_NAME:
                region_name = _cell_text(cell)
                continue
            if column.field is None:
                continue
            try:
                value = column.parse(cell)
            except CellError as e:
                self.problem(number, column.field, str(e))
                bad.add(column.field)
            else:
                if value is not OMIT:
                    values[column.field] = value
        if not values.get("uscc") and not values.get("name") and "uscc" not in bad:
            return  # an empty row, or a note below the data
        self._region(number, values, region_name, bad)
        self._department(number, values, bad)
        code = uscc_number.compact(str(values.get("uscc") or ""))
        if code and code in self.seen:
            self.problem(number, "uscc", _("The same code as row %(row)s.") % {"row": self.seen[code]})
            return
        if code:
            self.seen[code] = number
        self._save(number, code, {k: v for k, v in values.items() if k not in bad}, bad)

    def _region(self, number: int, values: dict, name: str, bad: set) -> None:
        code = values.get("region_code")
        if "region_code" in bad or not name:
            return
        if code:
            region = Region.objects.filter(code=code).first()
            if region and region.name != name:
                message = _("Region %(code)s is %(name)s, not %(given)s.")
                self.problem(
                    number,
                    "region_code",
                    message % {"code": code, "name": region.name, "given": name},
                    column=self.header_text[REGION_NAME],
                )
                bad.add("region_code")
            return
        jurisdiction = Jurisdiction.of(self.actor)
        matches = Region.objects.filter(name=name, level__in=["street", "community"])
        if not jurisdiction.everything:
            matches = matches.filter(code__startswith=jurisdiction.region)
        codes = list(matches.values_list("code", flat=True)[:2])
        if len(codes) == 1:
            values["region_code"] = codes[0]
        else:
            message = _("No single street or community named %(name)s in your jurisdiction: give its code.")
            self.problem(
                number, "region_code", message % {"name": name}, column=self.header_text[REGION_NAME]
            )
            bad.add("region_code")

    def _department(self, number: int, values: dict, bad: set) -> None:
        name = values.get("supervising_department_id")
        if not name:
            if "supervising_department_id" in values:
                values["supervising_department_id"] = None
            return
        region = str(values.get("region_code") or "")
        candidates = [d for d in self.departments if d.name == name]
        # The nearest department of that name above the enterprise (departments sorted deepest first).
        covering = [d for d in candidates if region.startswith(d.region_id)]
        chosen = (covering or candidates or [None])[0]
        if chosen is None:
            self.problem(
                number,
                "supervising_department_id",
                _("No member department named %(name)s.") % {"name": name},
            )
            bad.add("supervising_department_id")
        else:
            values["supervising_department_id"] = chosen.pk

    def _save(self, number: int, code: str, values: dict, bad: set) -> None:
        existing = Enterprise.objects.filter(uscc=code).first() if code else None
        try:
            with transaction.atomic():
                if existing is None:
                    services.enterprise_create(actor=self.actor, **values)
                    self.result.created += 1
                    return
                if not Enterprise.objects.for_user(self.actor).filter(pk=existing.pk).exists():
                    message = _("An enterprise outside your jurisdiction is registered with this code.")
                    self.problem(number, "uscc", message)
                    return
                stamp = existing.updated_at
                enterprise = services.enterprise_update(actor=self.actor, enterprise=existing, **values)
                # The service saves only when something changed.
                if enterprise.updated_at == stamp:
                    self.result.unchanged += 1
                else:
                    self.result.updated += 1
        except ApplicationError as e:
            for name, messages in e.errors.items():
                if name not in bad:
                    for message in messages:
                        self.problem(number, None if name == "non_field_errors" else name, message)
        except PermissionDenied as e:
            self.problem(number, None, str(e))
