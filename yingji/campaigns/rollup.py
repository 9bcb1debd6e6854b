"""The office's roll-up (汇总表): for a period or cumulatively, one row per participant, one
column per form field, a 合计 row; the lights of each participant's form (green submitted in
time, yellow due within a day, red missing or late); and the XLSX offices circulate, with the
填报 and 审核 lines. Figures a participant reported that differ from the product's are marked."""

import datetime
import io
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from yingji.campaigns.choices import FieldKind, Light
from yingji.campaigns.models import Submission
from yingji.campaigns.periods import periods
from yingji.core.exports import set_cell

DUE_SOON = datetime.timedelta(days=1)


def light(submission, period, now) -> str:
    if submission is not None:
        return Light.RED if submission.late else Light.GREEN
    if now > period.due:
        return Light.RED
    return Light.YELLOW if period.due - now <= DUE_SOON else Light.NONE


@dataclass
class Row:
    organisation: object
    values: dict
    differs: set = field(default_factory=set)  # keys where the report and the product differ
    light: str = Light.NONE


@dataclass
class Rollup:
    campaign: object
    period: object  # None: cumulative over the periods begun
    fields: list
    rows: list
    totals: dict


def _add(total, value):
    return total + value if isinstance(value, int | float) else total


def rollup(campaign, period=None, now=None) -> Rollup:
    now = now or timezone.now()
    fields = list(campaign.fields.all())
    participants = list(campaign.participants.order_by("kind", "region_id", "name"))
    subs = Submission.objects.filter(campaign=campaign)
    subs = subs.filter(period_start=period.start) if period else subs
    by_org = {}
    for s in subs.order_by("period_start"):
        by_org.setdefault(s.organisation_id, []).append(s)
    rows = []
    for org in participants:
        mine = by_org.get(org.pk, [])
        values, differs = {}, set()
        for f in fields:
            if f.kind == FieldKind.NUMBER:
                values[f.key] = sum(s.values.get(f.key, 0) or 0 for s in mine) if mine else None
            else:
                texts = [s.values.get(f.key) for s in mine if s.values.get(f.key)]
                values[f.key] = (texts[-1] if texts else "") if mine else None  # the latest said
            if any(f.indicator and s.values.get(f.key) != s.prefilled.get(f.key) for s in mine):
                differs.add(f.key)
        rows.append(
            Row(org, values, differs, light(mine[0] if mine else None, period, now) if period else Light.NONE)
        )
    totals = {f.key: sum(r.values[f.key] or 0 for r in rows) for f in fields if f.kind == FieldKind.NUMBER}
    return Rollup(campaign, period, fields, rows, totals)


def lights(campaign, now=None) -> tuple[list, list]:
    """The grid of lights: the periods begun or due soon, and per participant a light each."""
    now = now or timezone.now()
    shown = [p for p in periods(campaign) if p.start <= timezone.localdate(now)]
    subs = {(s.organisation_id, s.period_start): s for s in Submission.objects.filter(campaign=campaign)}
    grid = [
        (org, [light(subs.get((org.pk, p.start)), p, now) for p in shown])
        for org in campaign.participants.order_by("kind", "region_id", "name")
    ]
    return shown, grid


def charts(campaign, now=None) -> list[dict]:
    """A chart per number field: over the periods begun, the reported total of each period
    (bars) beside the product's own figure for the same forms (a line, for bound fields)."""
    shown = [p for p in periods(campaign) if p.start <= timezone.localdate(now or timezone.now())]
    subs = list(Submission.objects.filter(campaign=campaign))
    out = []
    for f in campaign.fields.all():
        if f.kind != FieldKind.NUMBER:
            continue
        series = [{"name": _("Reported total"), "data": _per_period(subs, shown, "values", f.key)}]
        if f.indicator:
            series.append({"name": _("In the records"), "data": _per_period(subs, shown, "prefilled", f.key)})
        title = f"{f.label}（{f.unit}）" if f.unit else f.label
        out.append(
            {
                "key": f.key,
                "source": f"campaign-chart-{f.key}",
                "title": title,
                "months": [f"第{p.index}期" for p in shown],
                "series": series,
            }
        )
    return out


def _per_period(subs, shown, source: str, key: str) -> list:
    """The sum of one figure (reported `values` or the product's `prefilled`) in each period."""
    return [
        sum(_add(0, getattr(s, source).get(key)) for s in subs if s.period_start == p.start) for p in shown
    ]


GREY, RED = PatternFill("solid", fgColor="EEF1F4"), PatternFill("solid", fgColor="FDE1DC")


def xlsx(table: Rollup, *, prepared_by: str = "") -> bytes:
    """The roll-up as the office sends it: a title, units as rows and fields as columns, 合计, and
    the 填报人 / 审核人 lines; a reported figure that differs from the product's is shaded."""
    book = Workbook()
    sheet = book.active
    sheet.title = "汇总表"
    when = table.period.label if table.period else "累计"
    width = len(table.fields) + 2
    set_cell(sheet.cell(1, 1), f"{table.campaign.name}调度汇总表（{when}）")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.cell(1, 1).font, sheet.cell(1, 1).alignment = (
        Font(size=14, bold=True),
        Alignment(horizontal="center"),
    )
    header = ["序号", "单位"] + [f"{f.label}（{f.unit}）" if f.unit else f.label for f in table.fields]
    for c, title in enumerate(header, 1):
        set_cell(sheet.cell(2, c), title)
        sheet.cell(2, c).font, sheet.cell(2, c).fill = Font(bold=True), GREY
    for r, row in enumerate(table.rows, 3):
        set_cell(sheet.cell(r, 1), r - 2)
        set_cell(sheet.cell(r, 2), row.organisation.name)
        for c, f in enumerate(table.fields, 3):
            value = row.values[f.key]
            set_cell(sheet.cell(r, c), "未报送" if value is None else value)
            if f.key in row.differs:
                sheet.cell(r, c).fill = RED
    last = len(table.rows) + 3
    set_cell(sheet.cell(last, 2), "合计")
    for c, f in enumerate(table.fields, 3):
        if f.key in table.totals:
            set_cell(sheet.cell(last, c), table.totals[f.key])
    set_cell(sheet.cell(last + 2, 1), f"填报人：{prepared_by}")
    set_cell(sheet.cell(last + 2, max(3, width - 1)), "审核人：")
    set_cell(sheet.cell(last + 3, 1), f"填报日期：{timezone.localdate():%Y年%m月%d日}")
    sheet.column_dimensions["B"].width = 28
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
