from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ImportKind(models.TextChoices):
    HAZARDS = "hazards", _("hazard ledger")
    ENTERPRISES = "enterprises", _("enterprises")


class ImportRecord(models.Model):
    """One import that landed, written in the import's own transaction: it exists if and only
    if the import's rows do. A refused file leaves none (nothing was written)."""

    kind = models.CharField(_("kind"), max_length=20, choices=ImportKind.choices)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Duplicates are looked for within the caller's jurisdiction (services.scope).
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    region_code = models.CharField(_("region code"), max_length=12, blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now)
    rows = models.PositiveIntegerField(_("rows"))
    created = models.PositiveIntegerField(_("records created"))
    confirmed_duplicate = models.BooleanField(_("imported again on purpose"), default=False)
    idempotency_key = models.CharField(_("Idempotency-Key"), max_length=200, blank=True)
    status = models.PositiveSmallIntegerField(_("answer status"))
    response = models.JSONField(_("answer"))

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        indexes = [
            models.Index(fields=["kind", "organisation", "sha256"], name="import_file_in_organisation")
        ]
        constraints = [
            # One import per key and user: a retry racing the first request fails at commit.
            models.UniqueConstraint(
                fields=["user", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="import_idempotency_key_once_per_user",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.filename} {self.created_at:%Y-%m-%d %H:%M}"
