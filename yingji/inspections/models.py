from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from yingji.core.industries import Industry
from yingji.core.models import BaseModel
from yingji.inspections.choices import InspectionType
from yingji.regions.scoping import ScopedQuerySet, ScopeFields


class Inspection(BaseModel):
    """检查: one visit to one enterprise. Region and industry are copied from the enterprise
    at creation, so statistics never join back to it."""

    enterprise = models.ForeignKey("enterprises.Enterprise", on_delete=models.PROTECT, related_name="inspections")
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, db_column="region_code")
    industry = models.CharField(_("industry"), max_length=32, choices=Industry.choices)
    inspected_on = models.DateField(_("inspection date"), db_index=True)
    type = models.CharField(_("inspection type"), max_length=16, choices=InspectionType.choices)
    inspectors = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="inspections", blank=True)
    inspector_count = models.PositiveSmallIntegerField(
        _("inspectors"), default=1, help_text=_("person-times = inspectors × inspections")
    )
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(industry="industry", enterprise="enterprise_id")

    class Meta:
        ordering = ["-inspected_on", "-id"]
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        indexes = [models.Index(fields=["region", "inspected_on"]), models.Index(fields=["enterprise", "inspected_on"])]
        constraints = [models.CheckConstraint(condition=models.Q(inspector_count__gte=1), name="inspection_has_inspectors")]

    def __str__(self) -> str:
        return f"{self.inspected_on} {self.enterprise}"
