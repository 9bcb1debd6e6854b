"""Every answer under /api/ is JSON, Django's own refusals too (issue 8 item 10): a body larger
than 10 MB is a 413, a broken multipart form or too many fields a 400, both in the API's
{"errors": {"non_field_errors": [...]}}; an unknown path, a method a path does not take and a
server error answer {"detail": ...}. The pages keep their HTML error pages."""

import json

import pytest
from django.test import Client

from yingji.regions import selectors

pytestmark = pytest.mark.django_db

ELEVEN_MB = 11 * 1024 * 1024
TOO_LARGE = "The request body is larger than 10 MB: send less in one request."


@pytest.fixture(autouse=True)
def english(settings):
    # The messages are compared as written; the product answers in Chinese unless told otherwise.
    settings.LANGUAGE_CODE = "en"


def answer(response, status: int) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(response.content)


def test_an_11_mb_json_body_is_a_413_in_json(api, bureau):
    body = json.dumps({"name": "x" * ELEVEN_MB})
    response = api(bureau).post("/api/v1/enterprises", body, "application/json")
    assert answer(response, 413) == {"errors": {"non_field_errors": [TOO_LARGE]}}


def test_an_11_mb_body_before_any_login_is_a_413_in_json():
    body = json.dumps({"username": "x" * ELEVEN_MB, "password": "x"})
    response = Client().post("/api/v1/auth/token", body, "application/json")
    assert answer(response, 413) == {"errors": {"non_field_errors": [TOO_LARGE]}}


def test_a_multipart_form_over_10_mb_is_a_413_in_json(api, bureau):
    response = api(bureau).post("/api/v1/enterprises/import", {"note": "x" * ELEVEN_MB})
    assert answer(response, 413) == {"errors": {"non_field_errors": [TOO_LARGE]}}


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"garbage", "multipart/form-data"),  # no boundary
        (b"garbage", "multipart/form-data; boundary="),
        (
            b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n',
            "multipart/form-data; boundary=\x00",
        ),
    ],
)
def test_a_malformed_multipart_form_is_a_400_in_json(api, bureau, body, content_type):
    response = api(bureau).post("/api/v1/enterprises/import", body, content_type=content_type)
    errors = answer(response, 400)["errors"]
    assert errors == {"non_field_errors": ["The upload is not a well-formed multipart form."]}


def test_too_many_fields_is_a_400_in_json(api, bureau):
    response = api(bureau).post("/api/v1/enterprises/import", {f"f{n}": "x" for n in range(1001)})
    assert answer(response, 400) == {
        "errors": {"non_field_errors": ["The request has more fields than 1000."]}
    }


@pytest.mark.parametrize("path", ["/api/v1/nothing-here", "/api/v1/enterprises/not-a-number/x", "/api/"])
def test_a_path_the_api_does_not_have_is_a_404_in_json(api, bureau, path):
    assert answer(api(bureau).get(path), 404) == {"detail": "Not found."}


def test_a_method_a_path_does_not_take_is_a_405_in_json_with_allow(api, bureau):
    response = api(bureau).delete("/api/v1/enterprises")
    assert answer(response, 405) == {"detail": "Method not allowed."}
    assert set(response["Allow"].split(", ")) == {"GET", "POST"}


def test_a_server_error_is_a_500_in_json(api, bureau, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(selectors, "region_list", broken)
    client = api(bureau)
    client.raise_request_exception = False
    assert answer(client.get("/api/v1/regions"), 500) == {"detail": "Server error."}


def test_the_pages_keep_their_html_error_pages(client, bureau):
    client.force_login(bureau)
    response = client.get("/nothing-here/")
    assert response.status_code == 404 and response["Content-Type"].startswith("text/html")
    response = client.post("/enterprises/import/", b"garbage", content_type="multipart/form-data")
    assert response.status_code == 400 and response["Content-Type"].startswith("text/html")


def test_a_multipart_form_without_its_file_names_the_file_field(api, bureau):
    response = api(bureau).post("/api/v1/enterprises/import", {"note": "no file"})
    assert set(answer(response, 400)["errors"]) == {"file"}
