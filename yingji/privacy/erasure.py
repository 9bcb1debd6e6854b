"""Where one person's data lives, and what erasing it does to each record (PIPL art. 47).

Each finder below yields the changes for one kind of record. A record nobody must keep is
deleted; a record the bureau keeps (a complaint, a warning's 叫应, the duty log) loses the
person's identifying fields and stays; a record the law requires to name the person (an
enforcement case file) is left as it is and reported as kept. docs/personal-information.md says
why for each.
"""

import dataclasses
import enum
from collections.abc import Iterator

from django.db import models

from yingji.accounts.models import User
from yingji.complaints.models import Complaint
from yingji.duty.models import LogEntry
from yingji.emergency.models import SpecialPerson
from yingji.enforcement.choices import PartyKind
from yingji.enforcement.models import Case
from yingji.enterprises.models import Enterprise
from yingji.notifications.models import SmsMessage
from yingji.preparedness.models import Expert, Team, TeamMember
from yingji.privacy.identifiers import ERASED, Person, phone_in_text, same_phone, without_phone
from yingji.warnings.models import Contact, Recipient


class How(enum.StrEnum):
    DELETE = "deleted"
    CLEAR = "cleared"  # the identifying fields emptied or masked, the record kept
    KEEP = "kept by law"


@dataclasses.dataclass(frozen=True)
class Change:
    obj: models.Model
    how: How
    values: dict = dataclasses.field(default_factory=dict)  # field -> new value, for CLEAR


def changes_for(person: Person) -> list[Change]:
    return [change for finder in FINDERS for change in finder(person)]


def _by_phone(qs, digits: str, *fields: str):
    """Rows of qs with the number in one of the fields: narrowed by the database on the last
    four digits (the stored text may hold spaces or dashes), then compared exactly."""
    if not digits:
        return []
    narrowed = models.Q()
    for field in fields:
        narrowed |= models.Q(**{f"{field}__contains": digits[-4:]})
    return [row for row in qs.filter(narrowed) if any(same_phone(getattr(row, f), digits) for f in fields)]


def _mentioning(qs, digits: str, *fields: str):
    """Rows whose free text mentions the number."""
    if not digits:
        return []
    pattern = phone_in_text(digits)
    narrowed = models.Q()
    for field in fields:
        narrowed |= models.Q(**{f"{field}__contains": digits[-4:]})
    return [row for row in qs.filter(narrowed) if any(pattern.search(getattr(row, f)) for f in fields)]


def _complaints(person: Person) -> Iterator[Change]:
    # The phone is encrypted: the database cannot compare it, so each given one is decrypted.
    if not person.phone:
        return
    for complaint in Complaint.objects.exclude(reporter_phone="").iterator(chunk_size=500):
        if same_phone(complaint.reporter_phone, person.phone):
            yield Change(complaint, How.CLEAR, {"reporter_name": "", "reporter_phone": ""})


def _special_groups(person: Person) -> Iterator[Change]:
    found: dict[int, SpecialPerson] = {}
    if person.id_number:
        for row in SpecialPerson.objects.filter(id_last4=person.id_number[-4:]):
            if row.id_number == person.id_number:  # decrypted on load
                found[row.pk] = row
    for row in _by_phone(SpecialPerson.objects.all(), person.phone, "phone"):
        found[row.pk] = row
    for row in found.values():
        yield Change(row, How.DELETE)
    # Someone else's 四个一 contact: the number goes, the street's to-do asks for a new one.
    for row in _mentioning(SpecialPerson.objects.exclude(pk__in=found), person.phone, "contact"):
        yield Change(row, How.CLEAR, {"contact": without_phone(row.contact, person.phone)})


def _enterprises(person: Person) -> Iterator[Change]:
    for row in _by_phone(Enterprise.objects.all(), person.phone, "phone", "safety_manager_phone"):
        values = {}
        if same_phone(row.phone, person.phone):
            values["phone"] = ""
        if same_phone(row.safety_manager_phone, person.phone):
            values |= {"safety_manager": "", "safety_manager_phone": ""}
        yield Change(row, How.CLEAR, values)


def _users(person: Person) -> Iterator[Change]:
    # The name and username stay: they say who acted in records kept by law and in the audit log.
    for row in _by_phone(User.objects.all(), person.phone, "phone"):
        yield Change(row, How.CLEAR, {"phone": ""})


def _contacts(person: Person) -> Iterator[Change]:
    # Kept (recipients of past warnings point at it), out of the register and without identity.
    for row in _by_phone(Contact.objects.all(), person.phone, "phone"):
        yield Change(row, How.CLEAR, {"name": ERASED, "phone": "", "active": False, "user": None})


def _recipients(person: Person) -> Iterator[Change]:
    # The 叫应 record (told when, acknowledged when) is the bureau's proof; who it was goes.
    for row in _by_phone(Recipient.objects.all(), person.phone, "phone"):
        yield Change(row, How.CLEAR, {"name": ERASED, "phone": ""})


def _preparedness(person: Person) -> Iterator[Change]:
    for row in _by_phone(TeamMember.objects.all(), person.phone, "phone"):
        yield Change(row, How.DELETE)
    for row in _by_phone(Expert.objects.all(), person.phone, "phone"):
        yield Change(row, How.DELETE)
    for row in _by_phone(Team.objects.all(), person.phone, "phone"):
        yield Change(row, How.CLEAR, {"leader": "", "phone": ""})


def _sms(person: Person) -> Iterator[Change]:
    for row in _by_phone(SmsMessage.objects.all(), person.phone, "phone"):
        yield Change(row, How.DELETE)


def _duty_log(person: Person) -> Iterator[Change]:
    # The log is the bureau's record of what it received: the entry stays, the number goes.
    for row in _mentioning(LogEntry.objects.all(), person.phone, "counterpart", "content"):
        values = {f: without_phone(getattr(row, f), person.phone) for f in ("counterpart", "content")}
        yield Change(row, How.CLEAR, {f: v for f, v in values.items() if v != getattr(row, f)})


def _enforcement(person: Person) -> Iterator[Change]:
    # A case file must name its party (行政处罚决定书, archived): PIPL art. 47 para. 2 — stored,
    # not processed further. Found by the name only, to tell the requester it is kept.
    if not person.name:
        return
    for row in Case.objects.filter(party_kind=PartyKind.PERSON, party_name=person.name):
        yield Change(row, How.KEEP)


FINDERS = (
    _complaints,
    _special_groups,
    _enterprises,
    _users,
    _contacts,
    _recipients,
    _preparedness,
    _sms,
    _duty_log,
    _enforcement,
)
