"""The accident list as a spreadsheet (事故台账), xlsx or CSV, with the same query string as the
list: streamed through yingji.core.exports, so every text is written as text and one that
starts like a formula (an enterprise named "=HYPERLINK(…)") is guarded."""

from collections.abc import Iterator

from django.http import StreamingHttpResponse
from django.utils import timezone, translation

from yingji.core import exports

HEADERS = (
    "序号",
    "事故发生时间",
    "行政区域",
    "发生地点",
    "事故单位",
    "统一社会信用代码",
    "事故类型",
    "事故类别",
    "行业领域",
    "死亡（含失踪）人数",
    "其中失踪人数",
    "重伤人数",
    "轻伤人数",
    "直接经济损失（元）",
    "事故等级",
    "是否迟报",
    "调查处理状态",
    "事故简要经过",
)
WIDTHS = (6, 18, 14, 24, 28, 22, 14, 16, 14, 10, 10, 10, 10, 16, 12, 8, 14, 60)
SHEET_NAME = "事故台账"


def accident_rows(accidents) -> Iterator[list]:
    """One row per accident, numbered, the most recent first; choices in Chinese."""
    rows = accidents.select_related("region", "enterprise").order_by("-occurred_at", "-pk")
    with translation.override("zh-hans"):
        for number, a in enumerate(rows.iterator(chunk_size=1000), 1):
            yield [
                number,
                timezone.localtime(a.occurred_at).replace(tzinfo=None),
                a.region.name,
                a.place,
                a.enterprise.name if a.enterprise_id else "",
                a.enterprise.uscc if a.enterprise_id else "",
                a.get_kind_display(),
                f"{a.category} {a.get_category_display()}",
                a.get_industry_display(),
                a.deaths_and_missing,
                a.missing,
                a.serious_injuries,
                a.minor_injuries,
                a.direct_loss,
                a.get_grade_display(),
                "是" if a.late else "否",
                a.get_status_display(),
                a.summary,
            ]


def accident_export_response(accidents, *, fmt: str) -> StreamingHttpResponse:
    return exports.export_response(
        HEADERS,
        accident_rows(accidents),
        fmt=fmt,
        filename=f"事故台账-{timezone.localdate():%Y%m%d}",
        sheet_name=SHEET_NAME,
        widths=WIDTHS,
    )
