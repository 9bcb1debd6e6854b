"""How the permission matrix calls a row as a role, and reads the answer as one letter."""

import functools
import json
import re
from types import SimpleNamespace

from django.apps import apps
from django.contrib import messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from yingji.accounts.tests.factories import token_for
from yingji.core.tests import permission_records
from yingji.core.tests.permission_matrix import API_PREFIX, ROLES, Row

# The letters of an answer:
#   o  allowed: 2xx, or a redirect that is not to the sign-in page
#   f  403 (the role may not act)
#   h  404 (the record is outside the jurisdiction, or not for this role)
#   l  sign in first: 401 from the API, a redirect to /login/ from a page
#   b  400/422, or a form page that comes back with its errors (a write refused as a bad
#      request: an empty body, a region outside the jurisdiction)
#   r  a page's write answered by a redirect with an error message (refused, nothing done)
#   c  409 (allowed, but not in this state)
#   m  405, E  500, ?  anything else
LETTERS = {401: "l", 403: "f", 404: "h", 400: "b", 422: "b", 409: "c", 405: "m", 500: "E"}


def letter(response, *, form_post: bool = False) -> str:
    code = response.status_code
    if code in (301, 302, 303):
        if response["Location"].startswith("/login/"):
            return "l"
        return "r" if form_post and _error_message(response) else "o"
    if form_post and code == 200:
        return "b"  # the form comes back with its errors: a page that did something redirects
    if 200 <= code < 300:
        return "o"
    return LETTERS.get(code, "?")


def _error_message(response) -> bool:
    """Whether the page answered a refusal with an error message on the page it redirects to."""
    storage = getattr(response.wsgi_request, "_messages", None)
    return any(m.level >= messages.ERROR for m in getattr(storage, "_queued_messages", []))


def people(request) -> SimpleNamespace:
    """The personas of conftest.py, and a client for each (signed in, or with a token)."""
    found = {role: request.getfixturevalue(role) for role in ROLES if role != "anonymous"}
    rf = request.getfixturevalue("rf")
    p = SimpleNamespace(**found, enterprises=request.getfixturevalue("enterprises"))
    p.token_for = lambda user: token_for(user, rf)
    return p


class Callers:
    """A page client and an API client per role, made when first asked for."""

    def __init__(self, p: SimpleNamespace):
        self.p = p
        self._pages: dict[str, Client] = {}
        self._api: dict[str, Client] = {}

    def page(self, role: str) -> Client:
        if role not in self._pages:
            client = Client()
            if role != "anonymous":
                client.force_login(getattr(self.p, role))
            self._pages[role] = client
        return self._pages[role]

    def api(self, role: str) -> Client:
        if role not in self._api:
            headers = (
                {}
                if role == "anonymous"
                else {"Authorization": f"Bearer {self.p.token_for(getattr(self.p, role))}"}
            )
            self._api[role] = Client(headers=headers)
        return self._api[role]


def path_of(row: Row, names: dict) -> str:
    """The row's address, its parameters filled from the record's names and the row's own."""
    values = {**names, **row.params}
    if row.api:
        template = row.path
        ids = iter([values.get("pk"), values.get("sub")])

        def fill(match):
            name = match.group(1)
            if name in values:
                return str(values[name])
            if name.endswith("_id") or name == "receipt":
                return str(next(ids))
            raise KeyError(f"{row.name}: no value for {{{name}}}")

        return API_PREFIX + re.sub(r"\{(\w+)\}", fill, template)
    kwargs = {}
    ids = iter(["pk", "sub"])
    for name, kind in row.kwargs:
        kwargs[name] = (
            values[name] if name in values else values[next(ids)] if kind == "int" else values[name]
        )
    return reverse(row.name, kwargs=kwargs)


def call(callers: Callers, row: Row, role: str, path: str) -> str:
    client = callers.api(role) if row.api else callers.page(role)
    if row.method == "GET":
        response = client.get(path, dict(row.query))
    elif not row.api:
        response = client.post(path, dict(row.data))
        return letter(drained(response), form_post=True)
    else:
        kind, body = sample_body(row, {"enterprise_id": callers.p.enterprises["A"].pk})
        if kind == "multipart":
            response = client.post(path, body)
        else:
            response = client.generic(row.method, path, json.dumps(body), content_type="application/json")
    return letter(drained(response))


def drained(response):
    """Read a streamed answer to its end: the test client then closes it (closing it ourselves
    would fire request_finished, which on PostgreSQL closes the test's connection)."""
    if response.streaming:
        b"".join(response.streaming_content)
    return response


@functools.cache
def schema() -> dict:
    from yingji.api import api

    return api.get_openapi_schema()


def sample_body(row: Row, known: dict | None = None) -> tuple[str, dict]:
    """A request body of the right shape (each required field with a plain value), so that the
    API gets past the schema's validation to the permission checks."""
    known = known or {}
    if row.body is not None:
        return "json", row.body
    operation = schema()["paths"][API_PREFIX + row.path][row.method.lower()]
    content = operation.get("requestBody", {}).get("content", {})
    if "multipart/form-data" in content:
        sample = _sample(content["multipart/form-data"]["schema"])
        return "multipart", {k: v for k, v in sample.items() if v is not None}
    if "application/json" in content:
        return "json", _known(_sample(content["application/json"]["schema"]), known)
    return "json", {}


def _known(body, known: dict):
    """The sample's ids of records the test knows (enterprise A), so that the answer does not
    hang on which ids the database happened to hand out."""
    if isinstance(body, dict):
        return {key: known.get(key, _known(value, known)) for key, value in body.items()}
    return body


def _sample(node: dict, name: str = ""):
    if "$ref" in node:
        return _sample(schema()["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]], name)
    for key in ("anyOf", "oneOf", "allOf"):
        if key in node:
            options = [o for o in node[key] if o.get("type") != "null"]
            return _sample(options[0], name) if options else None
    if "enum" in node:
        return node["enum"][0]
    kind = node.get("type")
    if kind == "object" or "properties" in node:
        required = node.get("required", [])
        return {
            key: _sample(prop, key) for key, prop in node.get("properties", {}).items() if key in required
        }
    if kind == "array":
        return [_sample(node.get("items", {}), name) for _ in range(node.get("minItems", 0))]
    if kind in ("integer", "number"):
        return max(1, node.get("minimum", 1))
    if kind == "boolean":
        return False
    if node.get("format") == "binary":
        return SimpleUploadedFile("sample.bin", b"sample")
    if node.get("format") in ("date", "date-time"):
        return {"date": "2026-06-01", "date-time": "2026-06-01T08:00:00+08:00"}[node["format"]]
    if node.get("pattern", "").startswith("^[a-z]"):
        return "sample_code"
    # A region of 芙蓉区 for region fields, and digits long enough for the others.
    return "430102015" if "region" in name else "1" * max(1, node.get("minLength", 1))


# What a page writes as it is shown, not as its form is posted: the public form's captcha and
# its rate-limit counter.
SHOWING = {"Captcha", "PublicHit"}


def fingerprint(row: Row) -> tuple:
    """Row counts of the row's app: a refused write must leave them as they were."""
    models = apps.get_app_config(row.app).get_models()
    return tuple(model.objects.count() for model in models if model.__name__ not in SHOWING)


def make(p: SimpleNamespace, row: Row, side: str) -> dict:
    if not row.record:
        return {}
    return getattr(permission_records, row.record)(p, side)
