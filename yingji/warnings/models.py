from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from yingji.core.models import BaseModel
from yingji.enterprises.models import PHONE
from yingji.regions.scoping import ScopedQuerySet, ScopeFields


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
