import datetime

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from ninja import Field, Query, Router, Schema

from yingji.reports.permissions import require_report_reader
from yingji.reports.scope import report_region
from yingji.reports.summary import file_stem, summary_outline
from yingji.reports.tables import XLSX_TYPE, build_table, table_filename
from yingji.reports.writers import FORMATS

router = Router(tags=["reports"])


class SummaryParams(Schema):
    region: str = Field(..., max_length=12)
    year: int | None = Field(None, ge=2000, le=2100, description="with `period`; or give `from` and `to`")
    period: str = Field("year", max_length=4, description="year, ytd, H1, H2, Q1..Q4, M01..M12")
    from_: datetime.date | None = Field(
        None, alias="from", description="first day of a window of dates (a campaign's), with `to`"
    )
    to: datetime.date | None = Field(None, description="last day of the window")
    format: str = Field("md", pattern="^(md|html|docx)$")
    as_of: datetime.date | None = None


class TableParams(Schema):
    region: str = Field(..., max_length=12)
    year: int = Field(..., ge=2000, le=2100)
    period: str = Field("year", max_length=4, description="year, ytd, H1, H2, Q1..Q4, M01..M12")
    as_of: datetime.date | None = Field(None, description="count as on this day (default: today)")


def summary_response(user, *, region, year, period, format, as_of=None, from_=None, to=None) -> HttpResponse:
    outline = summary_outline(
        user=user, region_code=region, year=year, period_code=period, start=from_, end=to, as_of=as_of
    )
    content_type, extension, write = FORMATS[format]
    response = HttpResponse(write(outline.document()), content_type=content_type)
    filename = f"{file_stem(report_region(user, region), outline.period_label)}.{extension}"
    response["Content-Disposition"] = content_disposition_header(True, filename)
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
    return summary_response(request.auth, **params.dict())  # from_: the query's `from`


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
