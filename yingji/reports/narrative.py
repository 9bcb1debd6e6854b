"""The wording of the work summary: one text per part in the placeholder language of
`wording`, filled with plain numbers from the stats catalog. Wording belongs to an organisation:
a bureau's applies to its own users' reports, the administrator's (organisation None) is every
organisation's default, and the shipped texts below stand where neither has one."""

import logging

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from yingji.reports import wording
from yingji.reports.models import NarrativeText

logger = logging.getLogger(__name__)

DEFAULTS = {
    "title": "{{ org_name }}{{ period_label }}安全生产工作总结",
    "lead": (
        "{{ period_label }}，{{ region_word }}坚持人民至上、生命至上，统筹发展和安全，深入推进安全生产治本攻坚"
        "三年行动，全力防范化解重大安全风险，{{ region_word }}安全生产形势{{ judgement }}。现将有关情况总结如下："
    ),
    "situation": (
        "{{ period_label }}，{{ region_word }}共发生生产安全事故{{ p.count.value }}起、死亡{{ p.deaths.value }}人"
        "{% if p.breakdown %}（含{{ p.breakdown }}）{% endif %}，{{ p.compare }}；"
        "受伤{{ p.injuries.value }}人，直接经济损失{{ p.loss_wan }}万元，{{ p.compare_injuries_loss }}"
        "{% if p.four_down %}，实现事故起数、死亡人数、受伤人数、直接经济损失“四下降”{% endif %}。"
        "{% if p.serious.count %}发生较大及以上生产安全事故{{ p.serious.count }}起、死亡{{ p.serious.deaths }}人。"
        "{% else %}未发生较大及以上生产安全事故。{% endif %}"
        "{% if double_zero %}实现生产安全事故零发生、零死亡“双零”目标。{% endif %}"
    ),
    "other_kinds": (
        "{% if road.count %}发生亡人道路交通事故{{ road.count }}起、死亡{{ road.deaths }}人"
        "{% if road.business_count %}（含生产经营性道路运输事故{{ road.business_count }}起、"
        "死亡{{ road.business_deaths }}人）{% endif %}{% else %}未发生亡人道路交通事故{% endif %}；"
        "{% if fire.count %}发生亡人火灾事故{{ fire.count }}起、死亡{{ fire.deaths }}人"
        "{% if fire.business_count %}（含生产经营性火灾事故{{ fire.business_count }}起、"
        "死亡{{ fire.business_deaths }}人）{% endif %}{% else %}没有发生亡人火灾事故{% endif %}；"
        "{% if forest.count %}发生森林火灾{{ forest.count }}起。{% else %}未发生森林火灾。{% endif %}"
    ),
    "problems_intro": "在肯定成绩的同时，我们也清醒地看到，{{ region_word }}安全生产工作仍存在一些问题和不足：",
    "no_problems": "从统计数据看，未发现突出问题，但安全生产基础仍需持续巩固。",
    "plan": (
        "一是持续深化安全生产治本攻坚，紧盯重点行业领域，推动重大隐患动态清零。\n"
        "二是严格落实安全生产责任制，压实部门监管责任和企业主体责任。\n"
        "三是加强监管执法，对逾期未整改隐患依法督办、严肃查处。\n"
        "四是做好应急准备，加强值班值守和预警响应，确保{{ region_word }}安全生产形势持续稳定。"
    ),
}
# What the wording page calls each part; a WorkPart brings its own title.
PART_TITLES = {
    "title": _("Title"),
    "lead": _("Opening paragraph with the overall judgement"),
    "situation": _("Section 1, safety situation: production accidents"),
    "other_kinds": _("Section 1, safety situation: road traffic, fires and forest fires"),
    "problems_intro": _("Section 3, problems: the opening sentence"),
    "no_problems": _("Section 3, problems: when the numbers show none"),
    "plan": _("Section 4, plan for the next period (one item a line)"),
}


# The placeholders every part is given (summary._context), with what they say. The work
# paragraphs add their own numbers (parts.WorkPart).
PRODUCTION_MEASURES = {
    "count": _("number of production accidents"),
    "deaths": _("deaths (incl. missing)"),
    "injuries": _("number injured"),
}
CHANGE_FIELDS = {
    "value": _("this period"),
    "previous": _("same period last year"),
    "change": _("year-on-year change in words"),
    "up": _("true when it rose"),
    "down": _("true when it fell"),
}
FATAL = {"road": _("Fatal road traffic accidents"), "fire": _("Fatal fires")}
FATAL_FIELDS = {
    "count": _("number, business and other"),
    "deaths": _("deaths"),
    "business_count": _("of which production-related, number"),
    "business_deaths": _("of which production-related, deaths"),
}


def common_placeholders() -> dict[str, str]:
    """Name → what it holds, in the user's language."""
    described = {
        "region_word": _("the whole region in one word, by its level"),
        "org_name": _("the name of the reporting body"),
        "period_label": _("the name of the period"),
        "as_of_label": _("the day figures such as overdue hazards are counted on (截至6月底)"),
        "judgement": _("the overall judgement: 持续向好, 总体平稳 or 依然严峻复杂"),
    }
    for measure, measure_label in PRODUCTION_MEASURES.items():
        for part, part_label in CHANGE_FIELDS.items():
            described[f"p.{measure}.{part}"] = f"{measure_label}: {part_label}"
    described |= {
        "p.loss_wan": _("direct economic loss of production accidents, 10,000 yuan"),
        "p.breakdown": _("the 含 clause: production accidents by domain (road transport, fire…)"),
        "p.compare": _("year-on-year change of accidents and deaths in one clause"),
        "p.compare_injuries_loss": _("year-on-year change of injuries and loss in one clause"),
        "p.four_down": _("true when accidents, deaths, injuries and loss all fell"),
        "p.serious.count": _("relatively serious or larger production accidents"),
        "p.serious.deaths": _("deaths in relatively serious or larger production accidents"),
    }
    for kind, kind_label in FATAL.items():
        for part, part_label in FATAL_FIELDS.items():
            described[f"{kind}.{part}"] = f"{kind_label}: {part_label}"
    described |= {
        "forest.count": _("forest fires"),
        "double_zero": _("true when there was no production accident and no death"),
    }
    assert described.keys() == COMMON_NAMES
    return {name: str(label) for name, label in described.items()}


# The same names, for checking wording without translating anything (at import time too).
COMMON_NAMES = {
    "region_word",
    "org_name",
    "period_label",
    "as_of_label",
    "judgement",
    *(f"p.{m}.{f}" for m in PRODUCTION_MEASURES for f in CHANGE_FIELDS),
    "p.loss_wan",
    "p.breakdown",
    "p.compare",
    "p.compare_injuries_loss",
    "p.four_down",
    "p.serious.count",
    "p.serious.deaths",
    *(f"{k}.{f}" for k in FATAL for f in FATAL_FIELDS),
    "forest.count",
    "double_zero",
}


class Narrative:
    """The wording that applies to the reports of one organisation (None: the administrator's
    defaults): its own text, else the administrator's, else the shipped one."""

    def __init__(self, organisation_id: int | None):
        self.organisation_id = organisation_id
        rows = NarrativeText.objects.filter(Q(organisation=None) | Q(organisation_id=organisation_id))
        self._stored = {
            (org, key): text for org, key, text in rows.values_list("organisation_id", "key", "text")
        }

    @classmethod
    def for_user(cls, user) -> "Narrative":
        return cls(getattr(user, "organisation_id", None))

    def own(self, key: str) -> str | None:
        """The text this organisation (or, for None, the administrator) has stored."""
        return self._stored.get((self.organisation_id, key))

    def inherited(self, key: str) -> str:
        """What applies when this organisation has no text of its own."""
        if self.organisation_id is not None and (None, key) in self._stored:
            return self._stored[(None, key)]
        return DEFAULTS[key]

    def text(self, key: str) -> str:
        own = self.own(key)
        return own if own is not None else self.inherited(key)

    def render(self, key: str, context: dict) -> str:
        """The part filled in."""
        values = wording.plain(context)
        return wording.render(self.nodes(key, values), values).strip()

    def template(self, key: str, context: dict) -> str:
        """The part with its conditions decided and its numbers kept as placeholders."""
        values = wording.plain(context)
        return wording.keep_numbers(self.nodes(key, values), values).strip()

    def nodes(self, key: str, values: dict) -> list:
        """The part's wording parsed. A stored text that is not valid wording (one saved before
        the rules, or asking for a name this part lacks) is passed over for the next one."""
        names = set(wording.names(values))
        for level, text in self._candidates(key):
            try:
                return wording.check(text, names)
            except wording.WordingError as e:
                if level == "shipped":
                    raise
                logger.warning("Wording %r of %s passed over: %s", key, level, e)
        raise AssertionError("unreachable: the shipped wording always renders")

    def _candidates(self, key: str):
        if self.organisation_id is not None and (self.organisation_id, key) in self._stored:
            yield f"organisation {self.organisation_id}", self._stored[(self.organisation_id, key)]
        if (None, key) in self._stored:
            yield "the administrator's default", self._stored[(None, key)]
        yield "shipped", DEFAULTS[key]
