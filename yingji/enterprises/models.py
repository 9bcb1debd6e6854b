from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from yingji.core.industries import Industry
from yingji.core.models import BaseModel
from yingji.enterprises.choices import (
    RISK_COLOURS,
    EnterpriseStatus,
    MajorHazardGrade,
    RiskGrade,
    Scale,
    StandardisationGrade,
)
from yingji.regions.scoping import ScopedQuerySet, ScopeFields

__all__ = ["Enterprise", "EnterpriseStatus"]

# GB/T 4754-2017: a section letter, optionally followed by a 2-digit division, 3-digit group or 4-digit class.
GBT4754 = RegexValidator(
    r"^[A-T]([0-9]{2}([0-9]{1,2})?)?$", _("Enter a GB/T 4754 code such as C3311 or F52.")
)
PHONE = RegexValidator(
    r"^\+?[0-9][0-9 ()-]{5,18}[0-9]$", _("Enter a phone number such as 0731-84123456 or 13812345678.")
)


class Enterprise(BaseModel):
    """生产经营单位: a production or business unit under supervision."""

    uscc = models.CharField(_("unified social credit code"), max_length=18, unique=True)
    name = models.CharField(_("name"), max_length=200, db_index=True)
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, db_column="region_code")
    address = models.CharField(_("address"), max_length=200, blank=True)
    industry = models.CharField(_("industry"), max_length=32, choices=Industry.choices, db_index=True)
    gbt4754_code = models.CharField(
        _("GB/T 4754 industry code"), max_length=5, blank=True, validators=[GBT4754]
    )
    scale = models.CharField(_("scale"), max_length=8, choices=Scale.choices, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=EnterpriseStatus.choices, default=EnterpriseStatus.OPERATING
    )
    employees = models.PositiveIntegerField(_("employees"), default=0)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    risk_grade = models.CharField(
        _("risk grade"), max_length=16, choices=RiskGrade.choices, blank=True, db_index=True
    )
    # SET_NULL, not PROTECT: organisations are never deleted in the product, and a test or an
    # administrator clearing a district must not be blocked by the registry.
    supervising_department = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supervised_enterprises",
        limit_choices_to={"kind": "department"},
        verbose_name=_("supervising department"),
    )
    legal_representative = models.CharField(_("legal representative"), max_length=50, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[PHONE])
    safety_manager = models.CharField(_("safety manager"), max_length=50, blank=True)
    safety_manager_phone = models.CharField(
        _("safety manager's phone"), max_length=20, blank=True, validators=[PHONE]
    )
    is_major_hazard_source = models.BooleanField(_("major hazard source"), default=False)
    major_hazard_source_grade = models.PositiveSmallIntegerField(
        _("major hazard source grade"), choices=MajorHazardGrade.choices, null=True, blank=True
    )
    dust_explosion = models.BooleanField(_("dust explosion hazard"), default=False)
    ammonia_refrigeration = models.BooleanField(_("ammonia refrigeration"), default=False)
    confined_space = models.BooleanField(_("confined space work"), default=False)
    safety_director_appointed = models.BooleanField(_("safety director appointed"), default=False)
    standardisation_grade = models.CharField(
        _("safety standardisation grade"),
        max_length=8,
        choices=StandardisationGrade.choices,
        default=StandardisationGrade.NONE,
    )
    liability_insurance = models.BooleanField(_("work-safety liability insurance"), default=False)

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(industry="industry", enterprise="id")

    class Meta:
        ordering = ["region_id", "name"]
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        indexes = [
            models.Index(  # covering the registry's counts of a report (a county's are scattered on disk)
                fields=["region", "industry"],
                opclasses=["varchar_pattern_ops", "varchar_ops"],
                include=["id", "status", "is_major_hazard_source", "dust_explosion", "ammonia_refrigeration", "confined_space"],  # fmt: skip
                name="enterprise_region_covering",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_major_hazard_source=True) | Q(major_hazard_source_grade__isnull=True),
                name="enterprise_hazard_grade_only_for_major_hazard_source",
            ),
            models.CheckConstraint(
                condition=Q(major_hazard_source_grade__isnull=True)
                | Q(major_hazard_source_grade__gte=1, major_hazard_source_grade__lte=4),
                name="enterprise_hazard_grade_1_to_4",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="enterprise_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="enterprise_longitude_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def risk_colour(self) -> str:
        """red / orange / yellow / blue, or "" when not graded (CSS classes use it)."""
        return RISK_COLOURS.get(self.risk_grade, "")


from yingji.enterprises.tally_models import EnterpriseCountyTally, EnterpriseTally  # noqa: E402,F401 (tally.py keeps them)
