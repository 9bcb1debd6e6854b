"""隐患排查治理情况统计表: hazards found, rectified and the rate, major hazards and theirs,
listed supervision and overdue hazards; by street (county, city) and by industry. Every
number is a stats answer; this module only places them."""

from yingji.core.industries import Industry, chinese_name
from yingji.reports.tables.content import Column, Heading, Row, Sheet, chinese_date, total_row
from yingji.stats.catalog import CATALOG, Ratio
from yingji.stats.selectors import stats_answer

TITLE = "隐患排查治理情况统计表"
COLUMNS = {
    "hazards.found": Column("排查隐患（处）", "合计"),
    "hazards.major_found": Column("排查隐患（处）", "其中：\n重大隐患"),
    "hazards.rectified": Column("隐患整改", "已整改\n（处）"),
    "hazards.rectification_rate": Column("隐患整改", "整改率\n（%）", "0.0"),
    "hazards.major_rectified": Column("重大隐患整改", "已整改\n（处）"),
    "hazards.major_rectification_rate": Column("重大隐患整改", "整改率\n（%）", "0.0"),
    "hazards.listed": Column("挂牌督办\n（处）"),
    "hazards.overdue": Column("逾期未整改\n（处）"),
}
KEYS = list(COLUMNS)


def hazard_sheets(heading: Heading) -> list[Sheet]:
    answer = stats_answer(query=heading.query(), keys=KEYS)
    total = total_row(_cells({key: entry["value"] for key, entry in answer["indicators"].items()}))
    return [_by_region(heading, total), _by_industry(heading, total)]


def _cells(values: dict) -> list:
    """A row's numbers from {indicator key: value}; a count not there is 0, a rate "—"."""
    return [_cell(key, values) for key in KEYS]


def _cell(key: str, value_of: dict):
    if isinstance(CATALOG[key], Ratio):
        value = value_of.get(key)  # None or absent: nothing to divide by
        return "—" if value is None else value
    return value_of.get(key, 0)


def _grouped(heading: Heading, group_by: str) -> tuple[dict, dict]:
    """{group: {key: value}} and {group: label}. Each rate is asked for on its own, so that a
    group with nothing to divide by has no rate at all: in one answer with other indicators
    stats would give it a rate of 0 (and fail on it), where the rate is undefined."""
    measures = [k for k in KEYS if not isinstance(CATALOG[k], Ratio)]
    ratios = [[k] for k in KEYS if isinstance(CATALOG[k], Ratio)]
    values: dict[str, dict] = {}
    labels: dict[str, str] = {}
    for keys in [measures, *ratios]:
        for group in stats_answer(query=heading.query(), keys=keys, group_by=group_by)["groups"]:
            values.setdefault(group["key"], {}).update(group["values"])
            labels[group["key"]] = group["label"]
    return values, labels


def _sheet(heading: Heading, name: str, stub: str, rows: list[Row]) -> Sheet:
    return Sheet(
        name=name,
        title=f"{heading.period_label}{TITLE}",
        heading=heading,
        unit="单位：处、%",
        stub=stub,
        columns=list(COLUMNS.values()),
        rows=rows,
        notes=_notes(heading),
    )


def _by_region(heading: Heading, total: Row) -> Sheet:
    rows = [total]
    if heading.child_group is None:  # a street's own table: one row, its whole area
        rows.append(Row(heading.region.name, total.values, number="1"))
    else:
        values, labels = _grouped(heading, heading.child_group)
        places = {r.code: r.name for r in heading.children()}
        # Records kept on the region itself (an enterprise registered to the county, not a
        # street) are a row of their own, 本级, so that the rows add up to 合计.
        for key, label in labels.items():
            if key not in places:
                places[key] = f"{label}本级" if key == heading.region.code else label
        for n, (code, name) in enumerate(places.items(), 1):
            rows.append(Row(name, _cells(values.get(code, {})), number=str(n)))
    return _sheet(heading, f"按{heading.row_header}", heading.row_header, rows)


def _by_industry(heading: Heading, total: Row) -> Sheet:
    values, _labels = _grouped(heading, "industry")
    rows = [total] + [
        Row(chinese_name(industry.value), _cells(values.get(industry.value, {})), number=str(n))
        for n, industry in enumerate(Industry, 1)
    ]
    return _sheet(heading, "按行业领域", "行业领域", rows)


def _notes(heading: Heading) -> list[str]:
    cutoff = chinese_date(heading.query().cutoff)
    return [
        f"排查隐患按发现日期计入本期，不含已撤销的隐患；已整改指本期发现、截至{cutoff}已整改或已销号的隐患。",
        "整改率＝已整改隐患数÷排查隐患数×100%，重大隐患整改率＝已整改重大隐患数÷重大隐患数×100%，"
        "保留一位小数（四舍五入）；“—”表示分母为零。",
        f"挂牌督办为本期挂牌督办的重大隐患数；逾期未整改为截至{cutoff}已过整改期限仍未整改的隐患数，"
        "含以前各期发现的隐患。",
        "本表数据由隐患排查治理台账自动生成。",
    ]
