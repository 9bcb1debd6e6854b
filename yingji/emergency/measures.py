"""Each response level's measures (the checklist). Taken from the contingency plan when the
preparedness module has one (`Plan.measures_for(level)`), else from the defaults shipped here,
which follow the common shape of county flood-control plans (DOMAIN.md 6.2): the higher the
level, the more is added to what the lower levels already do."""

import logging

from yingji.emergency.choices import RANK, ResponseType

log = logging.getLogger(__name__)

COMMON = {
    "IV": [
        "指挥部办公室值班人员在岗，24小时值班值守",
        "向成员单位和各街道通报响应启动情况",
        "每日会商研判一次，及时发布预警信息",
        "各街道落实网格员巡查，做好转移准备",
    ],
    "III": [
        "指挥部副指挥长坐镇指挥，每日会商两次",
        "成员单位负责人带班，工作组进驻重点区域",
        "危险区域人员提前转移，特殊群体落实“四个一”",
        "抢险队伍和物资前置到位",
    ],
    "II": [
        "指挥长主持会商，指挥部成员集中办公",
        "派出工作组和专家组驻点指导",
        "组织危险区域群众全部转移，应转尽转",
        "请求上级支援抢险力量和物资",
    ],
    "I": [
        "指挥长坐镇指挥，全体成员单位进入战时状态",
        "停课、停工、停业、停运等强制措施",
        "全力开展抢险救援和群众安置",
        "每两小时向上级报告一次工作情况",
    ],
}
EXTRA = {
    ResponseType.FLOOD: {"IV": ["加强江河水库、山洪和地质灾害点巡查防守"]},
    ResponseType.GEOLOGICAL: {"IV": ["地质灾害隐患点群测群防员加密监测"]},
    ResponseType.FOREST_FIRE: {"IV": ["森林消防队伍靠前驻防，严管野外用火"]},
}


def default_measures(response_type: str, level: str) -> list[str]:
    return COMMON[level] + EXTRA.get(response_type, {}).get(level, [])


def measures_for(response, level: str) -> list[str]:
    """The plan's measures for this response's type and level, or the shipped defaults."""
    try:
        from yingji.preparedness.models import Plan  # the preparedness module may not have it yet
    except ImportError:
        Plan = None
    if Plan is not None and hasattr(Plan, "measures_for"):
        try:
            plan = _plan(Plan, response)
            if plan is not None and (found := list(plan.measures_for(level))):
                return [str(m) for m in found]
        except Exception:  # a plan the preparedness module shapes otherwise: fall back
            log.exception("emergency: the plan's measures could not be read")
    return default_measures(response.type, level)


def _plan(Plan, response):
    field_names = {f.name for f in Plan._meta.get_fields()}
    qs = Plan.objects.all()
    if "type" in field_names:
        qs = qs.filter(type=response.type)
    if "region" in field_names:
        qs = qs.filter(region__code__in=_ancestors(response.region_id))
    if "approved_on" in field_names:
        return qs.order_by("-approved_on", "-pk").first()
    return qs.order_by("-pk").first()


def _ancestors(code: str) -> list[str]:
    return [code[:n] for n in (2, 4, 6, 9, 12) if n <= len(code)]


def higher(a: str, b: str) -> bool:
    """Whether level a is above level b (Ⅰ is the highest)."""
    return RANK[a] < RANK[b]
