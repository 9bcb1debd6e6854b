import datetime

from django.http import HttpResponse
from ninja import Field, Query, Router, Schema

from yingji.reports.summary import build_summary
from yingji.reports.writers import FORMATS

router = Router(tags=["reports"])


class SummaryParams(Schema):
    region: str = Field(..., max_length=12)
    year: int = Field(..., ge=2000, le=2100)
    period: str = Field("year", max_length=4)
    format: str = Field("md", pattern="^(md|html|docx)$")
    as_of: datetime.date | None = None


def summary_response(user, *, region, year, period, format, as_of=None) -> HttpResponse:
    document = build_summary(user=user, region_code=region, year=year, period_code=period, as_of=as_of)
    content_type, extension, write = FORMATS[format]
    response = HttpResponse(write(document), content_type=content_type)
    filename = f"work-summary-{region}-{year}-{period}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@router.get("/work-summary")
def work_summary(request, params: Query[SummaryParams]):
    """The work summary (工作总结) for a region and period, as md, html or docx."""
    return summary_response(request.auth, **params.dict())
