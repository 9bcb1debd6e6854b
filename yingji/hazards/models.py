import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yingji.core.industries import Industry
from yingji.core.models import BaseModel
from yingji.hazards.choices import (
    OPEN_STATES,
    TRANSITIONS,
    HazardAction,
    HazardLevel,
    HazardSource,
    HazardStatus,
    ListingLevel,
)
from yingji.regions.scoping import PREFIX_AND_DATE, ScopedQuerySet, ScopeFields


class HazardQuerySet(ScopedQuerySet):
    def overdue(self, today: datetime.date | None = None):
        """Deadline passed and not rectified: derived, never stored, so it cannot drift."""
        return self.filter(deadline__lt=today or timezone.localdate(), status__in=OPEN_STATES)

    def with_overdue(self, today: datetime.date | None = None):
        today = today or timezone.localdate()
        return self.annotate(
            is_overdue=models.Case(
                models.When(Q(deadline__lt=today, status__in=OPEN_STATES), then=True),
                default=False,
                output_field=models.BooleanField(),
            )
        )


class Hazard(BaseModel):
    """隐患: one hidden hazard of one enterprise and its closed loop. Region and industry are
    copied from the enterprise when it is registered, for fast statistics."""

    # No single-column indexes on these two: (enterprise, found_at) and the region indexes
    # below serve every lookup, and each index costs the ledger's bulk write.
    enterprise = models.ForeignKey(
        "enterprises.Enterprise", on_delete=models.PROTECT, related_name="hazards", db_index=False
    )
    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, db_column="region_code", db_index=False
    )
    industry = models.CharField(_("industry"), max_length=32, choices=Industry.choices)
    inspection = models.ForeignKey(
        "inspections.Inspection", on_delete=models.PROTECT, null=True, blank=True, related_name="hazards"
    )
    description = models.TextField(_("description"))
    location = models.CharField(_("location in the site"), max_length=200, blank=True)
    category = models.CharField(_("category"), max_length=200, blank=True)
    level = models.CharField(
        _("level"), max_length=16, choices=HazardLevel.choices, default=HazardLevel.GENERAL
    )
    source = models.CharField(
        _("source"), max_length=16, choices=HazardSource.choices, default=HazardSource.INSPECTION
    )
    status = models.CharField(
        _("status"), max_length=16, choices=HazardStatus.choices, default=HazardStatus.REPORTED
    )
    found_at = models.DateField(_("date found"))
    measures = models.TextField(_("rectification measures"), blank=True)
    responsible = models.CharField(_("person responsible"), max_length=100, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    funds = models.DecimalField(_("funds (yuan)"), max_digits=14, decimal_places=2, null=True, blank=True)
    rectified_at = models.DateField(_("date rectified"), null=True, blank=True)
    verifier = models.CharField(_("accepted by"), max_length=100, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    verified_at = models.DateField(_("date accepted"), null=True, blank=True)
    closed_at = models.DateField(_("date closed"), null=True, blank=True)
    extension_requested_until = models.DateField(_("extension requested until"), null=True, blank=True)
    extension_reason = models.TextField(_("extension reason"), blank=True)
    # 挂牌督办 (listed supervision) of a major hazard.
    listing_level = models.CharField(
        _("listing level"), max_length=16, choices=ListingLevel.choices, blank=True
    )
    listed_by = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="listed_hazards",
    )
    listed_on = models.DateField(_("date listed"), null=True, blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    note = models.TextField(_("remarks"), blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = HazardQuerySet.as_manager()
    scope_fields = ScopeFields(industry="industry", enterprise="enterprise_id")

    class Meta:
        ordering = ["-found_at", "-id"]
        verbose_name = _("hazard")
        verbose_name_plural = _("hazards")
        indexes = [
            # "Inside the region" is a prefix match: pattern operators on PostgreSQL.
            models.Index(  # covering what a county's report filters on (the summary's sources, levels)
                fields=["region", "found_at"],
                opclasses=PREFIX_AND_DATE,
                include=["status", "source", "level"],
                name="hazard_region_found",
            ),
            models.Index(  # the complaints' hazards a report counts, a twentieth of the county's
                fields=["region", "found_at"],
                opclasses=PREFIX_AND_DATE,
                include=["status"],
                condition=Q(source=HazardSource.COMPLAINT),
                name="hazard_complaint_found",
            ),
            models.Index(fields=["enterprise", "found_at"]),
            models.Index(fields=["status", "deadline"]),
            # The partial months of a period beside the rollups' whole ones (stats.catalog): a
            # few days of a whole province, read from the index alone (covering on PostgreSQL).
            models.Index(  # rectified_at, closed_at too: "found in the days and rectified (closed) by the cutoff"
                fields=["found_at"],
                include=["region", "status", "industry", "level", "rectified_at", "closed_at"],
                name="hazard_found_day",
            ),
            models.Index(
                fields=["rectified_at"],
                include=["region", "found_at", "deadline", "status", "industry", "level"],
                condition=Q(rectified_at__isnull=False),
                name="hazard_rectified_day",
            ),
            models.Index(  # closed in the cutoff's month: the closed rollup's residue
                fields=["closed_at"],
                include=["region", "found_at", "status", "industry", "level"],
                condition=Q(closed_at__isnull=False),
                name="hazard_closed_day",
            ),
            # Overdue on a day: the deadlines of that day's month, beside the deadline rollup's.
            models.Index(
                fields=["deadline"],
                include=["region", "found_at", "rectified_at", "status", "industry", "level"],
                condition=Q(deadline__isnull=False),
                name="hazard_deadline_day",
            ),
            # Open hazards by deadline: the overdue list of a county reads only these.
            models.Index(
                fields=["region", "deadline"],
                opclasses=PREFIX_AND_DATE,
                condition=Q(status__in=OPEN_STATES),
                name="hazard_open_deadline",
            ),
            # What a report asks of a past day: not yet rectified then, listed, closed.
            models.Index(  # covering the funds spent on what was rectified (the summary)
                fields=["region", "rectified_at"],
                opclasses=PREFIX_AND_DATE,
                include=["status", "funds"],
                name="hazard_region_rectified",
            ),
            models.Index(  # covering: a county's listed hazards counted from the index alone
                fields=["region", "listed_on"],
                opclasses=PREFIX_AND_DATE,
                include=["status"],
                condition=Q(listed_on__isnull=False),
                name="hazard_region_listed",
            ),
            models.Index(  # the partial months of the listed rollup: a province's few days
                fields=["listed_on"],
                include=["region", "status", "industry", "level"],
                condition=Q(listed_on__isnull=False),
                name="hazard_listed_day",
            ),
            # The listed hazards still open, latest listed first (the large screen's watch list).
            # Covering what the list filters on besides: with only the region, a county's eight
            # were found by intersecting its whole region index (62 ms for 15,000 open listed).
            models.Index(
                fields=["-listed_on", "deadline", "id"],
                include=["region", "status", "found_at"],
                condition=Q(listed_on__isnull=False, rectified_at__isnull=True),
                name="hazard_listed_open",
            ),
            # What waits on someone (the to-do list): a few thousand in a province.
            models.Index(
                fields=["region", "deadline"],
                opclasses=PREFIX_AND_DATE,
                condition=Q(status=HazardStatus.AWAITING_REVIEW),
                name="hazard_awaiting_review",
            ),
            models.Index(
                fields=["region", "deadline"],
                opclasses=PREFIX_AND_DATE,
                condition=Q(extension_requested_until__isnull=False),
                name="hazard_extension_asked",
            ),
            models.Index(
                fields=["region", "closed_at"], opclasses=PREFIX_AND_DATE, name="hazard_region_closed"
            ),
            # The major hazards closed (销号), in the order closed: the summary names the first
            # of a county's from a few hundred entries, not a province's closures of every level.
            models.Index(
                fields=["closed_at"],
                include=["region", "status"],
                condition=Q(level="major", closed_at__isnull=False),
                name="hazard_major_closed",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(funds__isnull=True) | Q(funds__gte=0), name="hazard_funds_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(rectified_at__isnull=True) | Q(rectified_at__gte=models.F("found_at")),
                name="hazard_rectified_after_found",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["rectified", "closed"]) | Q(rectified_at__isnull=False),
                name="hazard_rectified_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.description[:40]}"

    def can(self, action: str) -> bool:
        """Whether the action may start from the current state (who may act is permissions.py)."""
        allowed_from, _to = TRANSITIONS[action]
        return self.status in allowed_from

    @property
    def is_listed(self) -> bool:
        return self.listed_on is not None

    def overdue_on(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return bool(self.deadline and self.deadline < today and self.status in OPEN_STATES)


class TreatmentPlan(BaseModel):
    """重大事故隐患治理方案 (Order 16 Art. 15): the six items a major hazard needs before assignment."""

    hazard = models.OneToOneField(Hazard, on_delete=models.CASCADE, related_name="plan")
    objectives = models.TextField(_("objectives and tasks"))
    methods = models.TextField(_("methods and measures"))
    funds_and_materials = models.TextField(_("funds and materials"))
    organisation = models.TextField(_("responsible organisation and persons"))
    time_limit = models.TextField(_("time limit and requirements"))
    safety_measures = models.TextField(_("safety measures and emergency plan"))

    class Meta:
        ordering = ["hazard"]
        verbose_name = _("treatment plan")
        verbose_name_plural = _("treatment plans")

    def __str__(self) -> str:
        return f"{self.hazard} plan"


class HazardEvent(models.Model):
    """The hazard's timeline: one append-only row per registration and action."""

    hazard = models.ForeignKey(Hazard, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    action = models.CharField(max_length=32)
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16, blank=True)
    note = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("hazard event")
        verbose_name_plural = _("hazard events")

    def __str__(self) -> str:
        return f"{self.hazard_id} {self.action}"

    @property
    def action_label(self) -> str:
        extra = {
            "register": _("Registered"),
            "plan": _("Treatment plan"),
            "import": _("Imported from a ledger"),
        }
        return extra.get(self.action) or (
            HazardAction(self.action).label if self.action in HazardAction.values else self.action
        )

    @property
    def status_label(self) -> str:
        return HazardStatus(self.to_status).label if self.to_status in HazardStatus.values else self.to_status


class EvidenceKind(models.TextChoices):
    BEFORE = "before", _("Before rectification")
    AFTER = "after", _("After rectification")
    PLAN = "plan", _("Treatment plan")
    OTHER = "other", _("Other")


def evidence_path(instance: "HazardEvidence", filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"hazards/{instance.hazard_id}/{instance.sha256}.{extension}"


class HazardEvidence(models.Model):
    """A photo or PDF standing as evidence. Never replaced: a newer file supersedes it."""

    hazard = models.ForeignKey(Hazard, on_delete=models.CASCADE, related_name="evidence")
    event = models.ForeignKey(
        HazardEvent, on_delete=models.SET_NULL, null=True, blank=True, related_name="evidence"
    )
    kind = models.CharField(max_length=16, choices=EvidenceKind.choices, default=EvidenceKind.AFTER)
    file = models.FileField(upload_to=evidence_path)
    thumbnail = models.FileField(upload_to="hazards/thumbnails/", blank=True)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64, db_index=True)
    uploaded_at = models.DateTimeField(default=timezone.now)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    captured_at = models.DateTimeField(null=True, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    superseded_by = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return self.original_name


from yingji.hazards.rollup_models import (  # noqa: E402,F401 (the rollups: rollup.py keeps them)
    ClosedRollup,
    DeadlineRollup,
    HazardCityTotal,
    HazardClosedCounty,
    HazardClosedMonth,
    HazardClosedTotal,
    HazardCountyMonth,
    HazardCountyTotal,
    HazardDeadlineCity,
    HazardDeadlineCounty,
    HazardDeadlineMonth,
    HazardDeadlineStreet,
    HazardDeadlineTotal,
    HazardListedCounty,
    HazardListedMonth,
    HazardMajorCity,
    HazardMajorCounty,
    HazardMonth,
    HazardStreetTotal,
    ListedRollup,
    MonthRollup,
)
