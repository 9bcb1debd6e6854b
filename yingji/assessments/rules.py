"""The automatic assessment items: each counts, for one unit and the scheme's year (up to the
day it is looked at), the records that cost it points — through the stats catalog and the one
scoping mechanism, the unit's jurisdiction as its own users see it — and links to them."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yingji.campaigns.models import Campaign, Submission
from yingji.campaigns.periods import periods
from yingji.campaigns.prefill import OrganisationViewer
from yingji.stats.catalog import CATALOG, Query
from yingji.stats.periods import period_of


@dataclass(frozen=True)
class Rule:
    key: str
    label: str
    count: Callable  # (scheme, unit, as_of) -> int
    link: Callable = lambda scheme, unit: ""


def _catalog(key, **filters):
    def count(scheme, unit, as_of):
        query = Query(user=OrganisationViewer(unit), period=period_of(scheme.year, "year"), filters={"region": scheme.region_id} | filters, as_of=as_of)  # fmt: skip
        return int(CATALOG[key].value(query) or 0)

    return count


def _own_tasks(scheme, unit, as_of):
    query = Query(
        user=scheme.created_by, period=period_of(scheme.year, "year"), filters={"unit": unit.pk}, as_of=as_of
    )
    return int(CATALOG["tasks.overdue"].value(query) or 0)


def _forms(scheme, unit, as_of):
    """Dispatch forms of the year's campaigns missing or late, as of the day."""
    moment = timezone.make_aware(datetime.datetime.combine(as_of, datetime.time.max))
    first, last = datetime.date(scheme.year, 1, 1), datetime.date(scheme.year, 12, 31)
    late = {(s.campaign_id, s.period_start): s.late for s in Submission.objects.filter(organisation=unit)}
    bad = 0
    for campaign in Campaign.objects.filter(participants=unit, starts_on__lte=last, ends_on__gte=first):
        for p in periods(campaign):
            if first <= p.end <= last and p.due < moment:
                bad += late.get((campaign.pk, p.start), True)  # missing counts as late does
    return bad


RULES = {
    r.key: r
    for r in [
        Rule("accidents", _("Production-safety accidents"), _catalog("accidents.count", kind="production"),
             lambda s, u: f"/accidents/?kind=production&region={s.region_id}&from={s.year}-01-01&to={s.year}-12-31"),
        Rule("deaths", _("Deaths in production-safety accidents"), _catalog("accidents.deaths", kind="production"),
             lambda s, u: f"/accidents/?kind=production&region={s.region_id}&from={s.year}-01-01&to={s.year}-12-31"),
        Rule("serious_accidents", _("Accidents of the 较大 grade or above"), _catalog("accidents.serious_or_above")),
        Rule("hazards_overdue", _("Hazards overdue"), _catalog("hazards.overdue"), lambda s, u: "/hazards/?overdue=1"),
        Rule("complaints_overdue", _("Complaints past their deadline"), _catalog("complaints.overdue"), lambda s, u: "/complaints/"),
        Rule("tasks_overdue", _("The unit's tasks overdue"), _own_tasks, lambda s, u: "/tasks/?overdue=1"),
        Rule("forms_missing", _("Campaign dispatch forms missing or late"), _forms, lambda s, u: "/campaigns/"),
    ]
}  # fmt: skip
YELLOW_CARD = "serious_accidents"  # 黄牌警告: an accident of the 较大 grade or above in the unit's area
