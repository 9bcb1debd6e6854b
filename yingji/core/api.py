"""API building blocks shared by every app: pagination, the error answers of DESIGN.md, and the
API class that answers every error as JSON and documents those answers in the schema."""

import datetime
from typing import Annotated, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.pagination import PaginationBase
from ninja.parser import Parser
from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder

from yingji.core import api_errors
from yingji.core.api_schema import document_errors
from yingji.core.errors import ApplicationError

MAX_PAGE_SIZE = 500
# A record id as a client may send it: what a 64-bit primary key holds (a larger number is a
# 400, not a database overflow).
MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


class Page(PaginationBase):
    class Input(Schema):
        page: int = Field(1, ge=1, le=1_000_000)
        page_size: int = Field(50, ge=1, le=MAX_PAGE_SIZE)

    class Output(Schema):
        count: int
        page: int
        page_size: int
        results: list[Any]

    items_attribute = "results"

    def paginate_queryset(self, queryset, pagination: Input, request, **params):
        start = (pagination.page - 1) * pagination.page_size
        return {
            "count": self._items_count(queryset),
            "page": pagination.page,
            "page_size": pagination.page_size,
            "results": queryset[start : start + pagination.page_size],
        }


class LocalTimeEncoder(NinjaJSONEncoder):
    """Times in Asia/Shanghai (DESIGN.md), not the UTC the database hands back."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime.datetime) and timezone.is_aware(o):
            o = timezone.localtime(o)
        return super().default(o)


class Utf8JSONRenderer(JSONRenderer):
    encoder_class = LocalTimeEncoder
    json_dumps_params = {"ensure_ascii": False}  # Chinese names readable in the raw answer


class ErrorOut(Schema):
    errors: dict[str, list[str]]


class TextParser(Parser):
    """Refuses the NUL character in any text a client sends: PostgreSQL cannot store it, and
    no real name, address or note carries it. A clear 400 instead of a database error."""

    def parse_body(self, request):
        return _without_nul(super().parse_body(request))

    def parse_querydict(self, data, list_fields, request):
        return _without_nul(super().parse_querydict(data, list_fields, request))


def _without_nul(value):
    if isinstance(value, str) and "\x00" in value:
        message = _("Text may not contain the NUL character.")
        raise ApplicationError(message, errors={"non_field_errors": [message]})
    if isinstance(value, dict):
        for item in value.values():
            _without_nul(item)
    elif isinstance(value, list):
        for item in value:
            _without_nul(item)
    return value


class DetailOut(Schema):
    detail: str


def _field_name(loc: list) -> str:
    # ninja reports ("query", "filters", "page_size") or ("body", "payload", "code"): keep the field.
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header", "form", "file", "cookie"):
        parts = parts[1:]  # where it was sent
    if parts and parts[0] in ("payload", "filters", "data", "pagination"):
        parts = parts[1:]  # the endpoint's argument name, not a field the client sent
    return ".".join(parts) or "non_field_errors"


class YingjiAPI(NinjaAPI):
    """NinjaAPI whose 405 answers JSON like every other error (api_errors), and whose schema
    documents the error answers each operation can give (api_schema), once for all endpoints."""

    @property
    def urls(self):
        patterns, app_name, namespace = super().urls
        for pattern in patterns:
            pattern.callback = api_errors.json_not_allowed(pattern.callback)
        return patterns, app_name, namespace

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return document_errors(schema)


def install_error_handlers(api: NinjaAPI) -> None:
    def unreadable_body(request, exc: Exception):
        # Django's own refusals of a body (too large, a broken multipart form, too many fields).
        status, message = api_errors.body_problem(exc)
        return api.create_response(request, {"errors": {"non_field_errors": [message]}}, status=status)

    for body_error in api_errors.BODY_ERRORS:
        api.add_exception_handler(body_error, unreadable_body)

    @api.exception_handler(NinjaValidationError)
    def invalid_input(request, exc: NinjaValidationError):
        errors: dict[str, list[str]] = {}
        for error in exc.errors:
            errors.setdefault(_field_name(list(error.get("loc", []))), []).append(
                error.get("msg", "Invalid.")
            )
        return api.create_response(request, {"errors": errors}, status=400)

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        # ninja's own 400s (an unparsable body) get the same shape as every other 400.
        if exc.status_code == 400:
            return api.create_response(request, {"errors": {"non_field_errors": [exc.message]}}, status=400)
        return api.create_response(request, {"detail": exc.message}, status=exc.status_code)

    @api.exception_handler(ApplicationError)
    def application_error(request, exc: ApplicationError):
        if exc.status == 400:
            return api.create_response(request, {"errors": exc.errors}, status=400)
        return api.create_response(request, {"detail": exc.message}, status=exc.status)

    @api.exception_handler(ValidationError)
    def model_validation_error(request, exc: ValidationError):
        return application_error(request, ApplicationError.from_validation_error(exc))

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, {"detail": "Not found."}, status=404)

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return api.create_response(request, {"detail": str(exc) or "Forbidden."}, status=403)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        response = api.create_response(request, {"detail": "Authentication required."}, status=401)
        response["WWW-Authenticate"] = 'Bearer realm="yingji"'
        return response
