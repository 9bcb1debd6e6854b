"""Who is told about a case: the approving users when a case waits for their approval, the
case's officers when a step falls to them; and the daily reminder pass before a step falls
due and once it is overdue (one reminder per case, user and day)."""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yingji.accounts.models import User
from yingji.enforcement.choices import OPEN, CaseStatus
from yingji.enforcement.permissions import APPROVERS
from yingji.notifications.kinds import register_kind
from yingji.notifications.models import Reminder
from yingji.notifications.services import district_bureau_users, notify, send_now

CASE_APPROVAL = register_kind("case_approval", gettext_lazy("Enforcement case awaiting approval"))
CASE_STEP = register_kind("case_step", gettext_lazy("Enforcement case step to take"))
CASE_DUE = register_kind("case_due", gettext_lazy("Enforcement case step due in 3 days"))
CASE_OVERDUE = register_kind("case_overdue", gettext_lazy("Enforcement case step overdue"))

SOON = datetime.timedelta(days=3)
WAITING_APPROVAL = frozenset({CaseStatus.FILING, CaseStatus.REVIEW, CaseStatus.DECISION, CaseStatus.CLOSING})


def approvers_of(case):
    """The bureau's approving users, the case's own handler and officers left out."""
    users = district_bureau_users(case.region_id, tuple(APPROVERS))
    return users.exclude(pk__in=[case.handler_id, *case.officers.values_list("pk", flat=True)])


def officers_of(case):
    ids = [case.handler_id, *case.officers.values_list("pk", flat=True)]
    return User.objects.filter(pk__in=[i for i in ids if i], is_active=True)


def who_acts(case):
    if case.status in WAITING_APPROVAL and not (
        case.status == CaseStatus.FILING and case.procedure == "simplified"
    ):
        return approvers_of(case)
    if case.status in OPEN:
        return officers_of(case)
    return User.objects.none()


def tell_next(actor, case) -> None:
    """After an action: whoever must act now is told (after commit)."""
    users = who_acts(case).exclude(pk=actor.pk)
    kind = CASE_APPROVAL if case.status in WAITING_APPROVAL else CASE_STEP
    title = _("%(party)s: %(status)s") % {"party": case.party_name, "status": case.get_status_display()}
    notify(kind=kind, users=users, title=title, url=f"/enforcement/{case.pk}/")


def remind(today: datetime.date | None = None) -> int:
    """Today's reminders of steps due within 3 days or overdue, not sent yet."""
    from yingji.enforcement.models import Case

    today = today or timezone.localdate()
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        cases = Case.objects.filter(status__in=OPEN, due_on__lte=today + SOON).order_by("due_on", "pk")
        for case in cases:
            overdue = case.due_on < today
            kind = CASE_OVERDUE if overdue else CASE_DUE
            title = (
                _("Overdue since %(day)s: %(party)s, %(status)s")
                if overdue
                else _("Due %(day)s: %(party)s, %(status)s")
            ) % {
                "day": case.due_on,
                "party": case.party_name,
                "status": case.get_status_display(),
            }
            sent += _once(kind, case.pk, who_acts(case), today, title, f"/enforcement/{case.pk}/")
    return sent


@transaction.atomic
def _once(kind: str, object_id, users, day: datetime.date, title: str, url: str) -> int:
    fresh = []
    for user_id in users.values_list("pk", flat=True):
        try:
            with transaction.atomic():
                Reminder.objects.create(kind=kind, object_id=str(object_id), user_id=user_id, day=day)
        except IntegrityError:
            continue  # reminded already today
        fresh.append(user_id)
    if fresh:
        send_now(kind=kind, user_ids=fresh, title=title, url=url)
    return len(fresh)
