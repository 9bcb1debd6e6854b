"""What training and publicity add to the work summary (宣传培训), in the seeds' words."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from yingji.reports.parts import WorkPart, register_work_part

WORDING = (
    "开展安全培训讲座{{ training.sessions }}场、{{ training.participants }}人次；"
    "组织宣传活动{{ publicity.events }}场次，发放宣传资料{{ publicity.materials_wan }}万份；"
    "特种作业考试{{ exams.candidates }}人次。"
)


def wan_copies(copies) -> str:
    """万份 with at most two decimals and no trailing zeros: 200000 → 20, 3500 → 0.35."""
    text = f"{(Decimal(copies or 0) / 10000).quantize(Decimal('0.01')):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _numbers(value) -> dict:
    return {
        "training": {
            "sessions": value("trainings.sessions"),
            "participants": value("trainings.participants"),
        },
        "publicity": {
            "events": value("publicity.events"),
            "materials_wan": wan_copies(value("publicity.materials")),
        },
        "exams": {"candidates": value("exams.candidates")},
    }


register_work_part(
    WorkPart(
        key="work_training",
        default=WORDING,
        numbers=_numbers,
        order=70,
        title=_("Section 2, work done: training and publicity"),
        labels={
            "training.sessions": _("safety training sessions and lectures"),
            "training.participants": _("safety training participants"),
            "publicity.events": _("publicity events"),
            "publicity.materials_wan": _("publicity materials, 10,000 copies"),
            "exams.candidates": _("special-operations exam candidates"),
        },
    )
)
