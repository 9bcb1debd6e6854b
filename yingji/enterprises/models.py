from django.db import models
from django.utils.translation import gettext_lazy as _

from yingji.core.industries import Industry
from yingji.core.models import BaseModel
from yingji.regions.scoping import ScopedQuerySet, ScopeFields


class EnterpriseStatus(models.TextChoices):
    OPERATING = "operating", _("Operating")
    SUSPENDED = "suspended", _("Suspended")
    CLOSED = "closed", _("Closed")


class Enterprise(BaseModel):
    """生产经营单位: a production or business unit under supervision."""

    uscc = models.CharField(_("unified social credit code"), max_length=18, unique=True)
    name = models.CharField(_("name"), max_length=200, db_index=True)
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, db_column="region_code")
    address = models.CharField(_("address"), max_length=200, blank=True)
    industry = models.CharField(_("industry"), max_length=32, choices=Industry.choices, db_index=True)
    status = models.CharField(
        _("status"), max_length=16, choices=EnterpriseStatus.choices, default=EnterpriseStatus.OPERATING
    )
    employees = models.PositiveIntegerField(_("employees"), default=0)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(industry="industry", enterprise="id")

    class Meta:
        ordering = ["region_id", "name"]
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        indexes = [models.Index(fields=["region", "industry"])]

    def __str__(self) -> str:
        return self.name
