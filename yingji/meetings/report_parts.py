"""The committee office's coordination in the work summary: the meetings it held, the interviews
(约谈), and the member units' responsibility and task lists with how many tasks are done."""

from django.utils.translation import gettext_lazy as _

from yingji.reports.parts import WorkPart, register_work_part

WORDING = (
    "召开安委会全体会议{{ coordination.plenary }}次、专题会议{{ coordination.topical }}次、"
    "调度会议{{ coordination.dispatch }}次，约谈{{ coordination.interviews }}家次；"
    "梳理成员单位安全生产职责{{ coordination.duty_items }}项，部署重点任务{{ coordination.tasks }}项，"
    "已完成{{ coordination.done }}项。"
)


def _numbers(value) -> dict:
    return {
        "coordination": {
            "plenary": value("meetings.count", kind="plenary"),
            "topical": value("meetings.count", kind="topical"),
            "dispatch": value("meetings.count", kind="dispatch"),
            "interviews": value("interviews.count"),
            "duty_items": value("duty_items.count"),
            "tasks": value("tasks.count"),
            "done": value("tasks.done"),
        }
    }


register_work_part(
    WorkPart(
        key="work_coordination",
        default=WORDING,
        numbers=_numbers,
        order=12,
        heading="强化统筹协调，压紧压实安全生产责任",
        title=_("Section 2, work done: coordination by the committee office"),
        labels={
            "coordination.plenary": _("committee plenary meetings"),
            "coordination.topical": _("topical meetings"),
            "coordination.dispatch": _("dispatch meetings"),
            "coordination.interviews": _("interviews"),
            "coordination.duty_items": _("duty items listed"),
            "coordination.tasks": _("tasks falling due"),
            "coordination.done": _("tasks done"),
        },
    )
)
