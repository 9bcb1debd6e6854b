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
# What the wording page calls each part; a WorkPart brings its own title.
PART_TITLES = {
    "title": _("Title"),
    "situation": _("Section 1, safety situation: production accidents"),
    "other_kinds": _("Section 1, safety situation: road traffic, fires and forest fires"),
    "problems_intro": _("Section 3, problems: the opening sentence"),
    "no_problems": _("Section 3, problems: when the numbers show none"),
    "plan": _("Section 4, plan for the next period (one item a line)"),
}


# The placeholders every part is given (summary._context), with what they say. The work
# paragraphs add their own numbers (parts.WorkPart).
ACCIDENT_KINDS = {
    "p": _("Production safety accidents"),
    "road": _("Road traffic accidents"),
    "fire": _("Fires"),
    "forest": _("Forest fires"),
}
ACCIDENT_MEASURES = {
    "count": _("number of accidents"),
    "deaths": _("deaths"),
    "injuries": _("number injured"),
}
ACCIDENT_FIELDS = {
    "value": _("this period"),
    "previous": _("same period last year"),
    "change": _("year-on-year change in words"),
    "up": _("true when it rose"),
    "down": _("true when it fell"),
}


def common_placeholders() -> dict[str, str]:
    """Name → what it holds, in the user's language."""
    described = {
        "region_word": _("the whole region in one word, by its level"),
        "org_name": _("the name of the reporting body"),
        "period_label": _("the name of the period"),
    }
    for kind, kind_label in ACCIDENT_KINDS.items():
        for measure, measure_label in ACCIDENT_MEASURES.items():
            for part, part_label in ACCIDENT_FIELDS.items():
                described[f"{kind}.{measure}.{part}"] = _("%(kind)s, %(measure)s: %(field)s") % {
                    "kind": kind_label,
                    "measure": measure_label,
                    "field": part_label,
                }
        described[f"{kind}.loss_wan"] = _("%(kind)s: direct economic loss, 10,000 yuan") % {
            "kind": kind_label
        }
    described |= {
        "double_zero": _("true when there was no production accident and no death"),
        "serious_or_above": _("serious or larger production accidents"),
        "hazards.overdue": _("hazards overdue for rectification"),
        "late_reports": _("accidents reported late"),
    }
    assert described.keys() == COMMON_NAMES
    return {name: str(label) for name, label in described.items()}


# The same names, for checking wording without translating anything (at import time too).
COMMON_NAMES = {
    "region_word",
    "org_name",
    "period_label",
    *(f"{k}.{m}.{f}" for k in ACCIDENT_KINDS for m in ACCIDENT_MEASURES for f in ACCIDENT_FIELDS),
    *(f"{k}.loss_wan" for k in ACCIDENT_KINDS),
    "double_zero",
    "serious_or_above",
    "hazards.overdue",
    "late_reports",
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
