"""The complaint list as XLSX (投诉举报台账) through yingji.core.exports (every text written as
text, never a formula). The reporter's name and phone are never exported, whoever asks: a
spreadsheet leaves the system and its audit; a handler reads them on the complaint's page."""

from collections.abc import Iterator

from django.http import StreamingHttpResponse
from django.utils import timezone, translation

from yingji.core import exports

HEADERS = (
    "序号", "受理编号", "受理日期", "来源渠道", "行政区域", "地点", "被举报单位或场所", "举报内容",
    "件数", "是否匿名", "办理状态", "承办单位", "办理期限", "核查结论", "办理结果", "核查日期",
    "办结日期", "奖励金额（元）", "奖励发放日期", "告知举报人日期",
)  # fmt: skip
WIDTHS = (6, 14, 12, 12, 14, 24, 28, 60, 6, 8, 10, 20, 12, 10, 40, 12, 12, 12, 12, 12)
SHEET_NAME = "投诉举报台账"


def complaint_rows(complaints) -> Iterator[list]:
    rows = complaints.select_related("region", "enterprise", "handling_unit").order_by("-received_on", "-pk")
    with translation.override("zh-hans"):
        for number, c in enumerate(rows.iterator(chunk_size=1000), 1):
            yield [
                number,
                c.receipt,
                c.received_on,
                c.get_channel_display(),
                c.region.name,
                c.place,
                c.enterprise.name if c.enterprise_id else c.enterprise_name,
                c.content,
                c.items,
                "是" if c.anonymous else "否",
                c.get_status_display(),
                c.handling_unit.name if c.handling_unit_id else "",
                c.deadline,
                c.get_verification_display() if c.verification else "",
                c.result,
                c.verified_on,
                c.closed_on,
                c.reward_amount,
                c.reward_paid_on,
                c.reporter_notified_on,
            ]


def complaint_export_response(complaints) -> StreamingHttpResponse:
    return exports.export_response(
        HEADERS,
        complaint_rows(complaints),
        fmt="xlsx",
        filename=f"投诉举报台账-{timezone.localdate():%Y%m%d}",
        sheet_name=SHEET_NAME,
        widths=WIDTHS,
    )
