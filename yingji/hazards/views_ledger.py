"""The ledger pages: import with every row problem shown, export of the list's hazards, and
the empty template."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from yingji.hazards import ledger, permissions
from yingji.hazards.views import list_filters
from yingji.imports.services import DuplicateImport
from yingji.imports.views import confirmed_again

SHOWN_ERRORS = 1000  # a page of a hundred thousand problems helps nobody; the API lists them all


@login_required
def ledger_import(request):
    if not permissions.can_register(request.user):
        raise PermissionDenied(_("Your role may not import hazards."))
    context = {"columns": _template_columns()}
    if request.method == "POST":
        upload = request.FILES.get("file")
        try:
            if upload is None:
                raise ledger.LedgerError(file=[_("Choose a ledger file to import.")])
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


@login_required
def ledger_export(request):
    """The hazards the list shows with the same query string, as the ledger (?format=csv)."""
    _raw, filters = list_filters(request)
    fmt = "csv" if request.GET.get("format") == "csv" else "xlsx"
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
