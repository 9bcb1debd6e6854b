"""生产安全事故统计表: accidents, deaths (with the missing), injured and direct loss, each this
period, the same period last year and the change in per cent; by kind (生产安全事故 and its
domains, then road traffic, fire and forest fire) and production accidents by industry.
Every number is a stats answer (compare=yoy); this module only places them."""

from decimal import Decimal

from yingji.accidents.choices import AccidentDomain
from yingji.core.industries import Industry, chinese_name
from yingji.reports.tables.content import Column, Heading, Row, Sheet, total_row
from yingji.stats.selectors import stats_answer

TITLE = "生产安全事故统计表"
MEASURES = {
    "accidents.count": ("事故起数（起）", "0"),
    "accidents.deaths": ("死亡（含失踪）（人）", "0"),
    "accidents.injuries": ("受伤（人）", "0"),
    "accidents.direct_loss": ("直接经济损失（万元）", "0.00"),
}
KEYS = list(MEASURES)
COLUMNS = [
    column
    for group, number_format in MEASURES.values()
    for column in (
        Column(group, "本期", number_format, width=8.5),
        Column(group, "上年同期", number_format, width=8.5),
        Column(group, "同比增减\n（%）", "0.0", width=8.5),
    )
]
# The kinds a bureau reports apart (DOMAIN.md §1.4, §0.4): business-related road, waterway and
# fire events are 生产安全事故; the others are counted beside them, never inside.
OTHER_KINDS = {"road_traffic": "道路交通事故", "fire": "火灾事故", "forest_fire": "森林火灾"}
PRODUCTION = {"kind": "production"}


OTHER_TITLE = "道路交通、火灾和森林火灾事故统计表"


def accident_sheets(heading: Heading) -> list[Sheet]:
    return [_by_domain(heading), _by_industry(heading), _other_kinds(heading)]


def _cells(heading: Heading, **filters) -> list:
    """本期, 上年同期, 同比增减 of each measure, for one slice."""
    answer = stats_answer(query=heading.query(**filters), keys=KEYS, compare="yoy")
    cells = []
    for key in KEYS:
        entry = answer["indicators"][key]
        now, before = entry["value"], entry["previous"]
        if key == "accidents.direct_loss":  # stats counts yuan; the tables print 万元
            now, before = _wan(now), _wan(before)
        cells += [now, before, "—" if entry["change_pct"] is None else entry["change_pct"]]
    return cells


def _wan(yuan) -> Decimal:
    return Decimal(yuan) / 10000


def _sheet(
    heading: Heading, name: str, stub: str, rows: list[Row], notes: list[str], title: str = TITLE
) -> Sheet:
    return Sheet(
        name=name,
        title=f"{heading.period_label}{title}",
        heading=heading,
        unit="单位：起、人、万元、%",
        stub=stub,
        columns=COLUMNS,
        rows=rows,
        notes=notes + COMMON_NOTES,
        stub_width=22,
    )


def _by_domain(heading: Heading) -> Sheet:
    """生产安全事故 and its domains: what the title says, nothing else."""
    rows = [Row("生产安全事故", _cells(heading, **PRODUCTION), number="1", bold=True)]
    for n, domain in enumerate(AccidentDomain):
        label = f"{'其中：' if n == 0 else '　　　'}{domain.label}"
        rows.append(Row(label, _cells(heading, **PRODUCTION, domain=domain.value), indent=1))
    notes = ["生产安全事故含生产经营性道路运输、水上交通和火灾事故。"]
    return _sheet(heading, "生产安全事故", "事故类型", rows, notes)


def _other_kinds(heading: Heading) -> Sheet:
    """The non-business road accidents, fires and forest fires, counted beside the production
    accidents, never inside (DOMAIN.md §1.4), on their own sheet under their own title."""
    rows = [
        Row(label, _cells(heading, kind=kind), number=str(n))
        for n, (kind, label) in enumerate(OTHER_KINDS.items(), 1)
    ]
    notes = ["本表道路交通事故、火灾事故为非生产经营性事故，不计入生产安全事故；森林火灾单独统计。"]
    return _sheet(heading, "道路交通和火灾", "事故类型", rows, notes, title=OTHER_TITLE)


def _by_industry(heading: Heading) -> Sheet:
    rows = [total_row(_cells(heading, **PRODUCTION))] + [
        Row(
            chinese_name(industry.value),
            _cells(heading, **PRODUCTION, industry=industry.value),
            number=str(n),
        )
        for n, industry in enumerate(Industry, 1)
    ]
    notes = ["本表统计生产安全事故，按事故单位所属行业领域分列。"]
    return _sheet(heading, "按行业领域", "行业领域", rows, notes, title=f"{TITLE}（按行业领域）")


COMMON_NOTES = [
    "死亡人数含下落不明人数；受伤人数含重伤和轻伤；伤亡人数和直接经济损失含事故发生之日起30日内"
    "（道路交通、火灾事故7日内）的补报数。",
    "同比增减＝（本期－上年同期）÷上年同期×100%，保留一位小数（四舍五入）；“—”表示上年同期为零。",
    "本表数据由事故登记记录自动生成。",
]
