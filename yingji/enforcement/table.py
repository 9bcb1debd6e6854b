"""行政执法情况统计表: cases filed and closed, fines decided and collected (万元), documents,
simplified-procedure penalties, transfers, suspensions, licences and closures; the total with
the same period last year and 同比, then by street (county, city) and by industry. Every number
is a stats answer drawn in the layout of the other tables (reports.tables)."""

from decimal import Decimal

from django.utils import translation

from yingji.core.industries import Industry
from yingji.core.replicas import replica_reads
from yingji.enforcement.choices import DocumentKind
from yingji.reports.tables.content import Column, Heading, Row, Sheet, heading_for, total_row
from yingji.reports.tables.xlsx import workbook_bytes
from yingji.stats.catalog import remembering
from yingji.stats.selectors import stats_answer

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TITLE = "行政执法情况统计表"
# (indicator, filters) -> column
COLUMNS = [
    (("cases.filed", {}), Column("立案\n（起）")),
    (("cases.closed", {}), Column("结案\n（起）")),
    (("cases.simplified", {}), Column("简易程序\n（起）")),
    (("cases.fines_decided", {}), Column("罚款（万元）", "决定", "0.00")),
    (("cases.fines_collected", {}), Column("罚款（万元）", "收缴", "0.00")),
    (
        ("cases.documents", {"kind": DocumentKind.RECTIFICATION_ORDER}),
        Column("执法文书（份）", "整改\n指令书"),
    ),
    (("cases.documents", {"kind": DocumentKind.PENALTY_DECISION}), Column("执法文书（份）", "处罚\n决定书")),
    (("cases.referrals", {}), Column("移交移送（件）", "移交")),
    (("cases.criminal_transfers", {}), Column("移交移送（件）", "涉嫌犯罪\n移送")),
    (("cases.suspensions", {}), Column("责令停产\n停业（家）")),
    (("cases.licences", {}), Column("暂扣吊销\n证照（家）")),
    (("cases.closures", {}), Column("关闭取缔\n（家）")),
]
MONEY = {"cases.fines_decided", "cases.fines_collected"}


def _value(key: str, value):
    return Decimal(value or 0) / 10000 if key in MONEY else value


def _cells(heading: Heading, compare: bool = False, **filters) -> tuple[list, list, list]:
    now, before, change = [], [], []
    for (key, extra), _column in COLUMNS:
        answer = stats_answer(
            query=heading.query(**filters, **extra), keys=[key], compare="yoy" if compare else None
        )
        entry = answer["indicators"][key]
        now.append(_value(key, entry["value"]))
        if compare:
            before.append(_value(key, entry["previous"]))
            change.append("—" if entry["change_pct"] is None else entry["change_pct"])
    return now, before, change


def _total_rows(heading: Heading) -> list[Row]:
    now, before, change = _cells(heading, compare=True)
    return [
        total_row(now),
        Row("上年同期", before, centered=True),
        Row("同比增减（%）", change, centered=True),
    ]


def _sheet(heading: Heading, name: str, stub: str, rows: list[Row]) -> Sheet:
    return Sheet(
        name=name,
        title=f"{heading.period_label}{TITLE}",
        heading=heading,
        unit="单位：起、万元、份、件、家、%",
        stub=stub,
        columns=[column for _key, column in COLUMNS],
        rows=rows,
        notes=[
            "立案按立案审批日期、结案按结案审批日期、罚款决定和责令停产停业等按处罚决定日期、罚款收缴按缴款日期、"
            "执法文书按成文日期计入本期。",
            "同比增减＝（本期－上年同期）÷上年同期×100%，“—”表示上年同期数据为零。",
            "本表数据由执法案件记录自动生成。",
        ],
        stub_width=18,
    )


def _by_region(heading: Heading, totals: list[Row]) -> Sheet:
    rows = list(totals)
    children = heading.children() if heading.child_group else []
    for n, region in enumerate(children, 1):
        now, _before, _change = _cells(heading, region=region.code)
        rows.append(Row(region.name, now, number=str(n)))
    return _sheet(heading, f"按{heading.row_header}", heading.row_header, rows)


def _by_industry(heading: Heading, totals: list[Row]) -> Sheet:
    rows = list(totals)
    for n, industry in enumerate(Industry, 1):
        now, _before, _change = _cells(heading, industry=industry.value)
        rows.append(Row(str(industry.label), now, number=str(n)))
    return _sheet(heading, "按行业领域", "行业领域", rows)


@replica_reads
@remembering()
def build(*, user, region_code: str, year: int, period_code: str, as_of=None) -> bytes:
    heading = heading_for(user=user, region_code=region_code, year=year, period_code=period_code, as_of=as_of)
    with translation.override("zh-hans"):
        totals = _total_rows(heading)
        return workbook_bytes([_by_region(heading, totals), _by_industry(heading, totals)])
