"""The error answers of every operation, documented once for the whole API instead of on each
endpoint: what an operation can answer follows from what it takes (parameters, a body), whether
it needs a token, and whether it writes. `document_errors` adds them to the schema ninja makes,
leaving any answer an endpoint documents itself as it is (the ledger import's 400 with `rows`)."""

from django.conf import settings

ERROR_OUT = "ErrorOut"  # {"errors": {field: [message]}}
DETAIL_OUT = "DetailOut"  # {"detail": message}
WRITES = {"post", "put", "patch", "delete"}
METHODS = WRITES | {"get", "head", "options"}

_SCHEMAS = {
    ERROR_OUT: {
        "title": ERROR_OUT,
        "type": "object",
        "properties": {
            "errors": {
                "title": "Errors",
                "type": "object",
                "additionalProperties": {"type": "array", "items": {"type": "string"}},
            }
        },
        "required": ["errors"],
    },
    DETAIL_OUT: {
        "title": DETAIL_OUT,
        "type": "object",
        "properties": {"detail": {"title": "Detail", "type": "string"}},
        "required": ["detail"],
    },
}


def _answer(description: str, schema: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


def _errors_of(method: str, operation: dict) -> dict[int, dict]:
    mb = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 2**20
    answers = {}
    takes_input = bool(operation.get("parameters") or operation.get("requestBody"))
    if takes_input or method in WRITES:
        answers[400] = _answer(
            "Bad input: the problems by field (non_field_errors for the whole).", ERROR_OUT
        )
    if operation.get("security"):
        answers[401] = _answer("No token, or one that is not valid.", DETAIL_OUT)
        answers[403] = _answer("The user's role or jurisdiction does not allow this.", DETAIL_OUT)
    elif method in WRITES:  # a write without a token is a sign-in: wrong credentials, or too many tries
        answers[401] = _answer("Wrong username or password.", DETAIL_OUT)
        answers[429] = _answer("Too many failed attempts; try again later.", DETAIL_OUT)
    if takes_input:
        answers[404] = _answer("No such record in the user's jurisdiction.", DETAIL_OUT)
    if method in WRITES:
        answers[409] = _answer("Not allowed in the record's current state.", DETAIL_OUT)
        answers[413] = _answer(f"The request body is larger than {mb} MB.", ERROR_OUT)
    return answers


def document_errors(schema: dict) -> dict:
    """The schema, every operation's error answers added (in place)."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for name, definition in _SCHEMAS.items():
        components.setdefault(name, definition)
    for path in schema.get("paths", {}).values():
        for method, operation in path.items():
            if method not in METHODS:
                continue
            responses = operation.setdefault("responses", {})
            for status, answer in _errors_of(method, operation).items():
                if status not in responses and str(status) not in responses:
                    responses[status] = answer
    return schema
