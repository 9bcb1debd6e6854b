import datetime

from django.http import HttpResponse
from ninja import Field, Query, Router, Schema

from yingji.reports.permissions import require_report_reader
from yingji.reports.summary import build_summary
from yingji.reports.tables import XLSX_TYPE, build_table, table_filename
from yingji.reports.writers import FORMATS

router = Router(tags=["reports"])


class SummaryParams(Schema):
    region: str = Field(..., max_length=12)
    year: int = Field(..., ge=2000, le=2100)
    period: str = Field("year", max_length=4)
    format: str = Field("md", pattern="^(md|html|docx)$")
    as_of: datetime.date | None = None


class TableParams(Schema):
    region: str = Field(..., max_length=12)
    year: int = Field(..., ge=2000, le=2100)
    period: str = Field("year", max_length=4, description="year, ytd, H1, H2, Q1..Q4, M01..M12")
    as_of: datetime.date | None = Field(None, description="count as on this day (default: today)")


def summary_response(user, *, region, year, period, format, as_of=None) -> HttpResponse:
    document = build_summary(user=user, region_code=region, year=year, period_code=period, as_of=as_of)
    content_type, extension, write = FORMATS[format]
    response = HttpResponse(write(document), content_type=content_type)
    filename = f"work-summary-{region}-{year}-{period}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def table_response(user, name: str, *, region, year, period, as_of=None) -> HttpResponse:
    content = build_table(name, user=user, region_code=region, year=year, period_code=period, as_of=as_of)
    response = HttpResponse(content, content_type=XLSX_TYPE)
    filename = table_filename(name, region_code=region, year=year, period_code=period)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@router.get("/work-summary")
def work_summary(request, params: Query[SummaryParams]):
    """The work summary (工作总结) for a region and period, as md, html or docx. For the
    administrator, bureau staff and leaders only (403 for other roles)."""
    require_report_reader(request.auth)
    return summary_response(request.auth, **params.dict())


@router.get("/hazard-table")
def hazard_table(request, params: Query[TableParams]):
    """隐患排查治理情况统计表 (xlsx): hazards found, rectified, major, listed and overdue, by
    street (county, city) and by industry. A region outside the caller's jurisdiction is 404;
    roles other than administrator, bureau staff and leader are 403."""
    require_report_reader(request.auth)
    return table_response(request.auth, "hazard-table", **params.dict())


@router.get("/accident-table")
def accident_table(request, params: Query[TableParams]):
    """生产安全事故统计表 (xlsx): accidents, deaths, injured and direct loss with 同比, by kind and
    by industry. A region outside the caller's jurisdiction is 404; roles other than
    administrator, bureau staff and leader are 403."""
    require_report_reader(request.auth)
    return table_response(request.auth, "accident-table", **params.dict())


# The office's drafts of the summary: /api/v1/reports/drafts (yingji.reports.draft_api).
from yingji.reports.draft_api import router as drafts_router  # noqa: E402

router.add_router("/drafts", drafts_router)
