"""Every answer of the API is JSON, its errors too (DESIGN.md): not only those an endpoint raises,
but those Django gives before or around it. A body larger than DATA_UPLOAD_MAX_MEMORY_SIZE, a
malformed multipart form, too many fields, a path the API does not have, a method a path does not
take and a server error all answer in the API's shapes under /api/:

    400, 413   {"errors": {"non_field_errors": ["…"]}}
    404, 405, 403, 500, 503, 507   {"detail": "…"}

A request that finds the database gone (restarting, unreachable: Django's OperationalError or
InterfaceError, wherever it is raised, a middleware's session lookup too) is a 503 with
Retry-After, on the pages as in the API: the client may retry, and nothing of it was written,
its transaction having never committed. The server recovers by itself: each request checks its
connection first (CONN_HEALTH_CHECKS) and opens a new one. A file that cannot be stored because
the disk is full is a 507 (Insufficient Storage), again with nothing saved (core/storage.py
removes the part of the file it wrote).

A body too large is a 413 (Content Too Large, RFC 9110 §15.5.14), not a 400: the request may be
well formed, and a client (or a retry policy) can tell "send less" from "send something else";
nginx's client_max_body_size answers 413 too, so the client sees one status whichever refuses.

The pages keep Django's own error pages (yingji/urls.py hands over to them)."""

import errno
import sys

from django.conf import settings
from django.core.exceptions import (
    BadRequest,
    RequestDataTooBig,
    SuspiciousOperation,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from django.views import defaults

API_PREFIX = "/api/"


def body_problem(exc: Exception) -> tuple[int, str]:
    """The status and message of a request body Django could not take."""
    if isinstance(exc, RequestDataTooBig):
        mb = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 2**20
        return 413, _("The request body is larger than %(mb)s MB: send less in one request.") % {"mb": mb}
    if isinstance(exc, TooManyFieldsSent):
        return 400, _("The request has more fields than %(n)s.") % {
            "n": settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        }
    if isinstance(exc, TooManyFilesSent):
        return 400, _("The request has more files than %(n)s.") % {"n": settings.DATA_UPLOAD_MAX_NUMBER_FILES}
    if isinstance(exc, MultiPartParserError):
        return 400, _("The upload is not a well-formed multipart form.")
    return 400, _("The request could not be read.")


BODY_ERRORS = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent, MultiPartParserError)


def errors_response(status: int, message: str) -> JsonResponse:
    return JsonResponse({"errors": {"non_field_errors": [message]}}, status=status, **_JSON)


def detail_response(status: int, detail: str) -> JsonResponse:
    return JsonResponse({"detail": detail}, status=status, **_JSON)


_JSON = {"json_dumps_params": {"ensure_ascii": False}, "content_type": "application/json; charset=utf-8"}


def _is_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


# --- Django's error views (yingji/urls.py handler400 …) ------------------------------------------


def bad_request(request, exception=None):
    if not _is_api(request):
        return defaults.bad_request(request, exception)
    if isinstance(exception, BODY_ERRORS | SuspiciousOperation | BadRequest):
        return errors_response(*body_problem(exception))
    return errors_response(400, _("The request could not be read."))


def permission_denied(request, exception=None):
    if not _is_api(request):
        return defaults.permission_denied(request, exception)
    return detail_response(403, str(exception or "") or "Forbidden.")


def page_not_found(request, exception=None):
    if not _is_api(request):
        return defaults.page_not_found(request, exception)
    return detail_response(404, "Not found.")


def server_error(request):
    # Django calls this while it handles the exception, so the exception is at hand here.
    exception = sys.exception()
    if isinstance(exception, OperationalError | InterfaceError):
        return database_unavailable(request)
    if isinstance(exception, OSError) and exception.errno in (errno.ENOSPC, errno.EDQUOT):
        return storage_full(request)
    if not _is_api(request):
        return defaults.server_error(request)
    return detail_response(500, "Server error.")


RETRY_AFTER_SECONDS = 30


def database_unavailable(request):
    """503: the database cannot be reached just now. The page is plain: the usual one would
    ask the database for the user and the menus."""
    message = _("The database is not available just now (it may be restarting). Nothing was saved: please try again in a minute.")  # fmt: skip
    if _is_api(request):
        response = detail_response(503, message)
    else:
        html = f'<!doctype html><html lang="zh-Hans"><meta charset="utf-8"><title>503</title><p>{message}</p></html>'
        response = HttpResponse(html, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def storage_full(request):
    """507: the server's disk is full; the upload was not kept."""
    message = _("The server's disk is full: the file was not saved, and nothing else of this request was. Please tell the system administrator.")  # fmt: skip
    if _is_api(request):
        return detail_response(507, message)
    return HttpResponse(f"<!doctype html><meta charset=utf-8><p>{message}</p>", status=507, content_type="text/html; charset=utf-8")  # fmt: skip


# --- a method a path does not take ---------------------------------------------------------------


def json_not_allowed(view):
    """The view, with ninja's plain-text 405 answered as JSON (its Allow header kept)."""

    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if isinstance(response, HttpResponseNotAllowed):
            answer = detail_response(405, "Method not allowed.")
            answer["Allow"] = response["Allow"]
            return answer
        return response

    wrapped.csrf_exempt = getattr(view, "csrf_exempt", False)
    wrapped.__name__ = getattr(view, "__name__", "view")
    return wrapped
