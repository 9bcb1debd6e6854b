"""POST /api/v1/auth/token and the Bearer header on every call."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from yingji.accounts.models import ApiToken
from yingji.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def post_token(username, password, client=None):
    return (client or Client()).post(
        "/api/v1/auth/token", {"username": username, "password": password}, "application/json"
    )


def test_a_token_for_a_username_and_password(street):
    response = post_token("street", PASSWORD)
    assert response.status_code == 200
    token = response.json()["token"]
    me = Client(headers={"Authorization": f"Bearer {token}"}).get("/api/v1/auth/me")
    assert me.status_code == 200
    assert me.json() == {
        "username": "street",
        "name": "",
        "role": "street",
        "organisation": "东岸街道办事处",
        "region_code": "430102015",
    }


def test_only_the_hash_of_the_token_is_stored(street):
    token = post_token("street", PASSWORD).json()["token"]
    stored = ApiToken.objects.get(user=street)
    assert token not in (stored.key_hash, stored.prefix) and len(stored.key_hash) == 64


def test_wrong_password_is_401(street):
    response = post_token("street", "not-the-password")
    assert response.status_code == 401
    assert "token" not in response.json()


@pytest.mark.parametrize(
    "header", [None, "Bearer", "Bearer nonsense", "Token yj_whatever", "Basic c3RyZWV0OkNvcnJlY3Q="]
)
def test_every_api_call_needs_a_valid_bearer_token(street, header):
    client = Client(headers={"Authorization": header} if header else {})
    response = client.get("/api/v1/enterprises")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_an_expired_token_is_refused(street):
    token = post_token("street", PASSWORD).json()["token"]
    ApiToken.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert Client(headers={"Authorization": f"Bearer {token}"}).get("/api/v1/auth/me").status_code == 401


def test_a_deactivated_users_token_is_refused(street):
    token = post_token("street", PASSWORD).json()["token"]
    street.is_active = False
    street.save()
    assert Client(headers={"Authorization": f"Bearer {token}"}).get("/api/v1/auth/me").status_code == 401


def test_repeated_failures_lock_the_account_out(street, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert post_token("street", "wrong-password").status_code == 401
    assert post_token("street", "wrong-password").status_code == 429  # the failure that locks
    response = post_token("street", PASSWORD)
    assert response.status_code == 429
    assert "token" not in response.json()


def test_missing_fields_are_400_with_field_errors():
    response = Client().post("/api/v1/auth/token", {"username": "street"}, "application/json")
    assert response.status_code == 400
    assert "password" in response.json()["errors"]
