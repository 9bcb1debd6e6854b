"""Bad input anywhere in the API is a 400 with {"errors": {field: [messages]}}."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("body", "content_type", "fields"),
    [
        ("{bad", "application/json", {"non_field_errors"}),
        ("username=x", "application/x-www-form-urlencoded", {"non_field_errors"}),
        ("", "application/json", {"non_field_errors"}),
        ("[1, 2]", "application/json", {"username", "password"}),
        ('{"username": 5, "password": null}', "application/json", {"username", "password"}),
    ],
)
def test_a_body_that_is_not_the_expected_json_is_a_400(body, content_type, fields):
    response = Client().post("/api/v1/auth/token", body, content_type)
    assert response.status_code == 400
    assert set(response.json()["errors"]) == fields


def test_query_parameters_are_checked_too(api, street):
    response = api(street).get("/api/v1/enterprises", {"page": "first", "page_size": 0})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"page", "page_size"}


def test_text_with_the_nul_character_is_a_400_not_a_database_error(api, street):
    body = '{"username": "a\\u0000b", "password": "x"}'
    response = Client().post("/api/v1/auth/token", body, "application/json")
    assert response.status_code == 400
    assert "non_field_errors" in response.json()["errors"]
    assert api(street).get("/api/v1/enterprises", {"search": "a\x00"}).status_code == 400


def test_the_schema_is_published(client):
    schema = client.get("/api/v1/schema").json()
    assert schema["info"]["title"] == "Yingji API"
    assert {"/api/v1/auth/token", "/api/v1/regions", "/api/v1/enterprises", "/api/v1/audit"} <= set(
        schema["paths"]
    )
