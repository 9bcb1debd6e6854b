from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NarrativeText(models.Model):
    """An administrator's wording for one part of a report, overriding the shipped default.
    It is a Django template: numbers are filled in from the stats catalog."""

    key = models.CharField(_("part"), max_length=64, unique=True)
    text = models.TextField(_("text"))
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("report wording")
        verbose_name_plural = _("report wording")

    def __str__(self) -> str:
        return self.key
