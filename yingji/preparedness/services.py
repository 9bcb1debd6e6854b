"""The rules of preparedness, called by the API, the pages and the team import alike; every
change is audited in its transaction."""

import datetime
import hashlib

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.audit.services import audit_action, audit_created, audit_updated, snapshot
from yingji.core import dates
from yingji.core.errors import ApplicationError, full_clean_or_400
from yingji.hazards.evidence import sniff
from yingji.preparedness import permissions
from yingji.preparedness.choices import (
    RESPONSE_LEVELS,
    REVIEW_YEARS,
    DrillType,
    ExpertField,
    PlanLevel,
    PlanType,
    TeamLevel,
)
from yingji.preparedness.models import Drill, DrillTarget, Expert, Plan, Team, TeamMember
from yingji.regions.models import Region
from yingji.regions.scoping import Jurisdiction

MAX_COUNT = 1_000_000
MAX_LINES = 100


def _fail(field: str, message: str) -> ApplicationError:
    return ApplicationError(message, errors={field: [message]})


def _text(values: dict, name: str, limit: int, *, required: bool = False) -> str:
    text = str(values.get(name) or "").strip()
    if required and not text:
        raise _fail(name, _("This field is required."))
    if len(text) > limit:
        raise _fail(name, _("At most %(n)d characters.") % {"n": limit})
    return text


def _lines(values: dict, name: str, limit: int = 200) -> list[str]:
    """A list of short texts, given as a list or as lines of text."""
    raw = values.get(name) or []
    items = raw.splitlines() if isinstance(raw, str) else raw
    if not isinstance(items, list | tuple):
        raise _fail(name, _("Enter a list of lines."))
    lines = [str(x).strip() for x in items if str(x).strip()]
    if len(lines) > MAX_LINES or any(len(x) > limit for x in lines):
        raise _fail(name, _("At most %(n)d lines of %(c)d characters.") % {"n": MAX_LINES, "c": limit})
    return lines


def _count(values: dict, name: str, *, minimum: int = 0) -> int:
    try:
        number = int(str(values.get(name)).strip())
    except (TypeError, ValueError):
        raise _fail(name, _("Enter a whole number.")) from None
    if not minimum <= number <= MAX_COUNT:
        raise _fail(name, _("Enter a number from %(low)d to %(high)d.") % {"low": minimum, "high": MAX_COUNT})
    return number


def _choice(values: dict, name: str, choices, default=None) -> str:
    value = values.get(name) or default or ""
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


def _past(values: dict, name: str, default=None) -> datetime.date | None:
    return dates.past_date(values.get(name), name) or default


def _save(actor, obj, before=None):
    full_clean_or_400(obj)
    obj.save()
    if before is None:
        audit_created(actor=actor, obj=obj)
    else:
        audit_updated(actor=actor, obj=obj, before=before)
    return obj


# Teams and members ---------------------------------------------------------------------------


@transaction.atomic
def team_create(*, actor, values: dict) -> Team:
    permissions.require(permissions.can_keep(actor))
    team = Team(
        name=_text(values, "name", 100, required=True),
        level=_choice(values, "level", TeamLevel),
        specialty=_text(values, "specialty", 100),
        region=_region(actor, values.get("region_code")),
        leader=_text(values, "leader", 50),
        phone=_text(values, "phone", 20),
        equipment=_lines(values, "equipment"),
        founded_on=_past(values, "founded_on", timezone.localdate()),
    )
    if Team.objects.filter(region=team.region, name=team.name).exists():
        raise _fail("name", _("A team of this name exists in the region."))
    return _save(actor, team)


def _certificates(values: dict) -> list[str]:
    raw = values.get("certificates") or []
    if isinstance(raw, str):
        raw = raw.replace("，", ",").replace("、", ",").split(",")
    return _lines({"certificates": raw}, "certificates", 100)


@transaction.atomic
def member_add(*, actor, team: Team, values: dict) -> TeamMember:
    permissions.require(permissions.can_keep(actor))
    member = TeamMember(
        team=team,
        name=_text(values, "name", 50, required=True),
        phone=_text(values, "phone", 20, required=True),
        position=_text(values, "position", 50),
        certificates=_certificates(values),
    )
    if TeamMember.objects.filter(team=team, phone=member.phone).exists():
        raise _fail("phone", _("A member of this team has this phone number."))
    return _save(actor, member)


# Experts ---------------------------------------------------------------------------------------


@transaction.atomic
def expert_create(*, actor, values: dict) -> Expert:
    permissions.require(permissions.can_keep(actor))
    expert = Expert(
        name=_text(values, "name", 50, required=True),
        field=_choice(values, "field", ExpertField),
        employer=_text(values, "employer", 100),
        title=_text(values, "title", 50),
        phone=_text(values, "phone", 20, required=True),
        region=_region(actor, values.get("region_code")),
        available=values.get("available") not in (False, "false", "0", "off", "no"),
        joined_on=_past(values, "joined_on", timezone.localdate()),
    )
    return _save(actor, expert)


@transaction.atomic
def expert_set_available(*, actor, expert: Expert, available: bool) -> Expert:
    permissions.require(permissions.can_keep(actor))
    before = snapshot(expert)
    expert.available = bool(available)
    return _save(actor, expert, before)


# Plans -----------------------------------------------------------------------------------------


def plan_review_due(plan: Plan) -> datetime.date:
    """Three years after approval; earlier, the day a drill or event revealed problems."""
    due = dates._years_after(plan.approved_on, REVIEW_YEARS)
    if plan.needs_revision and plan.revision_flagged_on:
        due = min(due, plan.revision_flagged_on)
    return due


def _measures(values: dict) -> dict[str, list[str]]:
    raw = values.get("measures") or {}
    if not isinstance(raw, dict) or set(raw) - set(RESPONSE_LEVELS):
        raise _fail("measures", _("Give the measures per response level IV, III, II, I."))
    return {
        level: _lines({"measures": raw[level]}, "measures", 500) for level in RESPONSE_LEVELS if level in raw
    }


@transaction.atomic
def plan_create(*, actor, values: dict) -> Plan:
    permissions.require(permissions.can_plan(actor))
    approved_on = _past(values, "approved_on")
    if approved_on is None:
        raise _fail("approved_on", _("This field is required."))
    filed_on = _past(values, "filed_on")
    if filed_on and filed_on < approved_on:
        raise _fail("filed_on", _("A plan is filed after it is approved."))
    plan = Plan(
        title=_text(values, "title", 200, required=True),
        level=_choice(values, "level", PlanLevel),
        type=_choice(values, "type", PlanType),
        region=_region(actor, values.get("region_code")),
        version=_text(values, "version", 20) or "1",
        approved_on=approved_on,
        filed_on=filed_on,
        filed_with=_text(values, "filed_with", 100),
        owner=actor if actor.is_authenticated else None,
        measures=_measures(values),
    )
    plan.review_due = plan_review_due(plan)
    return _save(actor, plan)


@transaction.atomic
def plan_revise(*, actor, plan: Plan, values: dict) -> Plan:
    """A new version (修订): new approval date, filing and measures; the revision flag is cleared."""
    permissions.require(permissions.can_edit_plan(actor, plan))
    before = snapshot(plan)
    approved_on = _past(values, "approved_on")
    if approved_on is None:
        raise _fail("approved_on", _("This field is required."))
    if approved_on < plan.approved_on:
        raise _fail("approved_on", _("A revision is approved after the version it replaces."))
    plan.version = _text(values, "version", 20, required=True)
    plan.approved_on = approved_on
    plan.filed_on = _past(values, "filed_on")
    plan.filed_with = _text(values, "filed_with", 100) or plan.filed_with
    if "measures" in values and values["measures"] is not None:
        plan.measures = _measures(values)
    plan.needs_revision, plan.revision_reason, plan.revision_flagged_on = False, "", None
    plan.review_due = plan_review_due(plan)
    _save(actor, plan, before)
    return plan


def flag_revision(*, actor, plan: Plan, reason: str, day: datetime.date) -> Plan:
    """A drill or event revealed problems: the plan's review falls due that day."""
    before = snapshot(plan)
    plan.needs_revision = True
    plan.revision_reason = reason[:500]
    plan.revision_flagged_on = min(day, plan.revision_flagged_on or day)
    plan.review_due = plan_review_due(plan)
    plan.save()
    audit_action(
        actor=actor, obj=plan, action="plan.needs_revision", before=before, extra={"reason": reason[:500]}
    )
    return plan


@transaction.atomic
def plan_attach(*, actor, plan: Plan, upload) -> Plan:
    """The plan's text (PDF or a scan), checked by content like evidence files."""
    permissions.require(permissions.can_edit_plan(actor, plan))
    limit = settings.YINGJI_MAX_UPLOAD_MB * 1024 * 1024
    if upload.size > limit:
        raise _fail("file", _("A file may be at most %(mb)s MB.") % {"mb": settings.YINGJI_MAX_UPLOAD_MB})
    content = upload.read()
    try:
        content_type, extension = sniff(content)
    except ApplicationError as error:
        raise _fail("file", error.message) from None
    before = snapshot(plan)
    plan.file_sha256 = hashlib.sha256(content).hexdigest()
    plan.file_type = content_type
    plan.file.save(f"{plan.file_sha256}.{extension}", ContentFile(content), save=False)
    plan.save()
    audit_updated(actor=actor, obj=plan, before=before)
    return plan


# Drills ----------------------------------------------------------------------------------------


def _plan_of(actor, plan_id) -> Plan | None:
    if plan_id in (None, ""):
        return None
    plan = Plan.objects.for_user(actor).filter(pk=plan_id).first() if str(plan_id).isdigit() else None
    if plan is None:
        raise _fail("plan_id", _("Choose a plan in your jurisdiction."))
    return plan


@transaction.atomic
def drill_create(*, actor, values: dict) -> Drill:
    """Record a drill; problems found with `plan_needs_revision` set the plan's review due."""
    permissions.require(permissions.can_plan(actor))
    held_on = _past(values, "date")
    if held_on is None:
        raise _fail("date", _("This field is required."))
    drill = Drill(
        title=_text(values, "title", 200, required=True),
        held_on=held_on,
        type=_choice(values, "type", DrillType),
        region=_region(actor, values.get("region_code")),
        participants=_count(values, "participants", minimum=1),
        plan=_plan_of(actor, values.get("plan_id")),
        organiser=_text(values, "organiser", 100),
        scenario=_text(values, "scenario", 5000),
        evaluation=_text(values, "evaluation", 5000),
        problems=_text(values, "problems", 5000),
        follow_ups=_lines(values, "follow_ups"),
        created_by=actor if actor.is_authenticated else None,
    )
    if values.get("plan_needs_revision") and not drill.problems:
        raise _fail("problems", _("Say which problems call for revising the plan."))
    if values.get("plan_needs_revision") and drill.plan is None:
        raise _fail("plan_id", _("Choose the plan the drill revealed problems in."))
    _save(actor, drill)
    if values.get("plan_needs_revision") in (True, "true", "on", "1"):
        flag_revision(actor=actor, plan=drill.plan, reason=drill.problems, day=drill.held_on)
    return drill


@transaction.atomic
def drill_target_set(*, actor, values: dict) -> DrillTarget:
    permissions.require(permissions.can_keep(actor))
    region = _region(actor, values.get("region_code"))
    year = _count(values, "year", minimum=2000)
    if year > timezone.localdate().year + 1:
        raise _fail("year", _("Plan at most next year's drills."))
    target = _count(values, "target")
    row = DrillTarget.objects.filter(region=region, year=year).first()
    before = snapshot(row) if row else None
    row = row or DrillTarget(region=region, year=year, target=target)
    row.target = target
    return _save(actor, row, before)
