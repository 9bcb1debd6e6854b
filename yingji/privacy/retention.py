"""The retention periods (docs/personal-information.md gives the reason for each): what is past
its period, and what becomes of it. A rule's query selects only rows still holding the data, so
applying the rules again changes nothing."""

import dataclasses
import datetime
from collections.abc import Callable

from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce

from yingji.accounts.models import User
from yingji.complaints.models import Complaint, PublicHit
from yingji.enterprises.choices import EnterpriseStatus
from yingji.enterprises.models import Enterprise
from yingji.notifications.models import SmsMessage
from yingji.privacy.identifiers import ERASED
from yingji.warnings.models import Contact, Recipient


def years_before(moment, years: int):
    """The same day `years` earlier (29 February becomes the 28th)."""
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:
        return moment.replace(year=moment.year - years, day=28)


@dataclasses.dataclass(frozen=True)
class Rule:
    key: str
    description: str
    due: Callable[[datetime.datetime], QuerySet]  # rows past their period, given now
    values: dict | None  # the fields emptied; None: the rows are deleted


def _complaint_reporters(now):
    concluded_before = years_before(now.date(), 3)
    return (
        Complaint.objects.filter(closed_on__lt=concluded_before)
        .filter(~Q(reporter_name="") | ~Q(reporter_phone=""))
        # A reward decided and not yet paid still needs its reporter.
        .exclude(reward_amount__isnull=False, reward_paid_on__isnull=True)
    )


def _public_hits(now):
    return PublicHit.objects.filter(at__lt=now - datetime.timedelta(days=30))


def _sms(now):
    return SmsMessage.objects.filter(created_at__lt=now - datetime.timedelta(days=180))


def _recipients(now):
    return Recipient.objects.filter(sent_at__lt=years_before(now, 3)).exclude(phone="")


def _former_contacts(now):
    # The register has no date of leaving: the last change of an inactive entry stands for it.
    return Contact.objects.filter(active=False, updated_at__lt=years_before(now, 1)).exclude(phone="")


def _closed_enterprises(now):
    return Enterprise.objects.filter(
        status=EnterpriseStatus.CLOSED, updated_at__lt=years_before(now, 3)
    ).filter(~Q(phone="") | ~Q(safety_manager="") | ~Q(safety_manager_phone=""))


def _former_staff(now):
    return (
        User.objects.filter(is_active=False)
        .alias(last_seen=Coalesce("last_login", "date_joined"))
        .filter(last_seen__lt=years_before(now, 2))
        .exclude(phone="")
    )


RULES = (
    Rule("complaint_reporter", "reporter's name and phone, 3 years after the complaint is concluded",
         _complaint_reporters, {"reporter_name": "", "reporter_phone": ""}),
    Rule("public_hit", "public form's client addresses, after 30 days", _public_hits, None),
    Rule("sms", "texts sent and their phone numbers, after 180 days", _sms, None),
    Rule("warning_recipient", "name and phone of a warning's recipient, 3 years after it was sent",
         _recipients, {"name": ERASED, "phone": ""}),
    Rule("former_contact", "inactive entries of the contacts register, 1 year after their last change",
         _former_contacts, {"name": ERASED, "phone": "", "user": None}),
    Rule("closed_enterprise", "contact persons of a closed enterprise, 3 years after it closed",
         _closed_enterprises, {"phone": "", "safety_manager": "", "safety_manager_phone": ""}),
    Rule("former_staff", "phone of a deactivated account, 2 years after its last sign-in",
         _former_staff, {"phone": ""}),
)  # fmt: skip
