"""The lists' pages: tasks (overdue first to the eye) with the office's forms to add a task or a
duty item and to import either list from Excel; a task with its progress reports; the duty items
by unit. Writes go through services and the workbook import, as the API's do."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from yingji.accounts.choices import OrgKind
from yingji.accounts.models import Organisation
from yingji.core import attachments
from yingji.core.errors import ApplicationError
from yingji.core.exports import CONTENT_TYPES
from yingji.core.pagination import page_of
from yingji.regions.scoping import Jurisdiction, get_for_user
from yingji.tasks import permissions, services, workbook
from yingji.tasks.models import DutyItem, Task


def _read(request):
    if not permissions.can_read(request.user):
        raise PermissionDenied


def _units(user):
    region = Jurisdiction.of(user).region
    if not region:
        return Organisation.objects.none()
    return Organisation.objects.filter(region__code__startswith=region).exclude(kind=OrgKind.ENTERPRISE).order_by("kind", "name")[:300]  # fmt: skip


def _int(value):
    value = (value or "").strip()
    return int(value) if value.isdigit() and len(value) < 18 else None


@login_required
@require_http_methods(["GET", "POST"])
def task_list(request):
    _read(request)
    user, errors, problems = request.user, {}, []
    if request.method == "POST":
        do = request.POST.get("do")
        try:
            if do == "import":
                upload = request.FILES.get("file")
                kind = "duty_items" if request.POST.get("kind") == "duty_items" else "tasks"
                n = workbook.import_list(actor=user, kind=kind, data=upload.read(workbook.uploads.WEB.file_bytes + 1) if upload else b"")  # fmt: skip
                messages.success(request, _("%(n)d rows imported.") % {"n": n})
            elif do == "duty_item":
                services.duty_item_create(actor=user, organisation=_int(request.POST.get("unit_id")), content=request.POST.get("content"), basis=request.POST.get("basis", ""))  # fmt: skip
                messages.success(request, _("Duty item added."))
            else:
                services.task_create(actor=user, organisation=_int(request.POST.get("unit_id")), title=request.POST.get("title"), detail=request.POST.get("detail", ""), due_on=request.POST.get("due_on"))  # fmt: skip
                messages.success(request, _("Task added."))
            return redirect("tasks:list")
        except ApplicationError as e:
            errors = e.errors
        except workbook.ImportRejected as e:
            problems = e.problems
    tasks = Task.objects.for_user(user).select_related("organisation")
    if request.GET.get("overdue") == "1":
        tasks = services.overdue(tasks)
    page, query = page_of(request, tasks)
    return render(request, "tasks/list.html", {
        "page": page, "query": query, "today": timezone.localdate(), "errors": errors, "problems": problems[:200],
        "overdue": services.overdue(Task.objects.for_user(user)).count(), "can_keep": permissions.can_keep(user),
        "units": _units(user) if permissions.can_keep(user) else [],
        "duty_items": DutyItem.objects.for_user(user).count(),
    })  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def task_detail(request, pk):
    _read(request)
    task = get_for_user(Task.objects.select_related("organisation"), request.user, pk=pk)
    errors = {}
    if request.method == "POST":
        try:
            services.task_report(actor=request.user, task=task, progress=request.POST.get("progress"), done=request.POST.get("done") == "on", evidence=request.FILES.get("evidence"))  # fmt: skip
            messages.success(request, _("Progress reported."))
            return redirect("tasks:detail", pk)
        except ApplicationError as e:
            errors = e.errors
    return render(request, "tasks/detail.html", {
        "task": task, "updates": task.updates.select_related("by"), "errors": errors, "today": timezone.localdate(),
        "can_report": permissions.can_report(request.user, task) and task.done_on is None,
    })  # fmt: skip


@login_required
def update_file(request, pk, update_id):
    """A progress report's evidence, to those who may see the task."""
    _read(request)
    task = get_for_user(Task.objects.all(), request.user, pk=pk)
    return attachments.serve(task.updates.filter(pk=update_id).first())


@login_required
def duty_items(request):
    _read(request)
    items = DutyItem.objects.for_user(request.user).select_related("organisation")
    page, query = page_of(request, items)
    return render(request, "tasks/duty_items.html", {"page": page, "query": query})


@login_required
def export(request, kind):
    _read(request)
    kind = "duty_items" if kind == "duty-items" else "tasks"
    response = HttpResponse(
        workbook.export_list(actor=request.user, kind=kind), content_type=CONTENT_TYPES["xlsx"]
    )
    name = "安全生产职责清单.xlsx" if kind == "duty_items" else "安全生产任务清单.xlsx"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response
