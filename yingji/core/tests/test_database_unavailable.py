"""When the database is gone (restarting, unreachable), a request is a 503 with Retry-After, in
JSON under /api/ and as a plain page elsewhere, not a 500 (issue 15, the PostgreSQL restart drill
in bench/load/faults.py). Every statement here fails as psycopg fails when the server is down."""

import json

import pytest
from django.db import InterfaceError, OperationalError, connection

pytestmark = pytest.mark.django_db

GONE = "The database is not available just now (it may be restarting). Nothing was saved: please try again in a minute."  # fmt: skip


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


def database_down(error):
    def refuse(execute, sql, params, many, context):
        raise error("connection failed: server closed the connection unexpectedly")

    return connection.execute_wrapper(refuse)


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_an_api_request_without_its_database_is_a_503_in_json(api, bureau, error):
    client = api(bureau)
    client.raise_request_exception = False
    with database_down(error):
        response = client.get("/api/v1/hazards")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert json.loads(response.content) == {"detail": GONE}


def test_a_write_without_its_database_is_a_503_too(api, bureau):
    client = api(bureau)
    client.raise_request_exception = False
    with database_down(OperationalError):
        response = client.post("/api/v1/hazards", {}, content_type="application/json")
    assert response.status_code == 503


def test_a_page_without_its_database_is_a_503_page(client, bureau):
    # The session and the user are looked up by middleware, before any view: the same answer.
    client.force_login(bureau)
    client.raise_request_exception = False
    with database_down(OperationalError):
        response = client.get("/")
    assert response.status_code == 503
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert GONE in response.content.decode()


def test_another_server_error_is_still_a_500(api, bureau, monkeypatch):
    from yingji.regions import selectors

    def broken(**kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(selectors, "region_list", broken)
    client = api(bureau)
    client.raise_request_exception = False
    assert client.get("/api/v1/regions").status_code == 500
