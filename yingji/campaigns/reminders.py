"""The hourly reminder pass of the campaigns: a participant's users are told of a form due within
the day and not yet submitted, and, once its hour has passed, the lead office is told who is
missing (one reminder per form, user and day, however often the pass runs)."""

import datetime

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yingji.accounts.choices import Role
from yingji.accounts.models import User
from yingji.campaigns.models import Campaign, Submission
from yingji.campaigns.periods import periods
from yingji.notifications.kinds import register_kind
from yingji.notifications.reminders import remind_once

FORM_DUE = register_kind("campaign_form_due", gettext_lazy("Campaign dispatch form due within the day"))
FORMS_MISSING = register_kind("campaign_forms_missing", gettext_lazy("Campaign dispatch forms missing"))
SOON = datetime.timedelta(days=1)
LOOK_BACK = datetime.timedelta(days=2)  # the office hears of a missed form for two days


def remind(now: datetime.datetime | None = None) -> int:
    now = now or timezone.now()
    today, sent = timezone.localdate(now), 0
    with translation.override(settings.LANGUAGE_CODE):
        for campaign in Campaign.objects.filter(
            starts_on__lte=today, ends_on__gte=today - datetime.timedelta(days=3)
        ):
            done = set(
                Submission.objects.filter(campaign=campaign).values_list("organisation_id", "period_start")
            )
            for p in periods(campaign):
                if not (now - LOOK_BACK < p.due <= now + SOON):
                    continue
                missing = [o for o in campaign.participants.all() if (o.pk, p.start) not in done]
                sent += _tell(campaign, p, missing, now, today)
    return sent


def _tell(campaign, period, missing, now, today) -> int:
    key, sent = f"{campaign.pk}-{period.start}", 0
    if period.due > now:
        for org in missing:
            users = User.objects.filter(
                organisation=org, is_active=True, role__in=(Role.DEPARTMENT, Role.STREET, Role.BUREAU)
            )
            title = _("Dispatch form due %(due)s: %(campaign)s, %(period)s") % {"due": f"{timezone.localtime(period.due):%m-%d %H:%M}", "campaign": campaign.name, "period": period.label}  # fmt: skip
            sent += remind_once(
                FORM_DUE, key, users, today, title, f"/campaigns/{campaign.pk}/form/{period.start}/"
            )
    elif missing:
        office = User.objects.filter(organisation_id=campaign.lead_id, is_active=True, role=Role.BUREAU)
        title = _("%(campaign)s, %(period)s: %(n)d forms missing (%(names)s)") % {"campaign": campaign.name, "period": period.label, "n": len(missing), "names": "、".join(o.name for o in missing[:4])}  # fmt: skip
        sent += remind_once(
            FORMS_MISSING, key, office, today, title, f"/campaigns/{campaign.pk}/?period={period.start}"
        )
    return sent
