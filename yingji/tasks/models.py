"""责任清单 and 任务清单 of the committee's member units: each unit's duty items with their legal
or policy basis, and tasks — the year's key tasks, and those a meeting's decision or an
interview's commitment creates — with an owner, a deadline and progress updates."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from yingji.core.attachments import Attachment
from yingji.core.models import BaseModel
from yingji.regions.scoping import ScopedQuerySet, ScopeFields

USER = settings.AUTH_USER_MODEL


class TaskSource(models.TextChoices):
    ANNUAL = "annual", _("Annual key task")  # 年度重点任务
    MEETING = "meeting", _("Meeting decision")  # 会议议定事项
    INTERVIEW = "interview", _("Interview commitment")  # 约谈整改承诺
    OTHER = "other", _("Other")


class DutyItem(BaseModel):
    """职责清单: one duty of a member unit, with what it rests on."""

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"))  # fmt: skip
    position = models.PositiveIntegerField(default=0)
    content = models.TextField(_("duty"))
    basis = models.CharField(_("basis"), max_length=300, blank=True)  # 《安全生产法》第十条…

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="organisation__region__code")

    class Meta:
        ordering = ["organisation_id", "position", "id"]
        verbose_name = _("duty item")

    def __str__(self) -> str:
        return self.content[:40]

    @property
    def audit_region_code(self) -> str:
        return self.organisation.region_id


class Task(BaseModel):
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("owner"))  # fmt: skip
    title = models.CharField(_("task"), max_length=200)
    detail = models.TextField(_("detail"), blank=True)
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    due_on = models.DateField(_("task deadline"))
    source = models.CharField(
        _("task source"), max_length=10, choices=TaskSource.choices, default=TaskSource.ANNUAL
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    objects = ScopedQuerySet.as_manager()
    scope_fields = ScopeFields(region="organisation__region__code")

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("task")

    def __str__(self) -> str:
        return self.title

    @property
    def audit_region_code(self) -> str:
        return self.organisation.region_id


class TaskUpdate(Attachment):
    """A progress report on a task, with its evidence file if any; the last may say it is done."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="updates")
    at = models.DateTimeField(_("at"))
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    progress = models.TextField(_("progress"))
    done = models.BooleanField(_("marks it done"), default=False)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return self.progress[:40]
