"""The half-year / annual work summary (工作总结): numbers from `stats`, wording from
`narrative`, four sections shaped like the seeds. `build_summary` returns a plain document
(title and sections of paragraphs) that the writers turn into Markdown, HTML or DOCX."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.core import dates
from yingji.core.errors import ApplicationError
from yingji.core.replicas import replica_reads
from yingji.regions.models import Region
from yingji.reports import situation
from yingji.reports.facts import Facts, as_of_label
from yingji.reports.narrative import Narrative
from yingji.reports.outline import Outline, Paragraph, Section, paragraph
from yingji.reports.parts import work_parts
from yingji.reports.problems import find_problems
from yingji.reports.ranking import ranking
from yingji.reports.scope import report_region
from yingji.stats.catalog import Query, remembering
from yingji.stats.periods import Period, period_of

CHINESE_ORDINALS = "一二三四五六七八九十"


@dataclass
class Document:
    title: str
    subtitle: str
    sections: list[tuple[str, list[str]]] = field(default_factory=list)
    signature: str = ""  # 落款: the issuing organisation
    date: datetime.date | None = None  # 成文日期


def region_word(region: Region) -> str:
    """全区 / 全县 / 全市 / 全省 / 全街道 by the region's level and name."""
    name = region.name
    if region.level == "province":
        return "全省"
    if region.level == "city":
        return "全市"
    if region.level == "county":
        return "全区" if name.endswith("区") else "全县" if name.endswith(("县", "旗")) else "全市"
    return "全街道" if name.endswith("街道") else "全镇" if name.endswith("镇") else "全乡"


def period_label(period: Period, code: str) -> str:
    year = period.start.year
    if code == "range":
        return window_label(period)
    labels = {"year": f"{year}年", "H1": f"{year}年上半年", "H2": f"{year}年下半年", "ytd": f"{year}年以来"}
    if code in labels:
        return labels[code]
    if code.startswith("Q"):
        return f"{year}年第{CHINESE_ORDINALS[int(code[1]) - 1]}季度"
    return f"{year}年{int(code[1:])}月"


@remembering()
def build_summary(**where) -> Document:
    """The summary rendered (`summary_outline`'s arguments)."""
    return summary_outline(**where).document()


def report_period(
    year: int | None,
    period_code: str | None,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    as_of: datetime.date | None = None,
) -> tuple[Period, str]:
    """The period a report covers and its code: a named one of a year (H1, Q3, year, ytd…) or
    any window of dates (a campaign's 岁末年初, 百日行动), given as start and end."""
    if start or end:
        if not (start and end):
            message = _("Give both the first and the last day of the window.")
            raise ApplicationError(message, errors={"from" if not start else "to": [message]})
        for name, day in (("from", start), ("to", end)):
            if day < dates.EARLIEST or day.year > 2100:
                raise ApplicationError(dates.too_early(), errors={name: [dates.too_early()]})
        return Period(start, end, "range"), "range"
    if year is None:
        message = _("Give a year and a period, or the first and last day of the window.")
        raise ApplicationError(message, errors={"year": [message]})
    return period_of(year, period_code or "year", today=as_of or timezone.localdate()), period_code or "year"


@replica_reads
@remembering()
def summary_outline(
    *,
    user,
    region_code: str,
    year: int | None = None,
    period_code: str | None = None,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    as_of: datetime.date | None = None,
) -> Outline:
    """The summary as paragraphs whose numbers stay bound to their indicators (a draft's
    source); `build_summary` renders it. A year and period code, or a window start–end."""
    region = report_region(user, region_code)
    period, period_code = report_period(year, period_code, start, end, as_of)
    query = Query(user=user, period=period, filters={"region": region_code}, as_of=as_of)
    facts = Facts(
        query, Query(user=user, period=period.year_before(), filters={"region": region_code}, as_of=as_of)
    )
    facts.count_together("summary")
    context = _context(facts, region, period, period_code)
    narrative = Narrative.for_user(user)  # the wording of the user's organisation

    def part(key: str, extra: dict | None = None) -> Paragraph:
        values = context | (extra or {})
        return paragraph(key, narrative.template(key, values), values, facts)

    outline = Outline(
        title=narrative.render("title", context),
        org_name=context["org_name"],
        date=as_of or timezone.localdate(),
        period_label=context["period_label"],
        sections=[
            Section("", [part("lead")]),
            Section(
                "一、安全生产形势",
                [part("situation"), part("other_kinds")]
                + [Paragraph.literal("ranking", text) for text in ranking(facts, region)],
            ),
            Section("二、主要工作开展情况", _work(facts, part)),
            Section("三、存在问题", _problems(facts, context, part)),
            Section(
                plan_heading(period, period_code),
                [Paragraph.literal("plan", line) for line in narrative.render("plan", context).splitlines()],
            ),
        ],
    )
    facts.learn("summary")
    return outline


def _work(facts: Facts, part) -> list[Paragraph]:
    """Each module's paragraph that has something to say, numbered （一）（二）… where it has a
    heading of its own."""
    paragraphs, number = [], 0
    for work in work_parts():
        numbers = work.numbers(facts)
        if not work.says_something(numbers):
            continue
        if work.heading:
            paragraphs.append(Paragraph.literal("heading", f"（{CHINESE_ORDINALS[number]}）{work.heading}"))
            number += 1
        paragraphs.append(part(work.key, numbers))
    return paragraphs


def file_stem(region: Region, period_label_text: str) -> str:
    """芙蓉区2026年上半年安全生产工作总结: how the office names the file."""
    return f"{region.name}{period_label_text}安全生产工作总结"


def window_label(period: Period) -> str:
    """2026年1月1日至3月31日 · 2025年12月1日至2026年2月28日."""
    start, end = period.start, period.end
    first = f"{start.year}年{start.month}月{start.day}日"
    last = f"{end.month}月{end.day}日" if end.year == start.year else f"{end.year}年{end.month}月{end.day}日"
    return f"{first}至{last}"


def plan_heading(period: Period, code: str) -> str:
    """下半年工作计划 after H1, 20XX年工作计划 after the year, 下步工作计划 otherwise."""
    if code == "H1":
        return "四、下半年工作计划"
    if code in ("year", "H2", "Q4"):
        return f"四、{period.start.year + 1}年工作计划"
    return "四、下步工作计划"


def org_name(region: Region) -> str:
    """The issuing organisation's full name: 长沙市芙蓉区应急管理局 (a county with its city)."""
    if region.level == "county" and region.parent_id and region.parent.level == "city":
        return f"{region.parent.name}{region.name}应急管理局"
    if region.level in ("county", "city", "province"):
        return f"{region.name}应急管理局"
    return region.name


def _context(facts: Facts, region: Region, period: Period, code: str) -> dict:
    """The wording's variables: plain values only (narrative refuses anything else), so that
    wording reaches no record but these numbers."""
    production = situation.production(facts)
    return {
        "region_word": region_word(region),
        "org_name": org_name(region),
        "period_label": period_label(period, code),
        "as_of_label": as_of_label(facts.query.cutoff),
        "judgement": situation.judgement(production),
        "p": production,
        "road": situation.fatal(facts, "road_traffic", "road_transport"),
        "fire": situation.fatal(facts, "fire", "fire"),
        "forest": {"count": facts.value("accidents.count", kind="forest_fire")},
        "double_zero": production["count"]["value"] == 0 and production["deaths"]["value"] == 0,
    }


def _problems(facts: Facts, context: dict, part) -> list[Paragraph]:
    found = find_problems(facts)
    if not found:
        return [part("no_problems")]
    ordinals = [f"{CHINESE_ORDINALS[i]}是" for i in range(len(found))]
    return [part("problems_intro")] + [
        Paragraph.literal("problem", f"{o}{text}") for o, text in zip(ordinals, found, strict=True)
    ]
