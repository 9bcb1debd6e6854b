"""What enforcement adds to the work summary: its paragraph of 二、工作开展情况 and its problems."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from yingji.enforcement.choices import DocumentKind
from yingji.reports.facts import Facts, as_of_label
from yingji.reports.parts import WorkPart, register_work_part
from yingji.reports.problems import ProblemFinder, register_problem_finder

WORDING = (
    "{{ period_label }}，{{ region_word }}共立案{{ cases.filed }}起，罚款{{ cases.fines_wan }}万元，"
    "下达整改指令书{{ cases.orders }}份，移交执法部门案件{{ cases.referrals }}件，"
    "责令停产停业整顿{{ cases.suspensions }}家"
    "{% if cases.criminal_transfers %}，涉嫌犯罪移送司法机关{{ cases.criminal_transfers }}件{% endif %}"
    "{% if cases.licences %}，暂扣或吊销证照{{ cases.licences }}家{% endif %}"
    "{% if cases.closures %}，提请关闭取缔{{ cases.closures }}家{% endif %}。"
)


def wan(yuan) -> str:
    """万元 with at most two decimals and no trailing zeros (DOMAIN.md 0.7): 132.5, 96."""
    text = f"{(Decimal(yuan or 0) / 10000).quantize(Decimal('0.01')):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _numbers(value) -> dict:
    return {
        "cases": {
            "filed": value("cases.filed"),
            "fines_wan": wan(value("cases.fines_decided")),
            "orders": value("cases.documents", kind=DocumentKind.RECTIFICATION_ORDER),
            "referrals": value("cases.referrals"),
            "criminal_transfers": value("cases.criminal_transfers"),
            "suspensions": value("cases.suspensions"),
            "licences": value("cases.licences"),
            "closures": value("cases.closures"),
        }
    }


register_work_part(
    WorkPart(
        key="work_enforcement",
        default=WORDING,
        numbers=_numbers,
        order=30,
        title=_("Section 2, work done: enforcement"),
        labels={
            "cases.filed": _("cases filed"),
            "cases.fines_wan": _("fines decided, 10,000 yuan"),
            "cases.orders": _("orders to rectify issued"),
            "cases.referrals": _("cases transferred to other authorities"),
            "cases.criminal_transfers": _("cases transferred to public security"),
            "cases.suspensions": _("enterprises ordered to suspend production"),
            "cases.licences": _("licences suspended or revoked"),
            "cases.closures": _("enterprises closed"),
        },
    )
)


def overdue_steps(facts: Facts) -> list[str]:
    count = facts.value("cases.overdue")
    if not count:
        return []
    return [
        f"执法案件办理不够及时，{as_of_label(facts.query.cutoff)}，仍有{count}起案件办理环节超过法定期限。"
    ]


def uncollected_fines(facts: Facts) -> list[str]:
    count = facts.value("cases.fines_unpaid")
    if not count:
        return []
    return [f"处罚决定执行不够到位，{as_of_label(facts.query.cutoff)}，有{count}起案件罚款逾期未缴纳。"]


register_problem_finder(ProblemFinder("cases.overdue", overdue_steps, order=50))
register_problem_finder(ProblemFinder("cases.uncollected", uncollected_fines, order=55))
