from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yingji.core.industries import Industry
from yingji.core.models import BaseModel
from yingji.inspections.choices import InspectionType, Outcome
from yingji.regions.scoping import PREFIX_AND_DATE, ScopedQuerySet, ScopeFields


class ChecklistTemplate(BaseModel):
    """检查表: the items to check in one kind of enterprise, after its industry's
    major-hazard determination standard (DOMAIN.md §3.5). Shipped as data, see checklists/."""

    code = models.SlugField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=100)
    industries = models.JSONField(_("industries"), default=list, blank=True)
    standard = models.CharField(_("determination standard"), max_length=200, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("checklist")
        verbose_name_plural = _("checklists")

    def __str__(self) -> str:
        return self.name


class ChecklistItem(models.Model):
    """One thing to check. `text` is the requirement; `finding` how a failing item reads
    as a hazard (the standard's own words for a major-hazard criterion)."""

    template = models.ForeignKey(ChecklistTemplate, on_delete=models.CASCADE, related_name="items")
    code = models.CharField(_("code"), max_length=16)
    order = models.PositiveSmallIntegerField(_("order"))
    section = models.CharField(_("section"), max_length=50)
    text = models.TextField(_("requirement"))
    finding = models.TextField(_("finding when failed"), blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    is_major_criterion = models.BooleanField(_("major-hazard criterion"), default=False)
    major_criterion_ref = models.CharField(_("major-hazard criterion reference"), max_length=200, blank=True)
    hazard_category = models.CharField(_("suggested hazard category"), max_length=200, blank=True)
    # An item no longer shipped stays for the results that refer to it, but is not offered.
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["template", "order", "id"]
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        constraints = [
            models.UniqueConstraint(fields=["template", "code"], name="checklist_item_code_unique"),
            models.CheckConstraint(
                condition=models.Q(is_major_criterion=False) | ~models.Q(major_criterion_ref=""),
                name="checklist_major_item_has_reference",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:40]}"


class Inspection(BaseModel):
    """检查: one visit to one enterprise. Region and industry are copied from the enterprise
    at creation, so statistics never join back to it."""

    enterprise = models.ForeignKey(
        "enterprises.Enterprise", on_delete=models.PROTECT, related_name="inspections"
    )
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, db_column="region_code")
    industry = models.CharField(_("industry"), max_length=32, choices=Industry.choices)
    inspected_on = models.DateField(_("inspection date"), db_index=True)
    type = models.CharField(_("inspection type"), max_length=16, choices=InspectionType.choices)
    inspectors = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="inspections", blank=True)
    inspector_count = models.PositiveSmallIntegerField(
        _("inspectors"), default=1, help_text=_("person-times = inspectors × inspections")
    )
    notes = models.TextField(_("notes"), blank=True)
    template = models.ForeignKey(
        ChecklistTemplate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inspections",
        verbose_name=_("checklist"),
    )
    # The inspecting organisation (bureau, department, street office, the enterprise itself),
    # for "who inspected how much" in reports.
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inspections",
        verbose_name=_("inspecting organisation"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(industry="industry", enterprise="enterprise_id")

    class Meta:
        ordering = ["-inspected_on", "-id"]
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        indexes = [
            models.Index(  # covering a county's inspections, person-times and units inspected
                fields=["region", "inspected_on"],
                opclasses=PREFIX_AND_DATE,
                include=["type", "enterprise", "inspector_count"],
                name="inspection_region_day",
            ),
            models.Index(fields=["enterprise", "inspected_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(inspector_count__gte=1), name="inspection_has_inspectors"
            )
        ]

    def __str__(self) -> str:
        return f"{self.inspected_on} {self.enterprise}"


class InspectionResult(models.Model):
    """The outcome of one checklist item in one inspection, and the hazard it led to."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="results")
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="results")
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices)
    note = models.TextField(_("note"), blank=True)
    hazard = models.ForeignKey(
        "hazards.Hazard", on_delete=models.SET_NULL, null=True, blank=True, related_name="inspection_results"
    )

    class Meta:
        ordering = ["inspection", "item__order", "id"]
        verbose_name = _("checklist result")
        verbose_name_plural = _("checklist results")
        constraints = [
            models.UniqueConstraint(fields=["inspection", "item"], name="inspection_result_item_unique"),
            models.CheckConstraint(
                condition=models.Q(hazard__isnull=True) | models.Q(outcome=Outcome.FAIL),
                name="inspection_result_hazard_only_when_failed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.inspection_id} {self.item_id} {self.outcome}"


def photo_path(instance: "InspectionPhoto", filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
    return f"inspections/{instance.inspection_id}/{instance.sha256}.{extension}"


class InspectionPhoto(models.Model):
    """A site photo, checked by its content (not its name) and kept with its hash."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(upload_to=photo_path)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64, db_index=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("inspection photo")
        verbose_name_plural = _("inspection photos")

    def __str__(self) -> str:
        return self.original_name

    @property
    def audit_region_code(self) -> str:
        return self.inspection.region_id


from yingji.inspections.planning_models import EnforcementPlan, PlanRow, RandomDraw  # noqa: E402,F401
from yingji.inspections.rollup_models import (  # noqa: E402,F401
    InspectedUnit,
    InspectionCityTotal,
    InspectionCountyMonth,
    InspectionCountyTotal,
    InspectionMonth,
    InspectionStreetTotal,
)
