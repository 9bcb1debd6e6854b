"""The inspections' paragraph of the work summary: the supervisors' inspections (bureau,
member departments, streets) with leader-led and 四不两直 ones, and the enterprises'
self-checks stated apart (DOMAIN.md 0.7)."""

from django.utils.translation import gettext_lazy as _

from yingji.reports.parts import WorkPart, register_work_part

DEFAULT = (
    "{{ region_word }}应急管理部门、行业主管部门和镇街共开展安全检查{{ inspections.count }}次，"
    "出动检查人员{{ inspections.person_times }}人次，检查生产经营单位{{ inspections.units }}家"
    "{% if inspections.leader %}，其中领导带队检查{{ inspections.leader }}次{% endif %}"
    "{% if inspections.unannounced %}，开展“四不两直”暗查暗访{{ inspections.unannounced }}次{% endif %}"
    "{% if inspections.self_checks %}；督促企业开展自查{{ inspections.self_checks }}次{% endif %}。"
)


def numbers(value) -> dict:
    return {
        "inspections": {
            "count": value("inspections.supervision"),
            "person_times": value("inspections.supervision_person_times"),
            "units": value("inspections.supervision_units"),
            "leader": value("inspections.count", type="leader"),
            "unannounced": value("inspections.count", type="unannounced"),
            "self_checks": value("inspections.self_checks"),
        }
    }


register_work_part(
    WorkPart(
        key="work",
        default=DEFAULT,
        numbers=numbers,
        order=10,
        heading="强化监督检查，压实安全生产责任",
        title=_("Section 2, work done: inspections"),
        labels={
            "inspections.count": _("supervisors' inspections (no self-checks)"),
            "inspections.person_times": _("inspector person-times"),
            "inspections.units": _("units inspected"),
            "inspections.leader": _("leader-led inspections"),
            "inspections.unannounced": _("unannounced inspections (四不两直)"),
            "inspections.self_checks": _("enterprise self-checks"),
        },
    )
)

from yingji.inspections import planning_report_parts  # noqa: E402,F401 (plan and draws)
