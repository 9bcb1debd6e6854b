"""通报: notices the committee office issues — a ranking notice from an assessment, a campaign
progress notice from its roll-up — numbered per issuing region and year without gaps (芙安委办
通〔2026〕3号), kept as issued, and laid out as DOCX like the reports (GB/T 9704)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from yingji.core.models import BaseModel
from yingji.regions.scoping import ScopedQuerySet, ScopeFields


class NoticeKind(models.TextChoices):
    RANKING = "ranking", _("Assessment ranking notice")
    CAMPAIGN = "campaign", _("Campaign progress notice")
    ACCIDENT = "accident", _("Accident notice")
    OTHER = "other", _("Other notice")


class Notice(BaseModel):
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, db_column="region_code")
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveIntegerField(_("number"))  # the year's sequence, 1, 2, 3 … without gaps
    prefix = models.CharField(_("document number prefix"), max_length=20)  # 芙安委办通
    kind = models.CharField(_("kind of notice"), max_length=10, choices=NoticeKind.choices)
    title = models.CharField(_("title"), max_length=200)
    paragraphs = models.JSONField(default=list)
    signature = models.CharField(_("issued by"), max_length=100)
    issued_on = models.DateField(_("issued on"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["-year", "-number"]
        verbose_name = _("notice")
        constraints = [
            models.UniqueConstraint(fields=["region", "year", "number"], name="notice_number_once")
        ]

    def __str__(self) -> str:
        return self.document_number

    @property
    def document_number(self) -> str:
        return f"{self.prefix}〔{self.year}〕{self.number}号"
