"""The schema documents the error answers of every operation, once for all (api_schema): what
a client may get back is in the schema, so generated clients and the fuzz run's conformance
checks know it."""

import pytest

pytestmark = pytest.mark.django_db

WRITES = {"post", "put", "patch", "delete"}


def operations(client):
    schema = client.get("/api/v1/schema").json()
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation, schema


def ref(answer) -> str:
    return answer["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]


def test_every_operation_with_a_token_documents_401_and_403_as_detail(client):
    for path, method, operation, _schema in operations(client):
        if operation.get("security"):
            for status in ("401", "403"):
                assert ref(operation["responses"][status]) == "DetailOut", (method, path, status)


def test_every_write_documents_400_409_and_413(client):
    for path, method, operation, _schema in operations(client):
        if method in WRITES:
            assert {"400", "409", "413"} <= set(operation["responses"]), (method, path)
            assert ref(operation["responses"]["413"]) == "ErrorOut"


def test_the_sign_in_documents_wrong_credentials_and_lockout(client):
    token = next(
        op for path, method, op, _s in operations(client) if path == "/api/v1/auth/token" and method == "post"
    )
    assert {"400", "401", "413", "429"} <= set(token["responses"])


def test_an_endpoints_own_answer_is_kept(client):
    upload = next(
        op
        for path, method, op, _s in operations(client)
        if path == "/api/v1/enterprises/import" and method == "post"
    )
    assert ref(upload["responses"]["400"]) == "ImportErrorOut"


def test_the_error_shapes_are_in_the_components(client):
    schemas = client.get("/api/v1/schema").json()["components"]["schemas"]
    assert schemas["ErrorOut"]["required"] == ["errors"]
    assert schemas["DetailOut"]["required"] == ["detail"]
