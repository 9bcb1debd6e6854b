"""考核: a year's scoring scheme of the committee office — items with their points, each either
computed from the records by a rule (accidents, deaths, overdue hazards and tasks, dispatch forms
missing or late, complaints past their deadline) or scored by hand with a reason — and the member
units it ranks."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from yingji.core.attachments import Attachment
from yingji.core.models import BaseModel
from yingji.regions.scoping import ScopedQuerySet, ScopeFields

USER = settings.AUTH_USER_MODEL


class Scheme(BaseModel):
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, db_column="region_code", verbose_name=_("region"))  # fmt: skip
    year = models.PositiveSmallIntegerField(_("year"))
    name = models.CharField(_("name"), max_length=100)
    units = models.ManyToManyField(
        "accounts.Organisation", related_name="+", verbose_name=_("units assessed")
    )
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["-year", "name"]
        verbose_name = _("assessment scheme")
        constraints = [models.UniqueConstraint(fields=["region", "year", "name"], name="scheme_unique_name")]

    def __str__(self) -> str:
        return self.name


class Item(models.Model):
    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    label = models.CharField(_("item"), max_length=100)
    points = models.DecimalField(_("points"), max_digits=5, decimal_places=1)
    rule = models.CharField(
        _("rule"), max_length=32, blank=True
    )  # assessments/rules.py; empty: scored by hand
    per = models.DecimalField(_("points off each"), max_digits=5, decimal_places=1, default=1)
    veto = models.BooleanField(_("one-vote veto"), default=False)  # 一票否决: any count fails the unit

    class Meta:
        ordering = ["scheme", "position"]

    def __str__(self) -> str:
        return self.label


class ManualScore(BaseModel, Attachment):
    """The office's score of a manual item for a unit, its reason and the evidence file if any."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="scores")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    points = models.DecimalField(_("points"), max_digits=5, decimal_places=1)
    reason = models.CharField(_("reason"), max_length=500)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "organisation"], name="manual_score_once")]

    def __str__(self) -> str:
        return f"{self.item} {self.points}"

    @property
    def audit_region_code(self) -> str:
        return self.item.scheme.region_id
