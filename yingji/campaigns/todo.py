"""The campaign to-do kinds: a participant's forms due (the one falling due next, and any missed
before it), and, for the office, the participants whose form of a period past due is missing."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yingji.accounts.choices import Role
from yingji.campaigns.models import Campaign, Submission
from yingji.campaigns.periods import periods
from yingji.notifications.todo import TodoItem, TodoKind, register
from yingji.regions.scoping import Jurisdiction


def _running(now):
    today = timezone.localdate(now)
    return Campaign.objects.filter(starts_on__lte=today, ends_on__gte=today - datetime.timedelta(days=7))


def forms_due(user):
    if user.role not in (Role.BUREAU, Role.DEPARTMENT, Role.STREET) or not user.organisation_id:
        return []
    now, items = timezone.now(), []
    for campaign in _running(now).filter(participants=user.organisation_id):
        done = set(Submission.objects.filter(campaign=campaign, organisation_id=user.organisation_id).values_list("period_start", flat=True))  # fmt: skip
        upcoming = [
            p for p in periods(campaign) if p.start <= timezone.localdate(now) and p.start not in done
        ]
        for p in upcoming:
            title = _("Dispatch form: %(campaign)s, %(period)s") % {
                "campaign": campaign.name,
                "period": p.label,
            }
            items.append(TodoItem("campaign_form", title, f"{campaign.pk}-{p.start}", p.due, f"/campaigns/{campaign.pk}/form/{p.start}/"))  # fmt: skip
    return items


def forms_missing(user):
    if user.role != Role.BUREAU:
        return []
    now, items = timezone.now(), []
    jurisdiction = Jurisdiction.of(user)
    for campaign in _running(now).filter(lead_id=user.organisation_id):
        if not jurisdiction.contains_region(campaign.region_id):
            continue
        done = set(
            Submission.objects.filter(campaign=campaign).values_list("organisation_id", "period_start")
        )
        participants = list(campaign.participants.all())
        for p in [p for p in periods(campaign) if p.due < now][-3:]:  # the last three periods past due
            missing = [o.name for o in participants if (o.pk, p.start) not in done]
            if missing:
                title = _("%(campaign)s, %(period)s: %(n)d forms missing (%(names)s)") % {"campaign": campaign.name, "period": p.label, "n": len(missing), "names": "、".join(missing[:4])}  # fmt: skip
                items.append(TodoItem("campaign_missing", title, f"{campaign.pk}-{p.start}", p.due, f"/campaigns/{campaign.pk}/?period={p.start}"))  # fmt: skip
    return items


register(TodoKind("campaign_form", gettext_lazy("Campaign dispatch forms to submit"), forms_due))
register(TodoKind("campaign_missing", gettext_lazy("Campaign dispatch forms missing"), forms_missing))
