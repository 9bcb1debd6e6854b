import datetime
from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yingji.accidents import deadlines
from yingji.accidents.choices import (
    TRANSITIONS,
    AccidentCategory,
    AccidentDomain,
    AccidentGrade,
    AccidentKind,
    InvestigationStatus,
    ReportLevel,
    ReportSource,
    UpdateKind,
)
from yingji.core.industries import Industry
from yingji.core.models import BaseModel
from yingji.regions.scoping import ScopedQuerySet, ScopeFields

FIGURES = ("deaths", "missing", "serious_injuries", "minor_injuries", "direct_loss")


def _figures_not_negative() -> Q:
    return Q(
        deaths__gte=0, missing__gte=0, serious_injuries__gte=0, minor_injuries__gte=0, direct_loss__gte=0
    )


def late_report() -> Q:
    """迟报: a production accident first reported after the unit's one-hour deadline (Decree 493
    Art. 9; DOMAIN.md 0.7: the rule does not cover non-business road accidents and fires).
    Derived from the two times, never stored, so a corrected time cannot leave a stale flag."""
    return Q(kind=AccidentKind.PRODUCTION, reported_at__gt=F("occurred_at") + deadlines.UNIT_TO_COUNTY)


class AccidentQuerySet(ScopedQuerySet):
    def late(self):
        return self.filter(late_report())

    def on_time(self):
        return self.exclude(late_report())

    def business_related(self):
        """生产安全事故 as bureau statistics count them (DOMAIN.md §1.4)."""
        return self.filter(kind=AccidentKind.PRODUCTION)

    def with_open_measures(self):
        # A subquery rather than a join and GROUP BY, which would drop the default ordering.
        open_measures = (
            AccidentMeasure.objects.filter(accident=models.OuterRef("pk"), completed_on__isnull=True)
            .order_by()
            .values("accident")
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        return self.annotate(open_measures=Coalesce(models.Subquery(open_measures), 0))


class Accident(BaseModel):
    """事故: one accident, with its figures as they stand for statistics (the first report and
    the casualty updates made within the legal window), its grade, and its investigation.

    The figures and the grade are written only by the services: the grade is recomputed from
    the figures whenever they change and is never entered by hand; the latest reported figures,
    out-of-window ones included, are the last row of `updates`.
    """

    occurred_at = models.DateTimeField(_("time of the accident"), db_index=True)
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, db_column="region_code")
    place = models.CharField(_("place"), max_length=200)
    enterprise = models.ForeignKey(
        "enterprises.Enterprise", on_delete=models.PROTECT, null=True, blank=True, related_name="accidents"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=AccidentKind.choices)
    domain = models.CharField(_("domain"), max_length=32, choices=AccidentDomain.choices, blank=True)
    category = models.CharField(_("accident category"), max_length=2, choices=AccidentCategory.choices)
    industry = models.CharField(_("industry"), max_length=32, choices=Industry.choices, db_index=True)
    deaths = models.PositiveIntegerField(_("deaths"), default=0)
    missing = models.PositiveIntegerField(_("missing"), default=0)
    serious_injuries = models.PositiveIntegerField(_("serious injuries"), default=0)
    minor_injuries = models.PositiveIntegerField(_("minor injuries"), default=0)
    direct_loss = models.DecimalField(
        _("direct economic loss (yuan)"), max_digits=14, decimal_places=2, default=0
    )
    grade = models.CharField(_("grade"), max_length=24, choices=AccidentGrade.choices, db_index=True)
    summary = models.TextField(_("summary"))
    cause = models.TextField(_("cause"), blank=True)
    report_source = models.CharField(
        _("first reported by"), max_length=16, choices=ReportSource.choices, default=ReportSource.UNIT
    )
    reported_at = models.DateTimeField(_("time of the first report"))
    # Investigation and closure (Decree 493 Arts. 19–32).
    status = models.CharField(
        _("status"), max_length=16, choices=InvestigationStatus.choices, default=InvestigationStatus.REPORTED
    )
    investigation_body = models.CharField(_("investigating authority"), max_length=100, blank=True)
    investigation_team = models.TextField(_("investigation team"), blank=True)
    investigation_started_on = models.DateField(_("investigation started on"), null=True, blank=True)
    extension_days = models.PositiveSmallIntegerField(_("extension (days)"), default=0)
    extension_reason = models.TextField(_("reason for the extension"), blank=True)
    conclusion = models.TextField(_("conclusion"), blank=True)
    responsibility_findings = models.TextField(_("responsibility findings"), blank=True)
    report_approved_on = models.DateField(_("report approved on"), null=True, blank=True)
    investigation_report = models.FileField(
        _("investigation report"), upload_to="accidents/reports/", blank=True
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = AccidentQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code", industry="industry", enterprise="enterprise_id")

    class Meta:
        ordering = ["-occurred_at", "-id"]
        verbose_name = _("accident")
        verbose_name_plural = _("accidents")
        indexes = [
            models.Index(
                fields=["region", "occurred_at"],
                opclasses=["varchar_pattern_ops", "timestamptz_ops"],
                name="accident_region_time",
            ),
            models.Index(fields=["kind", "occurred_at"]),
            models.Index(fields=["enterprise", "occurred_at"]),
        ]
        constraints = [
            models.CheckConstraint(condition=_figures_not_negative(), name="accident_figures_not_negative"),
            models.CheckConstraint(
                condition=Q(reported_at__gte=F("occurred_at")), name="accident_reported_after_occurred"
            ),
            models.CheckConstraint(
                condition=Q(extension_days__lte=deadlines.MAX_EXTENSION_DAYS),
                name="accident_extension_at_most_60",
            ),
            models.CheckConstraint(
                condition=(Q(kind=AccidentKind.PRODUCTION) & ~Q(domain=""))
                | (~Q(kind=AccidentKind.PRODUCTION) & Q(domain="")),
                name="accident_domain_only_for_production",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d} {self.place}"

    def can(self, action: str) -> bool:
        """Whether the action may start from the current state (who may act is permissions.py)."""
        allowed_from, _to = TRANSITIONS[action]
        return self.status in allowed_from

    @property
    def deaths_and_missing(self) -> int:
        return self.deaths + self.missing

    @property
    def injured(self) -> int:
        return self.serious_injuries + self.minor_injuries

    @property
    def is_business_related(self) -> bool:
        """生产经营性: set by the user through the kind (a business road accident or fire is
        entered as a production accident of that domain), never inferred (DOMAIN.md §1.4)."""
        return self.kind == AccidentKind.PRODUCTION

    @property
    def report_deadline(self) -> datetime.datetime:
        return deadlines.report_deadline(self.occurred_at)

    @property
    def report_chain(self):
        return deadlines.report_chain(self.occurred_at, self.grade)

    def report_steps(self, now: datetime.datetime | None = None) -> list["ReportStep"]:
        """Each level of the chain with its deadline, the report recorded for it, and its state."""
        now = now or timezone.now()
        made = {report.level: report for report in self.reports.all()}
        # The first report (首报) is the report reaching the county (Art. 9): unless a step was
        # recorded for it, the county row is made at the first report's time.
        made.setdefault(
            ReportLevel.COUNTY,
            AccidentReport(
                accident=self, level=ReportLevel.COUNTY, made_at=self.reported_at, note=str(_("First report"))
            ),
        )
        steps = []
        for level, deadline in self.report_chain:
            report = made.get(level)
            state = deadlines.step_state(deadline, report.made_at if report else None, now)
            steps.append(ReportStep(level, deadline, report, state))
        return steps

    @property
    def late_by(self) -> datetime.timedelta | None:
        if self.kind != AccidentKind.PRODUCTION:
            return None  # the one-hour rule covers production accidents only (late_report)
        return deadlines.late_by(self.occurred_at, self.reported_at)

    @property
    def late(self) -> bool:
        return self.late_by is not None

    @property
    def investigation_deadline(self) -> datetime.date:
        return deadlines.investigation_deadline(self.occurred_at, self.extension_days)

    @property
    def investigating_authority(self) -> str:
        """Who investigates an accident of this grade (Art. 19); `investigation_body` is who does."""
        return deadlines.investigating_authority(self.grade)

    @property
    def update_window_end(self) -> datetime.date:
        return deadlines.update_window_end(self.occurred_at, self.kind, self.domain)

    @property
    def is_extended(self) -> bool:
        return self.extension_days > 0

    def open_measure_count(self) -> int:
        annotated = getattr(self, "open_measures", None)
        return annotated if annotated is not None else self.measures.filter(completed_on__isnull=True).count()

    @property
    def closed_with_open_measures(self) -> bool:
        return self.status == InvestigationStatus.CLOSED and self.open_measure_count() > 0

    def figures(self) -> dict:
        return {name: getattr(self, name) for name in FIGURES}


class AccidentUpdate(models.Model):
    """One report of the casualty figures: the first report (首报), then each follow-up (续报/补报).
    Append-only. `counts` says whether the change fell within the legal window, and so whether
    it changed the accident's statistical figures and grade."""

    accident = models.ForeignKey(Accident, on_delete=models.CASCADE, related_name="updates")
    kind = models.CharField(_("kind"), max_length=16, choices=UpdateKind.choices, default=UpdateKind.UPDATE)
    changed_on = models.DateField(_("date of the change"))
    reported_at = models.DateTimeField(_("reported at"))
    reason = models.TextField(_("reason"), blank=True)
    deaths = models.PositiveIntegerField(_("deaths"), default=0)
    missing = models.PositiveIntegerField(_("missing"), default=0)
    serious_injuries = models.PositiveIntegerField(_("serious injuries"), default=0)
    minor_injuries = models.PositiveIntegerField(_("minor injuries"), default=0)
    direct_loss = models.DecimalField(
        _("direct economic loss (yuan)"), max_digits=14, decimal_places=2, default=0
    )
    before = models.JSONField(_("figures before"), default=dict, blank=True)
    grade = models.CharField(_("grade by these figures"), max_length=24, choices=AccidentGrade.choices)
    counts = models.BooleanField(_("counts in the statistics"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_on", "id"]
        verbose_name = _("casualty update")
        verbose_name_plural = _("casualty updates")
        constraints = [
            models.CheckConstraint(
                condition=_figures_not_negative(), name="accident_update_figures_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.accident_id} {self.kind} {self.changed_on}"

    def figures(self) -> dict:
        return {name: getattr(self, name) for name in FIGURES}

    @property
    def deaths_and_missing(self) -> int:
        return self.deaths + self.missing


class AccidentReport(BaseModel):
    """报告: the report of the accident as it actually reached one level of the chain (Decree
    493 Art. 10), when and recorded by whom. One per level; its deadline is the chain's."""

    accident = models.ForeignKey(Accident, on_delete=models.CASCADE, related_name="reports")
    level = models.CharField(_("reported to"), max_length=16, choices=ReportLevel.choices)
    made_at = models.DateTimeField(_("reported at"))
    # Empty for steps loaded from elsewhere (the demo's history), as `created_by` elsewhere.
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reported by"),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["accident", "made_at", "id"]
        verbose_name = _("accident report step")
        verbose_name_plural = _("accident report steps")
        constraints = [
            models.UniqueConstraint(fields=["accident", "level"], name="accident_report_once_per_level")
        ]

    def __str__(self) -> str:
        return f"{self.accident_id} {self.level} {self.made_at:%Y-%m-%d %H:%M}"

    @property
    def audit_region_code(self) -> str:
        return self.accident.region_id


class ReportStep(NamedTuple):
    level: ReportLevel
    deadline: datetime.datetime
    report: AccidentReport | None
    state: str  # deadlines.step_state

    @property
    def flagged(self) -> bool:
        return self.state in ("late", "overdue")


class AccidentMeasure(BaseModel):
    """整改措施: one follow-up measure from the investigation report, and its completion."""

    accident = models.ForeignKey(Accident, on_delete=models.CASCADE, related_name="measures")
    description = models.TextField(_("measure"))
    responsible = models.CharField(_("responsible unit"), max_length=200, blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    completion_note = models.TextField(_("completion note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["accident", "id"]
        verbose_name = _("follow-up measure")
        verbose_name_plural = _("follow-up measures")

    def __str__(self) -> str:
        return self.description[:40]

    @property
    def audit_region_code(self) -> str:
        return self.accident.region_id

    @property
    def is_done(self) -> bool:
        return self.completed_on is not None
