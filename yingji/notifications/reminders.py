"""The daily reminder pass: hazards due within 3 days and overdue ones (to the enterprise's
users), accident investigations due within 3 days or overdue (to the bureau's staff and duty
officers over the accident). Each reminder is recorded under (kind, object, user, day)
before it is sent, so a second pass on the same day sends nothing again."""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from yingji.accidents.choices import AccidentKind
from yingji.accidents.models import Accident
from yingji.accidents.todo import OPEN_INVESTIGATION
from yingji.accounts.choices import Role
from yingji.accounts.models import User
from yingji.hazards.models import Hazard
from yingji.hazards.todo import TO_RECTIFY
from yingji.notifications import kinds
from yingji.notifications.models import Reminder
from yingji.notifications.services import bureau_users_over, send_now

SOON = datetime.timedelta(days=3)
# Open investigations end at most 120 days (60 and one extension of 60) after the accident.
LONGEST_INVESTIGATION = datetime.timedelta(days=121)


def remind(today: datetime.date | None = None) -> int:
    """Send today's reminders not sent yet; returns how many were sent."""
    today = today or timezone.localdate()
    with translation.override(settings.LANGUAGE_CODE):
        return _hazards(today) + _accidents(today)


def _hazards(today: datetime.date) -> int:
    hazards = Hazard.objects.filter(status__in=TO_RECTIFY, deadline__lte=today + SOON).select_related(
        "enterprise"
    )
    sent = 0
    for hazard in hazards.order_by("deadline", "pk"):
        users = User.objects.filter(
            organisation__enterprise_id=hazard.enterprise_id, role=Role.ENTERPRISE, is_active=True
        )
        if hazard.deadline < today:
            kind = kinds.HAZARD_OVERDUE
            title = _("Overdue since %(deadline)s: %(description)s")
        else:
            kind = kinds.HAZARD_DUE
            title = _("Rectification due %(deadline)s: %(description)s")
        title %= {"deadline": hazard.deadline, "description": hazard.description[:60]}
        sent += remind_once(kind, hazard.pk, users, today, title, f"/hazards/{hazard.pk}/")
    return sent


def _accidents(today: datetime.date) -> int:
    earliest = timezone.make_aware(datetime.datetime.combine(today - LONGEST_INVESTIGATION, datetime.time()))
    accidents = Accident.objects.filter(
        kind=AccidentKind.PRODUCTION, status__in=OPEN_INVESTIGATION, occurred_at__gte=earliest
    )
    sent = 0
    for accident in accidents.order_by("occurred_at", "pk"):
        due = accident.investigation_deadline
        if due > today + SOON:
            continue
        users = bureau_users_over(accident.region_id, (Role.BUREAU, Role.DUTY))
        title = _("Investigation report due %(deadline)s: %(place)s") % {
            "deadline": due,
            "place": accident.place,
        }
        sent += remind_once(
            kinds.ACCIDENT_DUE, accident.pk, users, today, title, f"/accidents/{accident.pk}/"
        )
    return sent


@transaction.atomic
def remind_once(kind: str, object_id, users, day: datetime.date, title: str, url: str) -> int:
    """Record and send, in one transaction, the reminder to each user not reminded of this object
    on this day (users: a queryset or ids) — however often a pass runs, or two run alongside."""
    fresh = []
    ids = users.values_list("pk", flat=True) if hasattr(users, "values_list") else sorted(set(users))
    for user_id in ids:
        try:
            with transaction.atomic():
                Reminder.objects.create(kind=kind, object_id=str(object_id), user_id=user_id, day=day)
        except IntegrityError:
            continue  # sent already today (this pass ran before, or runs alongside)
        fresh.append(user_id)
    if fresh:
        send_now(kind=kind, user_ids=fresh, title=title, url=url)
    return len(fresh)
