"""宣传培训: training and publicity events, special-operations exams (特种作业考试) and
demonstration communities (综合减灾示范社区)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from yingji.core.models import BaseModel
from yingji.regions.scoping import PREFIX_AND_DATE, ScopedQuerySet, ScopeFields
from yingji.training.choices import CommunityLevel, CommunityStatus, SpecialOperation, TrainingKind


class TrainingEvent(BaseModel):
    kind = models.CharField(_("kind"), max_length=16, choices=TrainingKind.choices)
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("held on"))
    organiser = models.CharField(_("organiser"), max_length=100)
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, db_column="region_code")
    audience = models.CharField(_("audience"), max_length=200, blank=True)
    sessions = models.PositiveIntegerField(_("sessions"), default=1)
    participants = models.PositiveIntegerField(_("participants (person-times)"), default=0)
    materials = models.PositiveIntegerField(_("materials distributed (copies)"), default=0)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("training or publicity event")
        indexes = [
            models.Index(fields=["region", "held_on"], opclasses=PREFIX_AND_DATE, name="training_region_day")
        ]
        constraints = [
            models.CheckConstraint(condition=Q(sessions__gte=1), name="training_sessions_at_least_one")
        ]

    def __str__(self) -> str:
        return f"{self.held_on} {self.title}"


class Exam(BaseModel):
    """One sitting (考试批次) of a special-operations exam: its candidates and passes."""

    held_on = models.DateField(_("held on"))
    operation = models.CharField(_("operation"), max_length=16, choices=SpecialOperation.choices)
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, db_column="region_code")
    organiser = models.CharField(_("exam centre"), max_length=100, blank=True)
    candidates = models.PositiveIntegerField(_("candidates"))
    passed = models.PositiveIntegerField(_("passed"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("special-operations exam")
        constraints = [
            models.CheckConstraint(condition=Q(passed__lte=F("candidates")), name="exam_passed_within")
        ]

    def __str__(self) -> str:
        return f"{self.held_on} {self.operation}"


class DemoCommunity(BaseModel):
    name = models.CharField(_("name"), max_length=100)
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, db_column="region_code")
    status = models.CharField(
        _("status"), max_length=8, choices=CommunityStatus.choices, default=CommunityStatus.CREATING
    )
    level = models.CharField(_("level"), max_length=12, choices=CommunityLevel.choices, blank=True)
    named_year = models.PositiveSmallIntegerField(_("year named"), null=True, blank=True)
    started_on = models.DateField(_("creation started on"))
    note = models.TextField(_("note"), blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["region_id", "name"]
        verbose_name = _("demonstration community")
        constraints = [
            models.CheckConstraint(
                condition=Q(status=CommunityStatus.CREATING, named_year__isnull=True)
                | Q(status=CommunityStatus.NAMED, named_year__isnull=False) & ~Q(level=""),
                name="named_community_has_level_and_year",
            )
        ]

    def __str__(self) -> str:
        return self.name
