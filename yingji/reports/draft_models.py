"""A report draft: the work summary of one region and period as the office words it. The
generated paragraphs are not stored (they are made again on every read, with fresh numbers);
the draft keeps only what the office did to them, by slot (`section/key/occurrence`): its own
text of a paragraph (numbers still `{{ name }}`), the paragraphs it removed and those it added.
定稿 (finalise) stores the report as it then read, values and links included, for good."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from yingji.regions.scoping import ScopedQuerySet, ScopeFields


class ReportDraft(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        FINAL = "final", _("Finalised")

    region = models.ForeignKey(
        "regions.Region",
        on_delete=models.PROTECT,
        db_column="region_code",
        related_name="+",
        verbose_name=_("region"),
    )
    year = models.PositiveIntegerField(_("year"), null=True, blank=True)
    period = models.CharField(_("period"), max_length=8, blank=True)
    start = models.DateField(_("from"), null=True, blank=True)  # a date window instead of a period
    end = models.DateField(_("to"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=200)
    period_label = models.CharField(_("period label"), max_length=60)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.DRAFT)
    # slot -> {"text": office's wording, "values": the paragraph's values when it was saved}
    edits = models.JSONField(_("edited paragraphs"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    removed = models.JSONField(_("removed paragraphs"), default=list, blank=True)
    # [{"slot": "own/3", "section": 1, "after": slot or null, "text": …}]
    added = models.JSONField(_("added paragraphs"), default=list, blank=True)
    frozen = models.JSONField(_("finalised report"), null=True, blank=True, encoder=DjangoJSONEncoder)
    as_of = models.DateTimeField(_("numbers as of"), null=True, blank=True)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    pdf_path = models.CharField(_("PDF file"), max_length=255, blank=True)
    pdf_digest = models.CharField(_("PDF made from"), max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("report draft")
        verbose_name_plural = _("report drafts")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(year__isnull=False) & ~models.Q(period=""))
                | (models.Q(start__isnull=False) & models.Q(end__isnull=False)),
                name="report_draft_period_or_window",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def final(self) -> bool:
        return self.status == self.Status.FINAL


class ReportDraftVersion(models.Model):
    """One save of a draft: who, when, and each changed paragraph's text before and after
    (None where the paragraph did not exist, or no longer does)."""

    draft = models.ForeignKey(ReportDraft, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    action = models.CharField(_("action"), max_length=16)  # create, edit, finalise
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    changes = models.JSONField(_("changes"), default=list, blank=True)

    class Meta:
        ordering = ["draft", "-number"]
        verbose_name = _("report draft version")
        verbose_name_plural = _("report draft versions")
        constraints = [
            models.UniqueConstraint(fields=["draft", "number"], name="report_draft_version_once"),
        ]

    def __str__(self) -> str:
        return f"{self.draft_id} v{self.number}"
