"""Recording training and publicity events, exams and demonstration communities: the rules,
called by the API and the pages alike, every change audited in its transaction."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.audit.services import audit_action, audit_created, snapshot
from yingji.core import dates
from yingji.core.errors import ApplicationError, Conflict, full_clean_or_400
from yingji.regions.models import Region
from yingji.regions.scoping import Jurisdiction
from yingji.training import permissions
from yingji.training.choices import CommunityLevel, CommunityStatus, SpecialOperation, TrainingKind
from yingji.training.models import DemoCommunity, Exam, TrainingEvent

MAX_COUNT = 10_000_000


def _fail(field: str, message: str) -> ApplicationError:
    return ApplicationError(message, errors={field: [message]})


def _text(values: dict, name: str, limit: int, *, required: bool = False) -> str:
    text = str(values.get(name) or "").strip()
    if required and not text:
        raise _fail(name, _("This field is required."))
    if len(text) > limit:
        raise _fail(name, _("At most %(n)d characters.") % {"n": limit})
    return text


def _count(values: dict, name: str, *, default: int = 0, minimum: int = 0) -> int:
    raw = values.get(name)
    if raw in (None, ""):
        number = default
    else:
        try:
            number = int(str(raw).strip())
        except ValueError:
            raise _fail(name, _("Enter a whole number.")) from None
    if not minimum <= number <= MAX_COUNT:
        raise _fail(name, _("Enter a number from %(low)d to %(high)d.") % {"low": minimum, "high": MAX_COUNT})
    return number


def _choice(values: dict, name: str, choices) -> str:
    value = values.get(name) or ""
    if value not in choices.values:
        raise _fail(name, _("Choose a valid value."))
    return value


def _region(user, code) -> Region:
    code = str(code or "").strip()
    if not code:
        raise _fail("region_code", _("This field is required."))
    region = Region.objects.filter(code=code).first()
    if region is None or not Jurisdiction.of(user).contains_region(code):
        raise _fail("region_code", _("Choose a region in your jurisdiction."))
    return region


def _held_on(values: dict):
    return dates.past_date(values.get("held_on"), "held_on") or timezone.localdate()


def _save(actor, obj):
    full_clean_or_400(obj)
    obj.save()
    audit_created(actor=actor, obj=obj)
    return obj


@transaction.atomic
def event_create(*, actor, values: dict) -> TrainingEvent:
    permissions.require(permissions.can_record_event(actor))
    event = TrainingEvent(
        kind=_choice(values, "kind", TrainingKind),
        title=_text(values, "title", 200, required=True),
        held_on=_held_on(values),
        organiser=_text(values, "organiser", 100)
        or (actor.organisation.name if actor.organisation_id else ""),
        region=_region(actor, values.get("region_code")),
        audience=_text(values, "audience", 200),
        sessions=_count(values, "sessions", default=1, minimum=1),
        participants=_count(values, "participants"),
        materials=_count(values, "materials"),
        note=_text(values, "note", 2000),
        created_by=actor,
    )
    if not event.organiser:
        raise _fail("organiser", _("This field is required."))
    return _save(actor, event)


@transaction.atomic
def exam_create(*, actor, values: dict) -> Exam:
    permissions.require(permissions.can_record_exam(actor))
    candidates = _count(values, "candidates", minimum=1)
    passed = _count(values, "passed")
    if passed > candidates:
        raise _fail("passed", _("More passed than sat the exam."))
    exam = Exam(
        held_on=_held_on(values),
        operation=_choice(values, "operation", SpecialOperation),
        region=_region(actor, values.get("region_code")),
        organiser=_text(values, "organiser", 100),
        candidates=candidates,
        passed=passed,
        created_by=actor,
    )
    return _save(actor, exam)


def _year(values: dict, name: str = "named_year") -> int:
    year = _count(values, name, minimum=2000)
    if year > timezone.localdate().year:
        raise _fail(name, _("The year cannot be in the future."))
    return year


@transaction.atomic
def community_create(*, actor, values: dict) -> DemoCommunity:
    permissions.require(permissions.can_record_community(actor))
    status = values.get("status") or CommunityStatus.CREATING
    if status not in CommunityStatus.values:
        raise _fail("status", _("Choose a valid value."))
    community = DemoCommunity(
        name=_text(values, "name", 100, required=True),
        region=_region(actor, values.get("region_code")),
        status=status,
        started_on=dates.past_date(values.get("started_on"), "started_on") or timezone.localdate(),
        note=_text(values, "note", 2000),
    )
    if status == CommunityStatus.NAMED:
        community.level = _choice(values, "level", CommunityLevel)
        community.named_year = _year(values)
    return _save(actor, community)


@transaction.atomic
def community_name(*, actor, community: DemoCommunity, values: dict) -> DemoCommunity:
    """创建中 → 已命名, with the level and the year."""
    permissions.require(permissions.can_record_community(actor))
    if community.status == CommunityStatus.NAMED:
        raise Conflict(_("This community is already named."))
    before = snapshot(community)
    community.level = _choice(values, "level", CommunityLevel)
    community.named_year = _year(values)
    if community.named_year < community.started_on.year:
        raise _fail("named_year", _("The year cannot be before the creation started."))
    community.status = CommunityStatus.NAMED
    full_clean_or_400(community)
    community.save()
    audit_action(actor=actor, obj=community, action="name", before=before)
    return community
