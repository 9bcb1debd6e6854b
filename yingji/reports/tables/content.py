"""What a statistical table holds, apart from how it is drawn: the heading every table shares
(填报单位, 统计期间, 填报日期), and sheets of columns and rows that `xlsx` lays out."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from yingji.regions.models import Region
from yingji.reports.scope import report_region
from yingji.reports.summary import period_label
from yingji.stats.catalog import Query
from yingji.stats.periods import Period, period_of

# The rows of a region table are the region's children, as stats groups them; a street (or a
# community) is one row of its own.
CHILD_GROUP = {"province": "city", "city": "county", "county": "street"}
ROW_HEADER = {
    "province": "市（州）",
    "city": "县（市、区）",
    "county": "街道（乡镇）",
    "street": "街道（乡镇）",
    "community": "社区（村）",
}


@dataclass(frozen=True)
class Heading:
    user: object
    region: Region
    period: Period
    period_code: str
    as_of: datetime.date  # 填报日期, and the day open and overdue hazards are counted on

    @property
    def org(self) -> str:
        """填报单位: the bureau of a county, city or province; a street office by its name."""
        if self.region.level in ("county", "city", "province"):
            return f"{self.region.name}应急管理局"
        return self.region.name

    @property
    def period_label(self) -> str:
        return period_label(self.period, self.period_code)

    @property
    def child_group(self) -> str | None:
        """The stats group of the rows; None when the region is one row of its own."""
        return CHILD_GROUP.get(self.region.level)

    @property
    def row_header(self) -> str:
        return ROW_HEADER[self.region.level]

    def children(self) -> list[Region]:
        return list(Region.objects.filter(parent=self.region).order_by("code"))

    def query(self, **filters) -> Query:
        return Query(
            user=self.user,
            period=self.period,
            filters={"region": self.region.code} | filters,
            as_of=self.as_of,
        )


def heading_for(*, user, region_code: str, year: int, period_code: str, as_of=None) -> Heading:
    """The heading of a table, after checking the region (unknown or outside the user's
    jurisdiction: 404, so that neither is revealed) and the period (400)."""
    region = report_region(user, region_code)
    # Counted as of today (or the day asked for): a period still running is not counted as
    # of its future end, where hazards not yet due would already look overdue.
    as_of = as_of or timezone.localdate()
    period = period_of(year, period_code, today=as_of)
    return Heading(user=user, region=region, period=period, period_code=period_code, as_of=as_of)


def chinese_date(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


@dataclass(frozen=True)
class Column:
    group: str  # the upper header, shared by neighbouring columns; alone it spans both rows
    label: str = ""  # the lower header; empty when the group stands alone
    number_format: str = (
        "0"  # "0" counts, "0.0" percentages (94.0, 42.9: one decimal everywhere), "0.00" 万元
    )
    width: float = 11


@dataclass(frozen=True)
class Row:
    label: str
    values: list  # one per column: a number, or "—" where a rate or change is undefined
    number: str = ""  # 序号
    bold: bool = False  # 合计, and the first line of a breakdown
    indent: int = 0  # "其中" rows
    centered: bool = False


def total_row(values: list) -> Row:
    return Row("合计", values, bold=True, centered=True)


@dataclass
class Sheet:
    name: str  # the tab
    title: str
    heading: Heading
    unit: str  # 单位：处、%
    stub: str  # the header of the label column: 街道（乡镇）, 行业领域 …
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    stub_width: float = 24
