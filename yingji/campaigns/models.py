"""专项整治行动: a campaign with its window, participants and reporting cycle, the dispatch form's
fields (most bound to an indicator of the stats catalog), and each participant's submission for
each period with the product's own figures kept beside what was reported."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from yingji.campaigns.choices import Cycle, FieldKind
from yingji.core.models import BaseModel
from yingji.regions.scoping import Jurisdiction, ScopedQuerySet, ScopeFields

USER = settings.AUTH_USER_MODEL


class CampaignQuerySet(ScopedQuerySet):
    def for_user(self, user, *, within: str | None = None) -> "CampaignQuerySet":
        """Campaigns inside the jurisdiction, and those the user's organisation takes part in
        (a street in the district's campaign)."""
        inside = super().for_user(user, within=within)
        org = getattr(user, "organisation_id", None)
        if not org or within or Jurisdiction.of(user).enterprise_id is not None:
            return inside
        return self.filter(Q(pk__in=inside.values("pk")) | Q(participants=org)).distinct()


class Campaign(BaseModel):
    name = models.CharField(_("name"), max_length=100)
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, db_column="region_code", verbose_name=_("region"))  # fmt: skip
    lead = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("lead organisation"))  # fmt: skip
    participants = models.ManyToManyField("accounts.Organisation", related_name="campaigns", verbose_name=_("participants"))  # fmt: skip
    industry = models.CharField(_("industry"), max_length=32, blank=True)  # empty: every industry
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    cycle = models.CharField(_("reporting cycle"), max_length=8, choices=Cycle.choices)
    due_weekday = models.PositiveSmallIntegerField(_("due weekday"), default=4)  # weekly: 0 Monday … 6 Sunday
    due_hour = models.PositiveSmallIntegerField(_("due hour"), default=16)
    description = models.TextField(_("description"), blank=True)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    # The records recorded in the campaign (campaigns.tagging): chosen on entry or covering them.
    inspections = models.ManyToManyField("inspections.Inspection", related_name="campaigns", blank=True)
    hazards = models.ManyToManyField("hazards.Hazard", related_name="campaigns", blank=True)
    cases = models.ManyToManyField("enforcement.Case", related_name="campaigns", blank=True)

    objects = CampaignQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("campaign")

    def __str__(self) -> str:
        return self.name


class FormField(models.Model):
    """One figure or text of the dispatch form (调度表), bound to an indicator to pre-fill it."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="fields")
    position = models.PositiveSmallIntegerField()
    key = models.SlugField(max_length=40)
    label = models.CharField(_("label"), max_length=60)
    unit = models.CharField(_("unit"), max_length=10, blank=True)
    kind = models.CharField(_("kind"), max_length=8, choices=FieldKind.choices, default=FieldKind.NUMBER)
    indicator = models.CharField(_("indicator"), max_length=64, blank=True)  # a stats catalog key

    class Meta:
        ordering = ["campaign", "position"]
        constraints = [models.UniqueConstraint(fields=["campaign", "key"], name="campaign_field_key_unique")]

    def __str__(self) -> str:
        return self.label


class Submission(BaseModel):
    """One participant's form for one period: what it reported, and what the product held."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="submissions")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    values = models.JSONField(_("values"), default=dict)
    prefilled = models.JSONField(_("the product's figures"), default=dict)
    submitted_at = models.DateTimeField(_("submitted at"))
    submitted_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    late = models.BooleanField(_("late"), default=False)

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="organisation__region__code")

    class Meta:
        ordering = ["campaign", "period_start", "organisation_id"]
        verbose_name = _("dispatch form submission")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "organisation", "period_start"], name="submission_once_per_period")
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.campaign} {self.period_start}"

    @property
    def audit_region_code(self) -> str:
        return self.campaign.region_id
