"""The statistical tables a bureau sends upward each quarter and year, as xlsx: the hazard
table (隐患排查治理情况统计表) and the accident table (生产安全事故统计表). Each is sheets
of numbers from `stats` (hazards.py, accidents.py) drawn as an official form (xlsx.py)."""

import datetime

from django.utils import translation

from yingji.core.replicas import replica_reads
from yingji.reports.tables.accidents import accident_sheets
from yingji.reports.tables.content import heading_for
from yingji.reports.tables.hazards import hazard_sheets
from yingji.reports.tables.xlsx import workbook_bytes
from yingji.stats.catalog import remembering

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TABLES = {"hazard-table": hazard_sheets, "accident-table": accident_sheets}


@replica_reads
@remembering()
def build_table(
    name: str, *, user, region_code: str, year: int, period_code: str, as_of: datetime.date | None = None
) -> bytes:
    """The table as xlsx bytes, in the user's jurisdiction (ApplicationError: 404 for a region
    outside it, 400 for a bad period)."""
    heading = heading_for(user=user, region_code=region_code, year=year, period_code=period_code, as_of=as_of)
    # An official form is in Chinese whatever the language of the page that asked for it.
    with translation.override("zh-hans"):
        return workbook_bytes(TABLES[name](heading))


def table_filename(name: str, *, region_code: str, year: int, period_code: str) -> str:
    return f"{name}-{region_code}-{year}-{period_code}.xlsx"
