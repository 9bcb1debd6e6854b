"""The contacts register of responsible persons, warnings with their history of levels, and
each warning's recipients with their 叫应 (acknowledgement) and escalation."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from yingji.core.models import BaseModel
from yingji.enterprises.models import PHONE
from yingji.regions.scoping import Jurisdiction, ScopedQuerySet, ScopeFields
from yingji.warnings.choices import AckChannel, ChangeKind, Level, Source, Status, WarningType

USER = settings.AUTH_USER_MODEL


class ContactRole(models.TextChoices):
    """The responsible persons a warning reaches (DOMAIN.md §6): one register for the warnings,
    the 叫应 calls and preparedness's disaster information officers (灾害信息员)."""

    FLOOD_CHIEF = "flood_chief", _("Flood-control responsible person")  # 防汛责任人
    GRID = "grid", _("Grid worker")  # 网格员
    INFO_OFFICER = "info_officer", _("Disaster information officer")  # 灾害信息员
    LEADER = "leader", _("Responsible leader")  # 包保责任人 / 分管领导
    OTHER = "other", _("Other responsible person")


class Slot(models.TextChoices):
    """A and B roles (A、B角): the B stands in when the A cannot be reached."""

    A = "A", _("A role")
    B = "B", _("B role")


class Contact(BaseModel):
    """A responsible person of a region in the contacts register (责任人通讯录)."""

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, db_column="region_code")
    name = models.CharField(_("name"), max_length=50)
    phone = models.CharField(_("phone"), max_length=20, validators=[PHONE])
    role = models.CharField(_("role"), max_length=20, choices=ContactRole.choices)
    slot = models.CharField(_("A/B role"), max_length=1, choices=Slot.choices, blank=True)
    position = models.CharField(_("position"), max_length=100, blank=True)  # 职务 / 单位
    # The account through which the person acknowledges in the product, when they have one.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Who is told when this person does not acknowledge in time (叫应 escalation).
    superior = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="subordinates"
    )
    active = models.BooleanField(_("active"), default=True)

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["region_id", "role", "slot", "name"]
        verbose_name = _("responsible person")
        verbose_name_plural = _("contacts register")
        indexes = [models.Index(fields=["region", "role"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"


class WarningQuerySet(ScopedQuerySet):
    def for_user(self, user, *, within: str | None = None) -> "WarningQuerySet":
        """Warnings issued inside the jurisdiction, and warnings whose area reaches into it or
        covers it (a street sees the district's warning for that street, or for the district)."""
        jurisdiction = Jurisdiction.of(user)
        region = jurisdiction.narrower(within) if within else jurisdiction.region
        if jurisdiction.everything and not within:
            return self.all()
        if region is None or jurisdiction.enterprise_id is not None:
            return self.none()
        ancestors = [region[:n] for n in (2, 4, 6, 9) if n < len(region)]
        areas = WarningArea.objects.filter(Q(region__code__startswith=region) | Q(region__code__in=ancestors))
        return self.filter(Q(region__code__startswith=region) | Q(pk__in=areas.values("warning_id")))


class EarlyWarning(BaseModel):
    """预警: a type and a level for an area, valid from/to, issued by a bureau's duty desk and
    disseminated to the responsible persons of every region in the area."""

    type = models.CharField(_("type"), max_length=16, choices=WarningType.choices)
    level = models.CharField(_("level"), max_length=8, choices=Level.choices)
    stage = models.CharField(_("lead-time stage"), max_length=16)  # warnings/stages.py
    region = models.ForeignKey(
        "regions.Region",
        on_delete=models.PROTECT,
        db_column="region_code",
        verbose_name=_("issued by region"),
    )
    areas = models.ManyToManyField("regions.Region", through="WarningArea", related_name="+")
    valid_from = models.DateTimeField(_("valid from"), db_index=True)
    valid_to = models.DateTimeField(_("valid to"))
    content = models.TextField(_("content"))
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.IN_FORCE)
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    issued_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    objects = WarningQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["-valid_from", "-id"]
        verbose_name = _("warning")

    def __str__(self) -> str:
        return f"{self.get_type_display()}{self.get_level_display()}"


class WarningArea(models.Model):
    warning = models.ForeignKey(EarlyWarning, on_delete=models.CASCADE, related_name="area_rows")
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, db_column="region_code")

    class Meta:
        ordering = ["region_id"]
        constraints = [models.UniqueConstraint(fields=["warning", "region"], name="warning_area_unique")]

    def __str__(self) -> str:
        return self.region_id


class WarningChange(BaseModel):
    """One step of a warning's history: issued, raised, lowered or lifted. Each but the lift is
    one 条次 of "发布预警信息X条次"."""

    warning = models.ForeignKey(EarlyWarning, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(_("kind"), max_length=8, choices=ChangeKind.choices)
    from_level = models.CharField(_("from level"), max_length=8, choices=Level.choices, blank=True)
    to_level = models.CharField(_("to level"), max_length=8, choices=Level.choices, blank=True)
    at = models.DateTimeField(_("at"), db_index=True)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    note = models.TextField(_("note"), blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="warning__region__code")

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("warning change")

    def __str__(self) -> str:
        return f"{self.warning} {self.get_kind_display()}"

    @property
    def audit_region_code(self) -> str:
        return self.warning.region_id


class Recipient(BaseModel):
    """One responsible person told of one step of a warning, and their 叫应: acknowledged in the
    product, by the link in the SMS, or by phone as the duty officer records; unacknowledged at
    `due_at`, escalated to their superior (a new recipient row, `escalated_from` this one)."""

    warning = models.ForeignKey(EarlyWarning, on_delete=models.CASCADE, related_name="recipients")
    change = models.ForeignKey(WarningChange, on_delete=models.CASCADE, related_name="recipients")
    contact = models.ForeignKey(Contact, on_delete=models.PROTECT, related_name="+")
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, db_column="region_code")
    name = models.CharField(_("name"), max_length=50)  # as they were when told
    phone = models.CharField(_("phone"), max_length=20)
    sent_at = models.DateTimeField(_("told at"), db_index=True)
    sms_sent_at = models.DateTimeField(_("SMS sent at"), null=True, blank=True)
    sms_error = models.CharField(max_length=200, blank=True)
    due_at = models.DateTimeField(_("acknowledge by"))
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    ack_channel = models.CharField(_("acknowledged"), max_length=8, choices=AckChannel.choices, blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    escalated_at = models.DateTimeField(_("escalated at"), null=True, blank=True)
    escalated_from = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="escalations"
    )

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["sent_at", "region_id", "id"]
        verbose_name = _("warning recipient")
        constraints = [
            models.UniqueConstraint(fields=["change", "contact"], name="recipient_once_per_change")
        ]
        indexes = [models.Index(fields=["acknowledged_at", "escalated_at", "due_at"], name="recipient_open")]

    def __str__(self) -> str:
        return f"{self.name} {self.warning}"

    @property
    def audit_region_code(self) -> str:
        return self.region_id
