"""The task to-do kinds: a member unit's own tasks due within a month or overdue; for the office,
every unit's overdue tasks."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yingji.accounts.choices import Role
from yingji.notifications.todo import TodoItem, TodoKind, register
from yingji.tasks.models import Task
from yingji.tasks.services import overdue

SOON = datetime.timedelta(days=30)


def own_tasks(user):
    if user.role not in (Role.DEPARTMENT, Role.STREET) or not user.organisation_id:
        return []
    due = Task.objects.filter(organisation_id=user.organisation_id, done_on__isnull=True, due_on__lte=timezone.localdate() + SOON)  # fmt: skip
    return [TodoItem("task_due", _("Task: %(title)s") % {"title": t.title}, t.pk, t.due_on, f"/tasks/{t.pk}/") for t in due[:50]]  # fmt: skip


def overdue_tasks(user):
    if user.role != Role.BUREAU:
        return []
    late = overdue(Task.objects.for_user(user)).select_related("organisation")
    return [TodoItem("task_overdue", _("Overdue: %(unit)s, %(title)s") % {"unit": t.organisation.name, "title": t.title}, t.pk, t.due_on, f"/tasks/{t.pk}/") for t in late[:50]]  # fmt: skip


register(TodoKind("task_due", gettext_lazy("Tasks due"), own_tasks))
register(TodoKind("task_overdue", gettext_lazy("Member units' overdue tasks"), overdue_tasks))
