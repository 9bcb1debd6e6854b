"""年度监督检查计划 (分类分级) and 双随机一公开 draws (DOMAIN.md §5.5)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from yingji.core.industries import Industry
from yingji.core.models import BaseModel
from yingji.enterprises.choices import RiskGrade
from yingji.regions.scoping import ScopedQuerySet, ScopeFields


class EnforcementPlan(BaseModel):
    """One bureau's plan for one year: how many enterprises of each risk grade and industry it
    will inspect. Progress is computed from the inspections recorded, never stored."""

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, db_column="region_code")
    year = models.PositiveSmallIntegerField(_("year"))
    starts_on = models.DateField(_("starts on"))  # 1 January of the year, for statistics
    note = models.TextField(_("note"), blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields()

    class Meta:
        ordering = ["-year", "region_id"]
        verbose_name = _("enforcement plan")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="enforcement_plan_one_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.organisation}"


class PlanRow(models.Model):
    """Planned count of enterprises (and inspections per enterprise a year) for a grade × industry."""

    plan = models.ForeignKey(EnforcementPlan, on_delete=models.CASCADE, related_name="rows")
    risk_grade = models.CharField(_("risk grade"), max_length=16, choices=RiskGrade.choices)
    industry = models.CharField(_("industry"), max_length=32, choices=Industry.choices)
    planned = models.PositiveIntegerField(_("enterprises planned"))
    frequency = models.PositiveSmallIntegerField(_("inspections per enterprise a year"), default=1)

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="plan__region__code", industry="industry")

    class Meta:
        ordering = ["plan", "risk_grade", "industry"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "risk_grade", "industry"], name="plan_row_unique")
        ]

    def __str__(self) -> str:
        return f"{self.risk_grade} {self.industry}: {self.planned}"


class RandomDraw(BaseModel):
    """双随机: enterprises and officers drawn with a recorded seed; the same seed over the
    same registry draws the same lists."""

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, db_column="region_code")
    industry = models.CharField(_("industry"), max_length=32, choices=Industry.choices, blank=True)
    risk_grade = models.CharField(_("risk grade"), max_length=16, choices=RiskGrade.choices, blank=True)
    seed = models.BigIntegerField(_("seed"))
    drawn_on = models.DateField(_("drawn on"), db_index=True)
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    candidates = models.PositiveIntegerField(_("candidates"))
    enterprise_count = models.PositiveIntegerField(_("enterprises drawn"))
    enterprise_ids = models.JSONField(_("enterprises"), default=list)
    officer_ids = models.JSONField(_("officers"), default=list)

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields()

    class Meta:
        ordering = ["-drawn_on", "-id"]
        verbose_name = _("random draw")

    def __str__(self) -> str:
        return f"{self.drawn_on} {self.region_id}"
