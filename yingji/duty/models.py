"""The duty roster (值班表): shifts with the leader on duty (领导带班) and one or two officers,
swaps; the duty log (值班日志) of what was received, reported, relayed and followed up; and the
hand-over between shifts with the items still open."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from yingji.core.models import BaseModel
from yingji.duty.choices import EntryKind, SwapPosition
from yingji.regions.scoping import ScopedQuerySet, ScopeFields

USER = settings.AUTH_USER_MODEL


def _region(**kwargs):
    return models.ForeignKey("regions.Region", on_delete=models.PROTECT, db_column="region_code", **kwargs)


class Shift(BaseModel):
    """One shift of the roster: from `starts_at` to `ends_at`, a leader on duty and officers."""

    region = _region(verbose_name=_("region"))
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    leader = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("leader on duty")
    )
    officers = models.ManyToManyField(USER, related_name="duty_shifts", verbose_name=_("duty officers"))
    strengthened = models.BooleanField(_("strengthened duty"), default=False)  # 节假日、汛期加强值守
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("shift")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="shift_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.region_id} {self.starts_at:%Y-%m-%d %H:%M}"


class Swap(BaseModel):
    """换班: who stood in for whom on a shift, and why."""

    shift = models.ForeignKey(Shift, on_delete=models.CASCADE, related_name="swaps")
    position = models.CharField(_("position"), max_length=8, choices=SwapPosition.choices)
    out_user = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("stood down")
    )
    in_user = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("stood in"))
    reason = models.CharField(_("reason"), max_length=200)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="shift__region__code")

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("swap")

    def __str__(self) -> str:
        return f"{self.shift} {self.out_user} → {self.in_user}"

    @property
    def audit_region_code(self) -> str:
        return self.shift.region_id


class LogEntry(BaseModel):
    """One line of the duty log; an open one (待跟进) is handed over until it is closed."""

    region = _region(verbose_name=_("region"))
    shift = models.ForeignKey(Shift, on_delete=models.SET_NULL, null=True, blank=True, related_name="entries")
    at = models.DateTimeField(_("time"), db_index=True)
    kind = models.CharField(_("kind"), max_length=10, choices=EntryKind.choices)
    counterpart = models.CharField(_("from / to"), max_length=100, blank=True)  # caller, unit reported to
    content = models.TextField(_("content"))
    event = models.ForeignKey(
        "emergency.Event", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    warning = models.ForeignKey(
        "warnings.EarlyWarning", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    open = models.BooleanField(_("to follow up"), default=False)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closing_note = models.CharField(_("how it ended"), max_length=500, blank=True)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("duty log entry")
        indexes = [models.Index(fields=["region", "open"], name="duty_log_open")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_kind_display()}"


class Handover(BaseModel):
    """交接班: the outgoing shift hands over with notes and the open items, the next accepts."""

    shift = models.OneToOneField(Shift, on_delete=models.CASCADE, related_name="handover")
    at = models.DateTimeField(_("handed over at"))
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    notes = models.TextField(_("notes"), blank=True)
    open_items = models.ManyToManyField(LogEntry, blank=True, related_name="+")
    accepted_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="shift__region__code")

    class Meta:
        verbose_name = _("hand-over")

    def __str__(self) -> str:
        return f"{self.shift}"

    @property
    def audit_region_code(self) -> str:
        return self.shift.region_id
