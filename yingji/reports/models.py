from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class NarrativeText(models.Model):
    """An organisation's wording for one part of a report, overriding the default; with no
    organisation, the administrator's default for everyone. In the placeholder language of
    reports.wording: numbers are filled in from the stats catalog."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    key = models.CharField(_("part"), max_length=64)
    text = models.TextField(_("text"))
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("report wording")
        verbose_name_plural = _("report wording")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "key"],
                condition=Q(organisation__isnull=False),
                name="narrative_text_one_per_organisation_and_part",
            ),
            models.UniqueConstraint(
                fields=["key"],
                condition=Q(organisation__isnull=True),
                name="narrative_text_one_default_per_part",
            ),
        ]

    def __str__(self) -> str:
        return self.key

    @property
    def audit_region_code(self) -> str:
        # An organisation's wording is audited in its region, so its own bureau sees the trail.
        return self.organisation.region_id if self.organisation_id else ""


from yingji.reports.draft_models import ReportDraft, ReportDraftVersion  # noqa: E402, F401
