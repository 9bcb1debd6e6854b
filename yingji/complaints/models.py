"""投诉举报: one complaint record is one batch (批次); `items` counts the separate matters (件) it
raises. The reporter's name and phone are stored encrypted and never leave the bureau's
complaint handlers (permissions.py)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yingji.accounts.choices import Role
from yingji.complaints.choices import Channel, NotifiedHow, Status, Verification
from yingji.core.crypto import EncryptedTextField
from yingji.core.models import BaseModel
from yingji.regions.scoping import PREFIX_AND_DATE, ScopedQuerySet, ScopeFields

# Roles that see only the complaints assigned to their own organisation.
UNIT_ROLES = (Role.DEPARTMENT, Role.STREET)


class ComplaintQuerySet(ScopedQuerySet):
    def for_user(self, user, *, within: str | None = None):
        """The region's complaints for the bureau's users; a department or street sees only
        those assigned to it; an enterprise none (ScopeFields has no enterprise path)."""
        qs = super().for_user(user, within=within)
        if getattr(user, "role", None) in UNIT_ROLES:
            qs = qs.filter(handling_unit_id=user.organisation_id)
        return qs

    def overdue(self, today=None):
        """Assigned and not verified by the deadline."""
        return self.filter(status=Status.ASSIGNED, deadline__lt=today or timezone.localdate())


class Complaint(BaseModel):
    receipt = models.CharField(_("receipt number"), max_length=12, unique=True)
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    transferred_from = models.CharField(_("transferred by"), max_length=100, blank=True)
    received_on = models.DateField(_("received on"), db_index=True)
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, db_column="region_code")
    place = models.CharField(_("place reported"), max_length=200, blank=True)
    enterprise = models.ForeignKey(
        "enterprises.Enterprise", on_delete=models.PROTECT, null=True, blank=True, related_name="complaints"
    )
    enterprise_name = models.CharField(_("enterprise or place named"), max_length=200, blank=True)
    content = models.TextField(_("content"))
    items = models.PositiveSmallIntegerField(_("items (matters raised)"), default=1)
    anonymous = models.BooleanField(_("anonymous"), default=False)
    reporter_name = EncryptedTextField(_("reporter's name"), blank=True)
    reporter_phone = EncryptedTextField(_("reporter's phone"), blank=True)

    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.RECEIVED)
    handling_unit = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    assigned_on = models.DateField(_("assigned on"), null=True, blank=True)
    deadline = models.DateField(_("verification deadline"), null=True, blank=True)
    verification = models.CharField(
        _("verification"), max_length=16, choices=Verification.choices, blank=True
    )
    result = models.TextField(_("result"), blank=True)
    verified_on = models.DateField(_("verified on"), null=True, blank=True)
    closed_on = models.DateField(_("concluded on"), null=True, blank=True)
    inspection = models.ForeignKey(
        "inspections.Inspection", on_delete=models.PROTECT, null=True, blank=True, related_name="complaints"
    )
    hazard = models.ForeignKey(
        "hazards.Hazard", on_delete=models.PROTECT, null=True, blank=True, related_name="complaints"
    )
    case_id = models.PositiveBigIntegerField(_("enforcement case"), null=True, blank=True)
    reward_amount = models.DecimalField(
        _("reward (yuan)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    reward_decided_on = models.DateField(_("reward decided on"), null=True, blank=True)
    reward_paid_on = models.DateField(_("reward paid on"), null=True, blank=True)
    reporter_notified_on = models.DateField(_("reporter told on"), null=True, blank=True)
    reporter_notified_how = models.CharField(
        _("reporter told how"), max_length=16, choices=NotifiedHow.choices, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = ComplaintQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        indexes = [
            models.Index(
                fields=["region", "received_on"], opclasses=PREFIX_AND_DATE, name="complaint_region_day"
            ),
            models.Index(fields=["status", "deadline"]),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(items__gte=1), name="complaint_items_at_least_one"),
            models.CheckConstraint(
                condition=Q(reward_amount__isnull=True) | Q(reward_amount__gt=0),
                name="complaint_reward_positive",
            ),
        ]

    def __str__(self) -> str:  # never the reporter: this is what the audit log names
        return f"{self.receipt} {self.received_on}"

    @property
    def overdue(self) -> bool:
        return bool(self.status == Status.ASSIGNED and self.deadline and self.deadline < timezone.localdate())


class ComplaintEvent(models.Model):
    """The complaint's timeline: each action, who took it and when."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=32)
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.complaint_id} {self.action}"


class ComplaintAttachment(models.Model):
    """A photo or PDF the reporter sent with the public form, checked by its content."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="complaints/")
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.original_name


class Captcha(models.Model):
    """A CAPTCHA challenge of the public form: its answer is kept here, server-side, and shown
    only as a picture; used once."""

    key = models.CharField(max_length=32, unique=True)
    answer = models.CharField(max_length=8)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return self.key  # never the answer


class PublicHit(models.Model):
    """A complaint accepted from a client address without a login (the rate limit counts them)."""

    address = models.CharField(max_length=45)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["address", "at"])]

    def __str__(self) -> str:
        return f"{self.address} {self.at}"
