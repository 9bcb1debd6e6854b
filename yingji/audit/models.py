from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yingji.regions.scoping import ScopedQuerySet, ScopeFields


class AuditLogIsAppendOnly(Exception):
    pass


class AuditEntry(models.Model):
    """One change: who, when, from where, to what, and the values before and after.
    Append-only: the model refuses updates and deletes, and so does a database trigger."""

    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor_username = models.CharField(_("user"), max_length=150, blank=True)
    ip = models.GenericIPAddressField(_("client IP"), null=True, blank=True)
    action = models.CharField(_("action"), max_length=64, db_index=True)
    object_type = models.CharField(_("object type"), max_length=64, db_index=True)
    object_id = models.CharField(_("object ID"), max_length=64, db_index=True)
    object_repr = models.CharField(_("object"), max_length=200)
    region_code = models.CharField(_("region code"), max_length=12, blank=True, db_index=True)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    # SHA-256 link to the entry before it (yingji.audit.chain); null only before the chain existed.
    # Nullable so SQLite adds the column in place: a table rebuild would drop the append-only trigger.
    chain = models.CharField(_("chain"), max_length=64, null=True, blank=True, editable=False)  # noqa: DJ001

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region_code")

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [models.Index(fields=["object_type", "object_id", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_username} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AuditLogIsAppendOnly("An audit entry cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogIsAppendOnly("An audit entry cannot be deleted.")

    def changed_fields(self) -> list[tuple[str, object, object]]:
        before, after = self.before or {}, self.after or {}
        keys = sorted(set(before) | set(after))
        return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]
