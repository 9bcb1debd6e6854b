"""Every write to an accident: registration, corrections, casualty updates, the investigation
and its follow-up measures.

Each function checks the actor's role (403) and jurisdiction (404 or a 400 on the field that
points outside it), validates, writes, and audits in one transaction. The statistical figures
and the grade are written here only: the first report sets them, a casualty update within the
legal window changes them, a later one is recorded without changing them (DOMAIN.md §1.2).
"""

import datetime
import hashlib
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from yingji.accidents import deadlines, grading, permissions
from yingji.accidents.choices import (
    TRANSITIONS,
    AccidentAction,
    AccidentCategory,
    AccidentDomain,
    AccidentKind,
    InvestigationStatus,
    ReportLevel,
    ReportSource,
    UpdateKind,
    domain_for,
)
from yingji.accidents.models import FIGURES, Accident, AccidentMeasure, AccidentReport, AccidentUpdate
from yingji.audit.services import audit_action, audit_created, audit_updated, snapshot
from yingji.core import dates
from yingji.core.errors import ApplicationError, Conflict, full_clean_or_400
from yingji.core.industries import Industry
from yingji.core.inputs import Errors, text
from yingji.enterprises.models import Enterprise
from yingji.notifications import events
from yingji.regions.models import Region
from yingji.regions.scoping import Jurisdiction

COUNTS = ("deaths", "missing", "serious_injuries", "minor_injuries")
MAX_COUNT = 1_000_000
MAX_LOSS = Decimal("999999999999.99")  # what DecimalField(max_digits=14, decimal_places=2) holds
# Fields a correction (accident_update) may change; the figures change only through updates.
EDITABLE = (
    "occurred_at",
    "region_code",
    "place",
    "enterprise_id",
    "kind",
    "domain",
    "category",
    "industry",
    "summary",
    "cause",
    "report_source",
    "reported_at",
)
COMPUTED = ("grade", "status", "late", "report_deadline", "investigation_deadline")
REPORT_TYPES = {b"%PDF-": "pdf", b"PK\x03\x04": "zip"}  # PDF; DOCX and OFD are zip containers
REPORT_EXTENSIONS = {"pdf": {"pdf"}, "zip": {"docx", "ofd"}}


def _error(field: str, message: str) -> ApplicationError:
    return ApplicationError(message, errors={field: [message]})


def _aware(value: datetime.datetime) -> datetime.datetime:
    # A time without an offset is Beijing time, as the user meant it.
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def _time(errors: Errors, field: str, value, now: datetime.datetime) -> datetime.datetime | None:
    if value is None:
        errors.add(field, _("This field is required."))
        return None
    value = _aware(value)
    if problem := dates.past_time_problem(value, now=now):  # not ahead of now, not before 2000
        errors.add(field, problem)
    return value


def _figures(errors: Errors, values: dict) -> dict:
    figures = {}
    for name in COUNTS:
        value = values.get(name, 0)
        if value is None:
            value = 0
        if isinstance(value, bool) or not isinstance(value, int):
            errors.add(name, _("Enter a whole number."))
        elif not 0 <= value <= MAX_COUNT:
            errors.add(name, _("Enter a number from 0 to %(max)d.") % {"max": MAX_COUNT})
        figures[name] = value
    try:
        loss = Decimal(str(values.get("direct_loss") or 0))
    except InvalidOperation:
        loss = None
    if loss is None or not loss.is_finite():
        errors.add("direct_loss", _("Enter an amount in yuan."))
    elif not 0 <= loss <= MAX_LOSS:
        errors.add("direct_loss", _("Enter an amount from 0 to %(max)s yuan.") % {"max": MAX_LOSS})
    elif loss != loss.quantize(Decimal("0.01")):
        errors.add("direct_loss", _("At most two decimal places (fen)."))
    figures["direct_loss"] = loss.quantize(Decimal("0.01")) if not errors.get("direct_loss") else Decimal(0)
    return figures


def _grade_of(figures: dict) -> str:
    return grading.grade(
        figures["deaths"] + figures["missing"], figures["serious_injuries"], figures["direct_loss"]
    )


def _fields(
    actor, values: dict, now: datetime.datetime, errors: Errors, *, reported_now: bool = True
) -> dict:
    """Validate the accident's own fields (not its figures) and fill the defaults; a first
    report without a time was made now (`reported_now`), as on registration."""
    jurisdiction = Jurisdiction.of(actor)
    clean = {
        "place": text(errors, "place", values.get("place"), required=True, max_length=200),
        "summary": text(errors, "summary", values.get("summary"), required=True),
        "cause": text(errors, "cause", values.get("cause")),
    }
    occurred_at = _time(errors, "occurred_at", values.get("occurred_at"), now)
    reported_at = values.get("reported_at") or (now if reported_now else None)
    reported_at = _time(errors, "reported_at", reported_at, now)
    if occurred_at and reported_at and "occurred_at" not in errors and reported_at < occurred_at:
        errors.add("reported_at", _("The report cannot come before the accident."))
    clean |= {"occurred_at": occurred_at, "reported_at": reported_at}

    code = str(values.get("region_code") or "").strip()
    region = Region.objects.filter(code=code).first() if code.isdigit() else None
    if region is None:
        errors.add("region_code", _("Unknown region code %(code)s.") % {"code": code[:12]})
    elif len(code) not in (6, 9):
        errors.add("region_code", _("Choose a county or a street."))
    elif not jurisdiction.contains_region(code):
        errors.add("region_code", _("This region is not in your jurisdiction."))
    clean["region"] = region

    enterprise = None
    if values.get("enterprise_id") is not None:
        enterprise = Enterprise.objects.for_user(actor).filter(pk=values["enterprise_id"]).first()
        if enterprise is None:
            errors.add("enterprise_id", _("This enterprise is not in your jurisdiction."))
        elif region and not enterprise.region_id.startswith(code):
            errors.add(
                "enterprise_id",
                _("The enterprise is registered in %(region)s, outside the accident's region %(code)s.")
                % {"region": enterprise.region_id, "code": code},
            )
    clean["enterprise"] = enterprise

    kind = values.get("kind")
    if kind not in AccidentKind.values:
        errors.add("kind", _("Unknown kind of accident %(kind)s.") % {"kind": str(kind)[:32]})
    category = values.get("category")
    if category not in AccidentCategory.values:
        errors.add(
            "category",
            _("Unknown accident category %(code)s: use the GB 6441 codes 01 to 20.")
            % {"code": str(category)[:8]},
        )
    industry = values.get("industry") or (enterprise.industry if enterprise else Industry.OTHER)
    if industry not in Industry.values:
        errors.add("industry", _("Unknown industry: %(codes)s.") % {"codes": str(industry)[:32]})
    elif jurisdiction.industries is not None and industry not in jurisdiction.industries:
        errors.add("industry", _("This industry is not one you supervise."))
    domain = values.get("domain") or ""
    if domain and domain not in AccidentDomain.values:
        errors.add("domain", _("Unknown domain %(domain)s.") % {"domain": str(domain)[:32]})
    elif kind == AccidentKind.PRODUCTION:
        domain = domain or domain_for(industry)
    elif domain:
        errors.add(
            "domain",
            _(
                "Only a production accident has a domain: enter a business road accident or fire as a production accident."
            ),
        )
    report_source = values.get("report_source") or ReportSource.UNIT
    if report_source not in ReportSource.values:
        errors.add(
            "report_source", _("Unknown report source %(source)s.") % {"source": str(report_source)[:32]}
        )
    return clean | {
        "kind": kind,
        "category": category,
        "industry": industry,
        "domain": domain,
        "report_source": report_source,
    }


@transaction.atomic
def accident_register(
    *,
    actor,
    occurred_at: datetime.datetime,
    region_code: str,
    place: str,
    kind: str,
    category: str,
    summary: str,
    deaths: int = 0,
    missing: int = 0,
    serious_injuries: int = 0,
    minor_injuries: int = 0,
    direct_loss: Decimal | int | str = 0,
    enterprise_id: int | None = None,
    domain: str | None = None,
    industry: str | None = None,
    cause: str = "",
    report_source: str = ReportSource.UNIT,
    reported_at: datetime.datetime | None = None,
) -> Accident:
    """Register an accident from its first report (首报). Its grade follows from the figures."""
    permissions.require_write(actor)
    values = dict(locals())
    errors = Errors()
    fields = _fields(actor, values, timezone.now(), errors)
    figures = _figures(errors, values)
    errors.raise_if_any()
    accident = Accident(**fields, **figures, grade=_grade_of(figures), created_by=actor)
    full_clean_or_400(accident)
    accident.save()
    AccidentUpdate.objects.create(
        accident=accident,
        kind=UpdateKind.INITIAL,
        changed_on=deadlines.occurred_on(accident.occurred_at),
        reported_at=accident.reported_at,
        reason=_("First report"),
        grade=accident.grade,
        counts=True,
        created_by=actor,
        **figures,
    )
    audit_created(actor=actor, obj=accident)
    events.accident_registered(actor, accident)
    return accident


def _locked(actor, accident: Accident) -> Accident:
    # Lock the row for the transaction: two people updating at once must not both win.
    locked = Accident.objects.for_user(actor).select_for_update().filter(pk=accident.pk).first()
    if locked is None:
        raise Http404
    return locked


def _restate(accident: Accident) -> None:
    """Recompute which updates count and the statistical figures and grade that follow, after
    the accident's date or kind (and so its window) was corrected."""
    last_counting = None
    for update in accident.updates.all():
        counts = update.kind == UpdateKind.INITIAL or deadlines.within_update_window(
            accident.occurred_at, accident.kind, accident.domain, update.changed_on
        )
        if update.kind == UpdateKind.INITIAL:  # the first report follows the accident's own times
            update.changed_on = deadlines.occurred_on(accident.occurred_at)
            update.reported_at = accident.reported_at
        if counts != update.counts or update.kind == UpdateKind.INITIAL:
            update.counts = counts
            update.save(update_fields=["counts", "changed_on", "reported_at"])
        if counts:
            last_counting = update
    for name in FIGURES:
        setattr(accident, name, getattr(last_counting, name))
    accident.grade = _grade_of(last_counting.figures())


@transaction.atomic
def accident_update(*, actor, accident: Accident, changes: dict) -> Accident:
    """Correct the accident's own fields (PATCH). The figures change only through a casualty
    update, and the grade, deadlines and status are never set by hand."""
    permissions.require_write(actor)
    accident = _locked(actor, accident)
    errors = Errors()
    for name in changes:
        if name in FIGURES:
            errors.add(name, _("Figures change only through a casualty update (POST …/updates)."))
        elif name in COMPUTED:
            errors.add(name, _("This is computed and cannot be set."))
        elif name not in EDITABLE:
            errors.add(name, _("Unknown field."))
    errors.raise_if_any()
    current = {name: getattr(accident, {"region_code": "region_id"}.get(name, name)) for name in EDITABLE}
    if "kind" in changes and "domain" not in changes:
        current["domain"] = None  # the new kind decides whether there is a domain
    values = current | changes
    fields = _fields(actor, values, timezone.now(), errors, reported_now=False)
    first_update = accident.updates.filter(kind=UpdateKind.UPDATE).first()
    if (
        fields["occurred_at"]
        and first_update
        and deadlines.occurred_on(fields["occurred_at"]) > first_update.changed_on
    ):
        errors.add("occurred_at", _("The accident cannot be dated after its casualty updates."))
    errors.raise_if_any()
    before = snapshot(accident)
    for name, value in fields.items():
        setattr(accident, name, value)
    _restate(accident)
    full_clean_or_400(accident)
    accident.save()
    audit_updated(actor=actor, obj=accident, before=before)
    events.accident_regraded(actor, accident, before["grade"])
    return accident


@transaction.atomic
def accident_add_casualty_update(
    *,
    actor,
    accident: Accident,
    reason: str,
    deaths: int,
    missing: int,
    serious_injuries: int,
    minor_injuries: int,
    direct_loss: Decimal | int | str,
    changed_on: datetime.date | None = None,
    reported_at: datetime.datetime | None = None,
) -> AccidentUpdate:
    """续报/补报: the figures as they now stand. Within the window (30 days; 7 for road traffic
    and fire) they become the statistical figures and regrade the accident; later they are
    recorded and shown but change nothing."""
    permissions.require_write(actor)
    accident = _locked(actor, accident)
    errors = Errors()
    given = {"deaths": deaths, "missing": missing, "serious_injuries": serious_injuries}
    figures = _figures(errors, given | {"minor_injuries": minor_injuries, "direct_loss": direct_loss})
    reason = text(errors, "reason", reason, required=True)
    now = timezone.now()
    reported_at = _time(errors, "reported_at", reported_at or now, now)
    if "reported_at" not in errors and reported_at < accident.occurred_at:
        errors.add("reported_at", _("The report cannot come before the accident."))
    reported_on = timezone.localdate(reported_at if "reported_at" not in errors else now)
    occurred_on = deadlines.occurred_on(accident.occurred_at)
    last = accident.updates.last()
    changed_on = changed_on or reported_on
    if changed_on > reported_on:
        errors.add("changed_on", _("A change cannot be reported before it happens."))
    elif changed_on < occurred_on:
        errors.add("changed_on", _("The change cannot come before the accident."))
    elif changed_on < last.changed_on:
        errors.add(
            "changed_on",
            _("An update cannot be dated before the previous one (%(date)s).") % {"date": last.changed_on},
        )
    if not errors and figures == last.figures():
        errors.add("non_field_errors", _("The figures are unchanged."))
    errors.raise_if_any()

    counts = deadlines.within_update_window(accident.occurred_at, accident.kind, accident.domain, changed_on)
    update = AccidentUpdate.objects.create(
        accident=accident,
        kind=UpdateKind.UPDATE,
        changed_on=changed_on,
        reported_at=reported_at,
        reason=reason,
        before={k: str(v) if k == "direct_loss" else v for k, v in last.figures().items()},
        grade=_grade_of(figures),
        counts=counts,
        created_by=actor,
        **figures,
    )
    before = snapshot(accident)
    if counts:
        for name, value in figures.items():
            setattr(accident, name, value)
        accident.grade = update.grade
        accident.save()
        events.accident_regraded(actor, accident, before["grade"])
    audit_action(
        actor=actor,
        obj=accident,
        action="accident.casualty_update",
        before=before,
        extra={"update": update.pk, "changed_on": str(changed_on), "counts": counts, "reason": reason},
    )
    return update


@transaction.atomic
def accident_report_made(
    *, actor, accident: Accident, level: str, made_at: datetime.datetime | None = None, note: str = ""
) -> AccidentReport:
    """Record that the report reached one level of the chain (Decree 493 Art. 10), when, and
    who records it. Only the levels this grade's chain climbs; each once (a wrong time is
    corrected by the audit trail's owner, not overwritten here)."""
    permissions.require_write(actor)
    accident = _locked(actor, accident)
    errors = Errors()
    chain = [lvl for lvl, _due in accident.report_chain]
    if level not in chain:
        label = ReportLevel(level).label if level in ReportLevel.values else str(level)[:32]
        errors.add(
            "level",
            _("An accident of this grade is not reported to the %(level)s.") % {"level": label},
        )
    note = text(errors, "note", note, max_length=1000)
    now = timezone.now()
    made_at = _time(errors, "made_at", made_at or now, now)
    if "made_at" not in errors and made_at < accident.occurred_at:
        errors.add("made_at", _("The report cannot come before the accident."))
    errors.raise_if_any()
    if accident.reports.filter(level=level).exists():
        raise Conflict(
            _("The report to the %(level)s is recorded already.") % {"level": ReportLevel(level).label}
        )
    report = AccidentReport(accident=accident, level=level, made_at=made_at, made_by=actor, note=note)
    full_clean_or_400(report)
    report.save()
    deadline = next(due for lvl, due in accident.report_chain if lvl == level)
    audit_action(
        actor=actor,
        obj=accident,
        action="accident.report_made",
        before=snapshot(accident),
        extra={
            "level": level,
            "made_at": timezone.localtime(made_at).isoformat(),
            "deadline": timezone.localtime(deadline).isoformat(),
            "late": made_at > deadline,
            "note": note,
        },
    )
    return report


# --- The investigation ----------------------------------------------------------------------


def _date(
    errors: Errors, field: str, value, *, default: datetime.date, earliest: datetime.date
) -> datetime.date:
    value = value or default
    if problem := dates.past_problem(value, not_before=earliest):
        errors.add(field, problem)
    return value


def _transition(actor, accident: Accident, action: str) -> Accident:
    permissions.require_investigate(actor)
    accident = _locked(actor, accident)
    if not accident.can(action):
        raise Conflict(
            _("%(action)s is not possible while the accident is %(status)s.")
            % {"action": AccidentAction(action).label, "status": InvestigationStatus(accident.status).label}
        )
    return accident


def _finish(actor, accident: Accident, action: str, before: dict, extra: dict) -> Accident:
    _allowed_from, to_status = TRANSITIONS[action]
    if to_status:
        accident.status = to_status
    full_clean_or_400(accident)
    accident.save()
    audit_action(actor=actor, obj=accident, action=f"accident.{action}", before=before, extra=extra)
    return accident


@transaction.atomic
def accident_start_investigation(
    *, actor, accident: Accident, team: str, body: str = "", started_on: datetime.date | None = None
) -> Accident:
    """The investigating authority sets up its team. The authority defaults to the one the grade
    calls for (Art. 19); a higher one may take over (Art. 20) or a county entrust the unit."""
    accident = _transition(actor, accident, AccidentAction.START_INVESTIGATION)
    errors = Errors()
    team = text(errors, "team", team, required=True)
    with translation.override(settings.LANGUAGE_CODE):  # stored as the authority's Chinese name
        body = text(errors, "body", body, max_length=100) or accident.investigating_authority
    occurred_on = deadlines.occurred_on(accident.occurred_at)
    started_on = _date(errors, "started_on", started_on, default=timezone.localdate(), earliest=occurred_on)
    errors.raise_if_any()
    before = snapshot(accident)
    accident.investigation_body, accident.investigation_team = body, team
    accident.investigation_started_on = started_on
    extra = {"body": body, "team": team, "started_on": str(started_on)}
    return _finish(actor, accident, AccidentAction.START_INVESTIGATION, before, extra)


@transaction.atomic
def accident_extend_investigation(*, actor, accident: Accident, days: int, reason: str) -> Accident:
    """Art. 29: one extension, of at most 60 days, approved by the investigating government."""
    accident = _transition(actor, accident, AccidentAction.EXTEND_INVESTIGATION)
    if accident.is_extended:
        raise Conflict(_("The investigation has been extended once already."))
    errors = Errors()
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= deadlines.MAX_EXTENSION_DAYS:
        errors.add(
            "days", _("An extension is from 1 to %(max)d days.") % {"max": deadlines.MAX_EXTENSION_DAYS}
        )
    reason = text(errors, "reason", reason, required=True)
    errors.raise_if_any()
    before = snapshot(accident)
    accident.extension_days, accident.extension_reason = days, reason
    extra = {"days": days, "reason": reason, "deadline": str(accident.investigation_deadline)}
    return _finish(actor, accident, AccidentAction.EXTEND_INVESTIGATION, before, extra)


@transaction.atomic
def accident_approve_report(
    *,
    actor,
    accident: Accident,
    conclusion: str,
    responsibility_findings: str = "",
    approved_on: datetime.date | None = None,
) -> Accident:
    """The government approves (批复) the team's report: its conclusion and findings on responsibility."""
    accident = _transition(actor, accident, AccidentAction.APPROVE_REPORT)
    errors = Errors()
    conclusion = text(errors, "conclusion", conclusion, required=True)
    findings = text(errors, "responsibility_findings", responsibility_findings)
    approved_on = _date(
        errors,
        "approved_on",
        approved_on,
        default=timezone.localdate(),
        earliest=accident.investigation_started_on,
    )
    errors.raise_if_any()
    before = snapshot(accident)
    accident.conclusion, accident.responsibility_findings = conclusion, findings
    accident.report_approved_on = approved_on
    extra = {"approved_on": str(approved_on)}
    return _finish(actor, accident, AccidentAction.APPROVE_REPORT, before, extra)


@transaction.atomic
def accident_close(*, actor, accident: Accident, closed_on: datetime.date | None = None) -> Accident:
    """Close the file (结案). Allowed with measures still open: such an accident is flagged."""
    accident = _transition(actor, accident, AccidentAction.CLOSE)
    errors = Errors()
    closed_on = _date(
        errors, "closed_on", closed_on, default=timezone.localdate(), earliest=accident.report_approved_on
    )
    errors.raise_if_any()
    before = snapshot(accident)
    accident.closed_on = closed_on
    open_measures = accident.measures.filter(completed_on__isnull=True).count()
    extra = {"closed_on": str(closed_on), "open_measures": open_measures}
    return _finish(actor, accident, AccidentAction.CLOSE, before, extra)


def _as_date(errors: Errors, field: str, value) -> datetime.date | None:
    if value in (None, "") or isinstance(value, datetime.date):
        return value or None
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        errors.add(field, _("Enter a date as YYYY-MM-DD."))
        return None


def _as_int(errors: Errors, field: str, value):
    try:
        return int(value)
    except (TypeError, ValueError):
        errors.add(field, _("Enter a whole number."))
        return 0


def accident_act(*, actor, accident: Accident, action: str, data: dict) -> Accident:
    """One investigation action by name, with its fields from a JSON body or a form."""
    errors = Errors()
    if action == AccidentAction.START_INVESTIGATION:
        started_on = _as_date(errors, "started_on", data.get("started_on"))
        errors.raise_if_any()
        return accident_start_investigation(
            actor=actor,
            accident=accident,
            team=data.get("team"),
            body=data.get("body"),
            started_on=started_on,
        )
    if action == AccidentAction.EXTEND_INVESTIGATION:
        days = _as_int(errors, "days", data.get("days"))
        errors.raise_if_any()
        return accident_extend_investigation(
            actor=actor, accident=accident, days=days, reason=data.get("reason")
        )
    if action == AccidentAction.APPROVE_REPORT:
        approved_on = _as_date(errors, "approved_on", data.get("approved_on"))
        errors.raise_if_any()
        return accident_approve_report(
            actor=actor,
            accident=accident,
            conclusion=data.get("conclusion"),
            responsibility_findings=data.get("responsibility_findings"),
            approved_on=approved_on,
        )
    if action == AccidentAction.CLOSE:
        closed_on = _as_date(errors, "closed_on", data.get("closed_on"))
        errors.raise_if_any()
        return accident_close(actor=actor, accident=accident, closed_on=closed_on)
    raise _error("action", _("Unknown action %(action)s.") % {"action": str(action)[:32]})


@transaction.atomic
def accident_attach_report(*, actor, accident: Accident, upload) -> Accident:
    """The investigation report (PDF, DOCX or OFD), checked by its content; a new one replaces
    the old on the record, and the audit log keeps the old file's name."""
    permissions.require_investigate(actor)
    accident = _locked(actor, accident)
    if accident.status == InvestigationStatus.REPORTED:
        raise Conflict(_("Start the investigation before attaching its report."))
    content = upload.read(settings.YINGJI_MAX_UPLOAD_MB * 1024 * 1024 + 1)
    extension = (upload.name or "").rsplit(".", 1)[-1].lower()
    kind = next((k for magic, k in REPORT_TYPES.items() if content.startswith(magic)), None)
    if len(content) > settings.YINGJI_MAX_UPLOAD_MB * 1024 * 1024:
        raise _error("file", _("The file is larger than %(mb)d MB.") % {"mb": settings.YINGJI_MAX_UPLOAD_MB})
    if kind is None or extension not in REPORT_EXTENSIONS[kind]:
        raise _error("file", _("Attach the report as a PDF, DOCX or OFD file."))
    before = snapshot(accident)
    digest = hashlib.sha256(content).hexdigest()
    accident.investigation_report.save(
        f"{accident.pk}-{digest[:16]}.{extension}", ContentFile(content), save=False
    )
    accident.save()
    audit_action(
        actor=actor, obj=accident, action="accident.attach_report", before=before, extra={"sha256": digest}
    )
    return accident


# --- Follow-up measures (整改措施) --------------------------------------------------------------


@transaction.atomic
def accident_add_measure(
    *, actor, accident: Accident, description: str, responsible: str = "", due_on: datetime.date | None = None
) -> AccidentMeasure:
    permissions.require_write(actor)
    accident = _locked(actor, accident)
    errors = Errors()
    description = text(errors, "description", description, required=True)
    responsible = text(errors, "responsible", responsible, max_length=200)
    if due_on and (
        problem := dates.deadline_problem(due_on, start=deadlines.occurred_on(accident.occurred_at))
    ):
        errors.add("due_on", problem)
    errors.raise_if_any()
    measure = AccidentMeasure(
        accident=accident, description=description, responsible=responsible, due_on=due_on, created_by=actor
    )
    full_clean_or_400(measure)
    measure.save()
    audit_created(actor=actor, obj=measure)
    return measure


@transaction.atomic
def accident_complete_measure(
    *, actor, measure: AccidentMeasure, completed_on: datetime.date | None = None, note: str = ""
) -> AccidentMeasure:
    permissions.require_write(actor)
    accident = _locked(actor, measure.accident)
    measure = AccidentMeasure.objects.select_for_update().get(pk=measure.pk, accident=accident)
    if measure.is_done:
        raise Conflict(_("This measure is completed already."))
    errors = Errors()
    note = text(errors, "note", note)
    completed_on = _date(
        errors,
        "completed_on",
        completed_on,
        default=timezone.localdate(),
        earliest=deadlines.occurred_on(accident.occurred_at),
    )
    errors.raise_if_any()
    before = snapshot(measure)
    measure.completed_on, measure.completion_note, measure.completed_by = completed_on, note, actor
    measure.save()
    audit_updated(actor=actor, obj=measure, before=before)
    return measure
