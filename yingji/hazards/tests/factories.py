import datetime

from django.utils import timezone

from yingji.hazards import services
from yingji.hazards.choices import HazardLevel

PLAN = {
    "objectives": "消除液氨泄漏风险",
    "methods": "更换阀门，增设泄漏报警",
    "funds_and_materials": "资金20万元",
    "organisation": "设备部，张三",
    "time_limit": "30日内完成",
    "safety_measures": "停用相关区域，制定应急预案",
}


def hazard_factory(*, actor, enterprise, level=HazardLevel.GENERAL, found_at=None, **kwargs):
    return services.hazard_register(
        actor=actor,
        enterprise=enterprise,
        description=kwargs.pop("description", "配电箱未上锁"),
        found_at=found_at or timezone.localdate() - datetime.timedelta(days=10),
        level=level,
        **kwargs,
    )


def assigned(hazard, actor, days: int = 20):
    if hazard.level == HazardLevel.MAJOR:
        services.hazard_set_plan(actor=actor, hazard=hazard, **PLAN)
    return services.hazard_act(
        actor=actor,
        hazard=hazard,
        action="assign",
        data={
            "measures": "加锁",
            "responsible": "李四",
            "deadline": hazard.found_at + datetime.timedelta(days=days),
        },
    )
