"""The wording of the work summary: Django templates, one per part, filled with numbers from
the stats catalog. Administrators may replace any of them (NarrativeText); these are the
shipped defaults, written after the seeds' own phrasing."""

from django.template import Context, Engine

from yingji.reports.models import NarrativeText

DEFAULTS = {
    "title": "{{ org_name }}{{ period_label }}安全生产工作总结",
    "situation": (
        "{{ period_label }}，{{ region_word }}共发生生产安全事故{{ p.count.value }}起、死亡{{ p.deaths.value }}人、"
        "受伤{{ p.injuries.value }}人，直接经济损失{{ p.loss_wan }}万元，同比起数{{ p.count.change }}、"
        "死亡人数{{ p.deaths.change }}。"
        "{% if double_zero %}实现生产安全事故零发生、零死亡“双零”目标。{% endif %}"
        "{% if not serious_or_above %}未发生较大及以上生产安全事故。{% endif %}"
    ),
    "other_kinds": (
        "发生道路交通事故{{ road.count.value }}起、死亡{{ road.deaths.value }}人（同比起数{{ road.count.change }}）；"
        "火灾{{ fire.count.value }}起、死亡{{ fire.deaths.value }}人（同比起数{{ fire.count.change }}）；"
        "森林火灾{{ forest.count.value }}起。"
    ),
    "work": (
        "{{ region_word }}各级各部门共开展安全检查{{ inspections.count }}次，出动检查人员{{ inspections.person_times }}人次，"
        "检查生产经营单位{{ inspections.units }}家；排查各类隐患{{ hazards.found }}处，已整改{{ hazards.rectified }}处，"
        "整改率{{ hazards.rate }}%；其中重大隐患{{ hazards.major_found }}处，挂牌督办{{ hazards.listed }}处，"
        "销号{{ hazards.major_closed }}处。"
    ),
    "problems_intro": "在肯定成绩的同时，我们也清醒地看到，{{ region_word }}安全生产工作仍存在一些问题和不足：",
    "no_problems": "从统计数据看，未发现突出问题，但安全生产基础仍需持续巩固。",
    "plan": (
        "一是持续深化安全生产专项整治，紧盯重点行业领域，推动重大隐患动态清零。\n"
        "二是严格落实安全生产责任制，压实部门监管责任和企业主体责任。\n"
        "三是加强监管执法，对逾期未整改隐患依法督办、严肃查处。\n"
        "四是做好应急准备，加强值班值守和预警响应，确保{{ region_word }}安全生产形势持续稳定。"
    ),
}
_engine = Engine(libraries={}, builtins=["django.template.defaulttags", "django.template.defaultfilters"])


def wording(key: str) -> str:
    override = NarrativeText.objects.filter(key=key).values_list("text", flat=True).first()
    return override if override is not None else DEFAULTS[key]


def render(key: str, context: dict) -> str:
    return _engine.from_string(wording(key)).render(Context(context, autoescape=False)).strip()
