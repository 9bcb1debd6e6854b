"""The ledger pages: import with every row problem shown, export of the list's hazards, and
the empty template."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from yingji.core import uploads
from yingji.hazards import ledger, ledger_jobs, permissions, selectors
from yingji.hazards.views import list_filters
from yingji.imports import background
from yingji.imports.models import ImportKind
from yingji.imports.services import DuplicateImport
from yingji.imports.views import confirmed_again
from yingji.jobs.services import jobs_of

SHOWN_ERRORS = 1000  # a page of a hundred thousand problems helps nobody; the API lists them all


@login_required
def ledger_import(request):
    if not permissions.can_register(request.user):
        raise PermissionDenied(_("Your role may not import hazards."))
    context = {"columns": _template_columns()}
    if request.GET.get("job", "").isdigit():  # a background import, watched on its progress bar
        context["job"] = get_object_or_404(
            jobs_of(request.user), pk=request.GET["job"], kind=ledger_jobs.IMPORT
        )
    if request.method == "POST":
        upload = request.FILES.get("file")
        try:
            if upload is None:
                raise ledger.LedgerError(file=[_("Choose a ledger file to import.")])
            if job := _in_background(request, upload):
                return redirect(ledger_jobs.import_page(job))
            imported = ledger.ledger_import_upload(
                actor=request.user, upload=upload, confirm_duplicate=confirmed_again(request, upload)
            )
        except DuplicateImport as e:
            # Asked, not refused: the same file chosen again with the box ticked imports it.
            context |= {
                "duplicate": e.question(),
                "duplicate_sha256": e.previous.sha256,
                "filename": upload.name,
            }
            return render(request, "hazards/ledger_import.html", context)
        except ledger.LedgerError as e:
            context |= {
                "file_errors": e.file,
                "row_errors": e.rows[:SHOWN_ERRORS],
                "error_count": len(e.rows),
                "more_errors": max(len(e.rows) - SHOWN_ERRORS, 0),
                "filename": upload.name if upload else "",
            }
            # 200, as a form shown again with its errors (browsers log a 400 page as a failure).
            return render(request, "hazards/ledger_import.html", context)
        messages.success(
            request,
            _("Imported %(count)s hazards from %(file)s.")
            % {"count": imported.record.created, "file": upload.name},
        )
        return redirect("ledger:import")
    return render(request, "hazards/ledger_import.html", context)


def _in_background(request, upload):
    """A file of more rows than a request should import goes to the worker: the Job, or None
    for a file imported here (small, or refused by the upload checks, which the import reports)."""
    if upload.size > uploads.WEB.file_bytes:
        return None
    data = upload.read()
    upload.seek(0)
    if not background.in_background(data):
        return None
    confirm = confirmed_again(request, upload)
    if not confirm:
        background.check_not_imported_before(kind=ImportKind.HAZARDS, actor=request.user, data=data)
    return ledger_jobs.start_ledger_import(
        actor=request.user, data=data, filename=upload.name or "", confirm_duplicate=confirm
    )


@login_required
def ledger_export(request):
    """The hazards the list shows with the same query string, as the ledger (?format=csv); more
    than YINGJI_BACKGROUND_EXPORT_ROWS hazards are written by the worker, and the user told."""
    _raw, filters = list_filters(request)
    fmt = "csv" if request.GET.get("format") == "csv" else "xlsx"
    if (
        selectors.hazard_list(user=request.user, filters=filters).count()
        > settings.YINGJI_BACKGROUND_EXPORT_ROWS
    ):
        job = ledger_jobs.start_ledger_export(actor=request.user, query=request.GET.urlencode(), fmt=fmt)
        return render(request, "hazards/ledger_export_job.html", {"job": job})
    return ledger.ledger_export_response(user=request.user, filters=filters, fmt=fmt)


@login_required
def ledger_template(request):
    return ledger.ledger_template_response()


def _template_columns() -> list[tuple[str, str, str]]:
    """Each column of the template: header, whether it is required, what it takes."""
    required = {h: _("yes") for h in ledger.REQUIRED_HEADERS} | {
        ledger.NAME: _("name or code"),
        ledger.USCC: _("name or code"),
        "整改期限": _("when the status is 整改中 or later"),
        "整改完成日期": _("when the status is 已整改 or 已销号"),
    }
    default = _("default %(value)s")
    values = {
        "level": ledger.CHOICE_HINTS["level"],
        "source": "{} ({})".format(ledger.CHOICE_HINTS["source"], default % {"value": "监管检查"}),
        "status": "{} ({})".format(ledger.CHOICE_HINTS["status"], default % {"value": "待整改"}),
        "date": "2026-03-05 · 2026/3/5 · 2026.3.5 · 2026年3月5日",
        "funds": _("a number, 0 or more"),
        "ignore": _("not imported"),
    }
    return [(c.header, required.get(c.header, ""), values.get(c.kind, "")) for c in ledger.COLUMNS]
