"""The ledger (台账) import: the template's header rules, every cell form, every rule as a row
error with its row and column, all or nothing, the enterprise lookup, and the round trip."""

import dataclasses
import datetime
import io
from collections import Counter
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from yingji.audit.models import AuditEntry
from yingji.core import uploads
from yingji.hazards import ledger
from yingji.hazards.models import Hazard, HazardEvent
from yingji.hazards.services import hazard_act
from yingji.hazards.tests.factories import assigned, hazard_factory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
FOUND = TODAY - datetime.timedelta(days=30)
BASIC = (
    "序号",
    "单位名称",
    "统一社会信用代码",
    "隐患描述",
    "隐患等级",
    "发现日期",
    "整改期限",
    "整改完成日期",
    "状态",
)


@pytest.fixture(autouse=True)
def english():
    # The messages are asserted as written in the code; test_ledger_api checks the Chinese.
    with translation.override("en"):
        yield


def xlsx(table: list[list], *, title: str | None = None) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=6)
    for row in table:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def ledger_file(rows: list[dict], headers=BASIC, **kwargs) -> bytes:
    return xlsx([list(headers)] + [[row.get(h) for h in headers] for row in rows], **kwargs)


def row(enterprise, **values) -> dict:
    return {
        "单位名称": enterprise.name,
        "统一社会信用代码": enterprise.uscc,
        "隐患描述": "配电箱未上锁",
        "隐患等级": "一般",
        "发现日期": FOUND,
    } | values


def imported(user, data: bytes, filename: str = "台账.xlsx") -> int:
    return ledger.ledger_import(actor=user, data=data, filename=filename)


def problems(user, data: bytes) -> list[tuple[int, str, str]]:
    with pytest.raises(ledger.LedgerError) as caught:
        imported(user, data)
    assert not Hazard.objects.exists(), "a file with a problem writes nothing"
    return [(e.row, e.column, e.message) for e in caught.value.rows] or caught.value.file


def test_a_good_file_creates_every_row_with_its_event_and_one_audit_entry(street, enterprises):
    data = ledger_file(
        [row(enterprises["A"]), row(enterprises["B"], 隐患描述="消防通道堵塞", 隐患等级="重大")]
    )
    assert imported(street, data) == 2
    hazards = list(Hazard.objects.order_by("id"))
    assert [h.description for h in hazards] == ["配电箱未上锁", "消防通道堵塞"]
    assert [h.level for h in hazards] == ["general", "major"]
    assert {h.status for h in hazards} == {"reported"} and {h.source for h in hazards} == {"inspection"}
    assert hazards[0].region_id == "430102015" and hazards[0].industry == "construction"
    assert hazards[1].industry == "commerce_trade" and hazards[0].reported_by == street
    events = HazardEvent.objects.filter(action="import")
    assert events.count() == 2 and {e.data["row"] for e in events} == {2, 3}
    entry = AuditEntry.objects.get(action="hazard.import")
    assert entry.actor == street and entry.region_code == "430102015"
    assert entry.after["created"] == 2 and entry.after["file"] == "台账.xlsx"
    assert len(entry.after["sha256"]) == 64 and {e.data["import"] for e in events} == {entry.pk}


def test_a_title_row_above_the_header_is_allowed_and_rows_keep_the_sheets_numbers(street, enterprises):
    data = ledger_file(
        [row(enterprises["A"]), row(enterprises["A"], 发现日期="昨天")],
        title="东岸街道2026年隐患排查治理台账",
    )
    assert problems(street, data) == [(4, "发现日期", "Not a date: 昨天. Write dates as 2026-03-05.")]
    assert imported(street, ledger_file([row(enterprises["A"])], title="东岸街道台账")) == 1


def test_columns_may_be_reordered_and_optional_ones_left_out(street, enterprises):
    headers = ("发现日期", "隐患等级", "隐患描述", "统一社会信用代码")
    assert imported(street, ledger_file([row(enterprises["A"])], headers=headers)) == 1
    hazard = Hazard.objects.get()
    assert (hazard.enterprise, hazard.found_at, hazard.location, hazard.funds) == (
        enterprises["A"],
        FOUND,
        "",
        None,
    )


def test_headers_match_without_spaces_and_line_breaks(street, enterprises):
    table = [
        ["单位 名称", "隐患\n描述", " 隐患等级 ", "发现\r\n日期", "整改资金(元)"],
        [enterprises["A"].name, "配电箱未上锁", "一般", FOUND, 500],
    ]
    assert imported(street, xlsx(table)) == 1
    assert Hazard.objects.get().funds == Decimal("500.00")


def test_notes_below_the_data_and_blank_rows_are_not_hazards(street, enterprises):
    table = [list(BASIC), [1, *row_values(enterprises["A"])], [], [2], [3, *row_values(enterprises["B"])]]
    table += [[], ["填表人：张三", "", "", "", "", "审核人：李四"], ["说明：隐患等级填一般或重大"]]
    assert imported(street, xlsx(table)) == 2


def row_values(enterprise) -> list:
    return [enterprise.name, enterprise.uscc, "配电箱未上锁", "一般", FOUND]


@pytest.mark.parametrize(
    ("headers", "missing"),
    [
        (("单位名称", "隐患描述", "发现日期"), "The column 隐患等级 is missing."),
        (("单位名称", "隐患描述", "隐患等级"), "The column 发现日期 is missing."),
        (("隐患描述", "隐患等级", "发现日期"), "The columns 单位名称 and 统一社会信用代码 are both missing"),
        (("单位名称", "隐患等级", "发现日期"), "No header row: no cell of the file reads 隐患描述."),
        (("单位名称", "隐患描述", "隐患描述", "隐患等级", "发现日期"), "The column 隐患描述 appears twice."),
    ],
)
def test_a_missing_required_column_is_a_file_error_naming_it(street, enterprises, headers, missing):
    file_errors = problems(street, ledger_file([row(enterprises["A"])], headers=headers))
    assert any(e.startswith(missing) for e in file_errors), file_errors


@pytest.mark.parametrize(
    "cell",
    [
        datetime.date(2026, 3, 5),
        datetime.datetime(2026, 3, 5, 9, 30),  # noqa: DTZ001 (a spreadsheet cell has no time zone)
        46086,  # the serial number of an Excel date cell without a date format
        46086.0,
        "2026-03-05",
        "2026/3/5",
        "2026.3.5",
        "2026年3月5日",
        " 2026 年 3 月 5 日 ",
        "2026-03-05 00:00:00",
    ],
)
def test_every_date_form(street, enterprises, cell):
    day = datetime.date(2026, 3, 5)
    assert ledger._date(cell) == day
    if day <= TODAY:
        assert imported(street, ledger_file([row(enterprises["A"], 发现日期=cell)])) == 1
        assert Hazard.objects.get().found_at == day


@pytest.mark.parametrize("cell", ["2026-02-30", "2026-3-5-1", "05/03/2026", "上周", "1026-03-05", 12.5, True])
def test_what_is_not_a_date(cell):
    with pytest.raises(ledger._Bad):
        ledger._date(cell)


@pytest.mark.parametrize(
    ("values", "column", "message"),
    [
        ({"隐患描述": None}, "隐患描述", "Required."),
        ({"隐患等级": None}, "隐患等级", "Required."),
        ({"隐患等级": "较大"}, "隐患等级", "较大 is not one of: 一般 / 重大."),
        ({"发现日期": None}, "发现日期", "Required."),
        ({"发现日期": TODAY + datetime.timedelta(days=1)}, "发现日期", "This date is in the future."),
        ({"状态": "整改中"}, "整改期限", "Required when the status is 整改中."),
        ({"状态": "待验收"}, "整改期限", "Required when the status is 待验收."),
        ({"状态": "已整改", "整改期限": TODAY}, "整改完成日期", "Required when the status is 已整改."),
        ({"状态": "已销号", "整改期限": TODAY}, "整改完成日期", "Required when the status is 已销号."),
        (
            {"整改完成日期": FOUND - datetime.timedelta(days=1)},
            "整改完成日期",
            "This date cannot be before the date found",
        ),
        (
            {"整改期限": FOUND - datetime.timedelta(days=1)},
            "整改期限",
            "This date cannot be before the date found",
        ),
        ({"整改完成日期": TODAY + datetime.timedelta(days=1)}, "整改完成日期", "This date is in the future."),
        ({"状态": "完成"}, "状态", "完成 is not one of: 待整改 / 整改中"),
        ({"隐患来源": "路人"}, "隐患来源", "路人 is not one of: 企业自查 / 监管检查"),
        ({"整改资金（元）": -1}, "整改资金（元）", "Cannot be negative."),
        ({"整改资金（元）": "一千元"}, "整改资金（元）", "Not a number: 一千元."),
        ({"整改资金（元）": 1e13}, "整改资金（元）", "Too large."),
        ({"整改资金（元）": "1e999999999"}, "整改资金（元）", "Too large."),
        ({"整改资金（元）": "NaN"}, "整改资金（元）", "Not a number: NaN."),
        ({"验收日期": "2026-13-01"}, "验收日期", "Not a date: 2026-13-01."),
        ({"隐患部位": "楼" * 201}, "隐患部位", "Longer than 200 characters."),
        ({"整改责任人": "张" * 101}, "整改责任人", "Longer than 100 characters."),
        ({"单位名称": None, "统一社会信用代码": None}, "单位名称", "Give the enterprise's name or its"),
    ],
)
def test_each_rule_is_a_row_error_with_its_row_and_column(street, enterprises, values, column, message):
    headers = ledger.HEADERS
    # The bad row sits between good ones: a row without 隐患描述 after the data is a note.
    rows = [row(enterprises["A"]), row(enterprises["A"], **values), row(enterprises["A"])]
    data = ledger_file(rows, headers=headers)
    errors = problems(street, data)
    assert len(errors) == 1 and errors[0][:2] == (3, column), errors
    assert errors[0][2].startswith(message), errors


def test_one_bad_row_and_nothing_is_written_and_every_problem_is_listed(street, enterprises):
    a = enterprises["A"]
    rows = [
        row(a),
        row(a, 隐患等级="特大", 发现日期="无"),
        row(a),
        row(a, 状态="已整改"),
        row(a, 统一社会信用代码=enterprises["D"].uscc),
    ]
    assert problems(street, ledger_file(rows)) == [
        (3, "隐患等级", "特大 is not one of: 一般 / 重大."),
        (3, "发现日期", "Not a date: 无. Write dates as 2026-03-05."),
        (5, "整改期限", "Required when the status is 已整改."),
        (5, "整改完成日期", "Required when the status is 已整改."),
        (6, "统一社会信用代码", "No enterprise with this code in your jurisdiction."),
    ]
    assert not HazardEvent.objects.exists() and not AuditEntry.objects.filter(action="hazard.import").exists()


def test_the_code_wins_over_the_name(street, enterprises):
    imported(street, ledger_file([row(enterprises["A"], 单位名称=enterprises["B"].name)]))
    assert Hazard.objects.get().enterprise == enterprises["A"]


def test_the_exact_name_finds_the_enterprise_when_there_is_no_code(street, enterprises):
    imported(street, ledger_file([row(enterprises["B"], 统一社会信用代码=None)]))
    assert Hazard.objects.get().enterprise == enterprises["B"]
    with pytest.raises(ledger.LedgerError) as caught:
        imported(street, ledger_file([row(enterprises["B"], 统一社会信用代码=None, 单位名称="东岸商贸")]))
    assert caught.value.rows[0].message == "No enterprise of this name in your jurisdiction."


def test_an_enterprise_outside_the_jurisdiction_is_a_row_error(street, enterprises):
    d, c = enterprises["D"], enterprises["C"]
    rows = [
        row(d),
        row(c, 统一社会信用代码=None),
        row(enterprises["A"], 统一社会信用代码="91430102000000000X"),
    ]
    assert problems(street, ledger_file(rows)) == [
        (2, "统一社会信用代码", "No enterprise with this code in your jurisdiction."),
        (3, "单位名称", "No enterprise of this name in your jurisdiction."),
        (4, "统一社会信用代码", "Not a valid unified social credit code: 91430102000000000X."),
    ]


def test_an_enterprise_user_imports_only_its_own_rows(enterprise_user, enterprises):
    errors = problems(enterprise_user, ledger_file([row(enterprises["A"]), row(enterprises["B"])]))
    assert errors == [(3, "统一社会信用代码", "No enterprise with this code in your jurisdiction.")]
    assert imported(enterprise_user, ledger_file([row(enterprises["A"])])) == 1


def test_a_department_imports_only_its_industries(department, enterprises):
    # Construction (A) and gas (C) are the department's; commerce (B) is not.
    errors = problems(
        department, ledger_file([row(enterprises["A"]), row(enterprises["B"]), row(enterprises["C"])])
    )
    assert [e[0] for e in errors] == [3]


def test_several_enterprises_of_one_name_need_the_code(street, enterprises):
    from yingji.enterprises.tests.factories import enterprise_factory

    enterprise_factory(name=enterprises["A"].name)
    errors = problems(street, ledger_file([row(enterprises["A"], 统一社会信用代码=None)]))
    assert errors == [
        (2, "单位名称", "Several enterprises in your jurisdiction have this name: give the code.")
    ]


def test_the_enterprises_of_a_whole_file_are_found_in_one_query(street, enterprises):
    sheet = ledger.ledger_read(ledger_file([row(enterprises[k]) for k in "AB"] * 50))
    with CaptureQueriesContext(connection) as queries:
        assert len(ledger.ledger_validate(sheet, actor=street)) == 100
    assert len(queries) == 1


def test_historical_rows_in_every_state(bureau, enterprises):
    # The bureau: it may take a hazard it found to every state (test_ledger_authority.py has
    # who may import what).
    a = enterprises["A"]
    day = FOUND + datetime.timedelta(days=5)
    rows = [
        row(a, 状态="整改中", 整改期限=day, 整改措施="加锁", 整改责任人="李四", 整改资金="1,200.5元"),
        row(
            a, 状态="已整改", 整改期限=day, 整改完成日期=day, 验收人="王五", 验收日期=day, 隐患来源="企业自查"
        ),
        row(a, 状态="已销号", 整改期限=day, 整改完成日期=day, 验收日期=day + datetime.timedelta(days=1)),
        row(a, 状态="已销号", 整改期限=day, 整改完成日期=day),
        row(a, 状态="已撤销", 隐患等级="重大隐患", 备注="重复登记"),
    ]
    headers = ledger.HEADERS[:12] + ("整改资金",) + ledger.HEADERS[13:]
    assert imported(bureau, ledger_file(rows, headers=headers)) == 5
    h = list(Hazard.objects.order_by("id"))
    assert (h[0].status, h[0].deadline, h[0].measures, h[0].funds) == (
        "rectifying",
        day,
        "加锁",
        Decimal("1200.50"),
    )
    # The importer is the acceptor; the name typed in 验收人 stays as a remark.
    assert (h[1].status, h[1].rectified_at, h[1].verifier, h[1].verified_by, h[1].source, h[1].note) == (
        "rectified",
        day,
        "bureau",
        bureau,
        "self_check",
        "Acceptor written in the ledger: 王五",
    )
    assert (h[2].status, h[2].closed_at) == (
        "closed",
        day + datetime.timedelta(days=1),
    )  # the acceptance date
    assert h[3].closed_at == day  # no acceptance date: the rectification date
    assert (h[4].status, h[4].level, h[4].note) == ("cancelled", "major", "重复登记")
    assert [e.to_status for e in HazardEvent.objects.order_by("hazard_id")] == [x.status for x in h]


def test_csv_in_utf8_with_bom_and_in_gb18030(street, enterprises):
    a = enterprises["A"]
    text = f"隐患描述,单位名称,隐患等级,发现日期\n'=配电箱未上锁,{a.name},重大,2026/3/5\n"
    assert imported(street, ("\ufeff" + text).encode(), "台账.csv") == 1
    assert imported(street, text.encode("gb18030"), "台账.csv") == 1
    assert set(Hazard.objects.values_list("description", "level")) == {("=配电箱未上锁", "major")}


@pytest.mark.parametrize(
    "data",
    [b"", b"PK\x03\x04 not a zip", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 not a workbook", b"\xff\xfe\x00\xd8"],
)
def test_an_unreadable_file_is_a_file_error(street, data):
    assert problems(street, data)


def test_a_file_without_rows_is_a_file_error(street):
    assert problems(street, ledger_file([])) == ["The file has no hazard rows under its header."]


def test_an_exported_ledger_imports_back_unchanged(street, inspector, bureau, enterprises):
    a, b = enterprises["A"], enterprises["B"]
    hazard_factory(actor=street, enterprise=a, location="配电间", category="物的不安全状态", note="夜查")
    assigned(hazard_factory(actor=street, enterprise=b, level="major", source="complaint"), bureau)
    done = assigned(
        hazard_factory(actor=street, enterprise=a, description="灭火器过期\r\n多处<过期>&"), street
    )
    hazard_act(
        actor=street,
        hazard=done,
        action="submit",
        data={"rectified_at": done.found_at + datetime.timedelta(days=2)},
    )
    # The street found it and accepts it: importing it back, the street is its acceptor again.
    # (Had the bureau accepted it, the street's import would name the street, keeping the
    # bureau's name as a remark: test_ledger_authority.py.)
    hazard_act(actor=street, hazard=done, action="approve")
    hazard_act(actor=street, hazard=done, action="close")
    Hazard.objects.filter(pk=done.pk).update(funds=Decimal("3500.10"), note="=SUM(A1)")
    data = b"".join(ledger.xlsx_stream(ledger.ledger_rows(user=street, filters={})))
    before = Counter(Hazard.objects.values_list(*COMPARED))
    last = Hazard.objects.latest("id").pk

    assert imported(street, data, "导出.xlsx") == 3
    assert Counter(Hazard.objects.filter(pk__gt=last).values_list(*COMPARED)) == before
    csv_data = b"".join(ledger.csv_stream(ledger.ledger_rows(user=street, filters={"status": "closed"})))
    last = Hazard.objects.latest("id").pk
    assert imported(street, csv_data, "导出.csv") == 2  # the closed one and its copy
    again = Counter(Hazard.objects.filter(pk__gt=last).values_list(*COMPARED))
    assert again == Counter({row: 2 for row in before if row[-2] == "closed"})


COMPARED = (
    "enterprise_id", "description", "location", "category", "level", "source", "found_at", "measures",
    "responsible", "deadline", "funds", "rectified_at", "verifier", "verified_at", "status", "note",
)  # fmt: skip


def test_the_xlsx_goes_on_to_a_new_sheet_past_the_row_limit(street, enterprises):
    from python_calamine import CalamineWorkbook

    rows = [(n, "单位", "", f"隐患{n}") for n in range(1, 6)]
    book = CalamineWorkbook.from_object(io.BytesIO(b"".join(ledger.xlsx_stream(rows, sheet_rows=3))))
    assert book.sheet_names == ["台账", "台账2", "台账3"]
    sheets = [book.get_sheet_by_name(name).to_python() for name in book.sheet_names]
    assert [[r[3] for r in s] for s in sheets] == [
        ["隐患描述", "隐患1", "隐患2"],
        ["隐患描述", "隐患3", "隐患4"],
        ["隐患描述", "隐患5"],
    ]


def test_openpyxl_reads_the_exported_file_too(street, enterprises):
    hazard_factory(actor=street, enterprise=enterprises["A"], funds=Decimal("12.50"))
    data = b"".join(ledger.xlsx_stream(ledger.ledger_rows(user=street, filters={})))
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    header, first = list(sheet.iter_rows(values_only=True))
    assert header == ledger.HEADERS
    assert first[:3] == (1, enterprises["A"].name, enterprises["A"].uscc) and first[12] == 12.5
    assert sheet["I2"].is_date and sheet["I2"].number_format == "yyyy\\-mm\\-dd"


def test_the_import_is_audited_in_the_smallest_region_holding_every_row(bureau, enterprises):
    imported(bureau, ledger_file([row(enterprises["A"]), row(enterprises["C"])]))
    assert AuditEntry.objects.get(action="hazard.import").region_code == "430102"


def test_excels_unicode_text_is_read_too(street, enterprises):
    a = enterprises["A"]
    text = f"隐患描述\t统一社会信用代码\t隐患等级\t发现日期\r\n配电箱未上锁\t{a.uscc}\t一般\t2026.3.5\r\n"
    assert imported(street, text.encode("utf-16"), "台账.txt") == 1


def test_too_large_or_inflating_files_are_refused(street, enterprises, monkeypatch):
    data = ledger_file([row(enterprises["A"])])
    monkeypatch.setattr(uploads, "WEB", dataclasses.replace(uploads.WEB, unpacked_bytes=1000))
    assert problems(street, data) == ["The file unpacks to more than 0 MB: too large to import here."]
    monkeypatch.setattr(uploads, "WEB", dataclasses.replace(uploads.WEB, file_bytes=100))
    assert problems(street, data) == ["The file is larger than 0 MB."]


def test_a_damaged_workbook_is_a_file_error_never_a_crash(enterprises):
    good = ledger_file([row(enterprises["A"])])
    damaged = [good[:n] for n in range(0, len(good), len(good) // 40)]
    for data in damaged:
        with pytest.raises(ledger.LedgerError):
            ledger.ledger_read(data)
