"""The committee's meetings (安委会全体会议, 专题会, 调度会) with their minutes and the decisions
that become tracked tasks, and interviews (约谈) of a unit, a street or an enterprise with the
commitments made."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from yingji.core.models import BaseModel
from yingji.regions.scoping import ScopedQuerySet, ScopeFields

USER = settings.AUTH_USER_MODEL


class MeetingKind(models.TextChoices):
    PLENARY = "plenary", _("Committee plenary meeting")  # 安委会全体会议
    TOPICAL = "topical", _("Topical meeting")  # 专题会议
    DISPATCH = "dispatch", _("Dispatch meeting")  # 调度会议
    OFFICE = "office", _("Committee office meeting")  # 安委办会议


class InterviewReason(models.TextChoices):
    ACCIDENT = "accident", _("After an accident")
    HAZARDS = "hazards", _("Repeated or major hazards")
    WORK = "work", _("Work not done")
    OTHER = "other", _("Other")


class Meeting(BaseModel):
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, db_column="region_code", verbose_name=_("region"))  # fmt: skip
    kind = models.CharField(_("kind of meeting"), max_length=10, choices=MeetingKind.choices)
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("held on"), db_index=True)
    chair = models.CharField(_("chair"), max_length=50)
    attendees = models.TextField(_("attendees"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)  # 纪要
    decisions = models.ManyToManyField("tasks.Task", blank=True, related_name="+")
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("meeting")

    def __str__(self) -> str:
        return self.title


class Interview(BaseModel):
    """约谈: of a member unit or street (organisation) or of an enterprise."""

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, db_column="region_code", verbose_name=_("region"))  # fmt: skip
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+")  # fmt: skip
    enterprise = models.ForeignKey("enterprises.Enterprise", on_delete=models.PROTECT, null=True, blank=True, related_name="+")  # fmt: skip
    reason = models.CharField(_("reason"), max_length=10, choices=InterviewReason.choices)
    held_on = models.DateField(_("held on"), db_index=True)
    by_whom = models.CharField(_("interviewed by"), max_length=100)
    attendees = models.TextField(_("attendees"), blank=True)
    detail = models.TextField(_("what was said"), blank=True)
    commitments = models.ManyToManyField("tasks.Task", blank=True, related_name="+")
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="region__code")

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("interview")

    def __str__(self) -> str:
        return str(self.organisation or self.enterprise)
