"""Responsibility and task lists: the office records duty items and tasks for member units (by
hand, by import, or from a meeting's decision); a unit reports progress, the last report saying
when it is done. Called by the API, the pages, the import and the meetings module alike."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.audit.services import audit_action, audit_created, snapshot
from yingji.core import attachments
from yingji.core.errors import Conflict
from yingji.core.inputs import Errors, choice, day, text, unit_in
from yingji.tasks import permissions
from yingji.tasks.models import DutyItem, Task, TaskSource, TaskUpdate


def check_duty_item(errors: Errors, actor, *, organisation, content, basis="") -> DutyItem:
    return DutyItem(
        organisation=unit_in(errors, actor, organisation),
        content=text(errors, "content", content, required=True, max_length=2000),
        basis=text(errors, "basis", basis, max_length=300),
    )


@transaction.atomic
def duty_item_create(*, actor, organisation, content, basis="") -> DutyItem:
    permissions.require(permissions.can_keep(actor))
    errors = Errors()
    item = check_duty_item(errors, actor, organisation=organisation, content=content, basis=basis)
    errors.raise_if_any()
    item.position = DutyItem.objects.filter(organisation=item.organisation).count() + 1
    item.save()
    audit_created(actor=actor, obj=item)
    return item


def check_task(
    errors: Errors, actor, *, organisation, title, due_on, detail="", source=TaskSource.ANNUAL
) -> Task:
    task = Task(
        organisation=unit_in(errors, actor, organisation), title=text(errors, "title", title, required=True, max_length=200),
        detail=text(errors, "detail", detail, max_length=5000), due_on=day(errors, "due_on", due_on),
        source=choice(errors, "source", source, TaskSource), created_by=actor,
    )  # fmt: skip
    task.year = task.due_on.year if task.due_on else 0
    return task


@transaction.atomic
def task_create(*, actor, organisation, title, due_on, detail="", source=TaskSource.ANNUAL) -> Task:
    permissions.require(permissions.can_keep(actor))
    errors = Errors()
    task = check_task(errors, actor, organisation=organisation, title=title, due_on=due_on, detail=detail, source=source)  # fmt: skip
    errors.raise_if_any()
    task.save()
    audit_created(actor=actor, obj=task)
    return task


@transaction.atomic
def task_report(*, actor, task, progress, done=False, evidence=None) -> Task:
    """A progress update by the owner unit (or the office), with an evidence file (a photo or
    PDF) if given; `done` closes the task today."""
    permissions.require(permissions.can_report(actor, task))
    task = Task.objects.select_for_update().get(pk=task.pk)
    errors = Errors()
    progress = text(errors, "progress", progress, required=True, max_length=5000)
    checked = attachments.check(errors, "evidence", evidence)
    errors.raise_if_any()
    if task.done_on:
        raise Conflict(_("The task is done already."))
    before = snapshot(task)
    update = TaskUpdate(task=task, at=timezone.now(), by=actor, progress=progress, done=bool(done))
    attachments.attach(update, checked)
    update.save()
    if done:
        task.done_on = timezone.localdate()
        task.save()
    audit_action(actor=actor, obj=task, action="task.done" if done else "task.progress", before=before, extra={"progress": progress, "evidence_sha256": update.file_sha256})  # fmt: skip
    return task


def overdue(qs, today: datetime.date | None = None):
    return qs.filter(done_on__isnull=True, due_on__lt=today or timezone.localdate())
