"""Revoking API tokens: DELETE /api/v1/auth/token, the user's page, and every password change
or deactivation. A revoked token is refused (401) on its very next use."""

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.management import call_command
from django.test import Client

from yingji.accounts.models import ApiToken, User
from yingji.accounts.tests.factories import PASSWORD, token_for
from yingji.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Another-Horse-77"


class QuickPBKDF2PasswordHasher(PBKDF2PasswordHasher):
    iterations = 1


def bearer(token: str) -> Client:
    return Client(headers={"Authorization": f"Bearer {token}"})


def works(token: str) -> bool:
    status = bearer(token).get("/api/v1/auth/me").status_code
    assert status in (200, 401)
    return status == 200


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_delete_revokes_the_token_it_carries_at_once(street, rf):
    token, other = token_for(street, rf), token_for(street, rf)
    client = bearer(token)
    response = client.delete("/api/v1/auth/token")
    assert response.status_code == 204
    assert client.get("/api/v1/auth/me").status_code == 401
    assert client.delete("/api/v1/auth/token").status_code == 401
    assert works(other)  # only the token used for the call


def test_delete_without_a_token_is_401():
    assert Client().delete("/api/v1/auth/token").status_code == 401


def test_revoking_is_audited(street, rf):
    bearer(token_for(street, rf)).delete("/api/v1/auth/token")
    entry = AuditEntry.objects.get(action="revoke", object_type="accounts.apitoken")
    assert entry.actor == street
    assert entry.region_code == "430102015"
    assert "key_hash" not in entry.before


def test_changing_the_password_on_the_page_revokes_every_token(street, rf):
    tokens = [token_for(street, rf), token_for(street, rf)]
    response = logged_in(street).post(
        "/account/password/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert not any(works(t) for t in tokens)
    assert AuditEntry.objects.filter(action="change_password", object_id=str(street.pk)).exists()


def test_a_wrong_old_password_changes_nothing(street, rf):
    token = token_for(street, rf)
    response = logged_in(street).post(
        "/account/password/",
        {"old_password": "not-it", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert works(token)


@pytest.mark.parametrize("path", ["set_password_and_save", "changepassword_command"])
def test_a_new_password_by_any_path_revokes_every_token(street, rf, path, monkeypatch):
    token = token_for(street, rf)
    if path == "set_password_and_save":  # what an administrator's reset does
        user = User.objects.get(pk=street.pk)
        user.set_password(NEW_PASSWORD)
        user.save()
    else:
        monkeypatch.setattr("getpass.getpass", lambda prompt="": NEW_PASSWORD)
        call_command("changepassword", "street")
    assert not works(token)
    assert not ApiToken.objects.filter(user=street).exists()


def test_a_password_hash_upgraded_at_login_keeps_the_tokens(street, rf, settings):
    token = token_for(street, rf)
    settings.PASSWORD_HASHERS = [  # preferred now: the MD5 hash is upgraded at the next login
        f"{__name__}.QuickPBKDF2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
    assert token_for(street, rf)
    assert User.objects.get(pk=street.pk).password.startswith("pbkdf2_sha256$")
    assert works(token)


def test_deactivation_revokes_every_token_for_good(street, rf):
    token = token_for(street, rf)
    street.is_active = False
    street.save(update_fields=["is_active"])
    assert not works(token)
    street.is_active = True
    street.save()
    assert not works(token)  # reactivating does not bring the token back


def test_saving_other_fields_keeps_the_tokens(street, rf):
    token = token_for(street, rf)
    street.name = "张三"
    street.save()
    street.refresh_from_db()
    street.save(update_fields=["last_login"])
    assert works(token)


def test_the_account_page_lists_my_tokens_only(street, other_street, rf):
    mine, theirs = token_for(street, rf), token_for(other_street, rf)
    page = logged_in(street).get("/account/").content.decode()
    assert mine[:10] in page
    assert theirs[:10] not in page
    assert mine not in page  # the key itself is never shown again


def test_revoking_a_token_from_the_page(street, rf):
    token, other = token_for(street, rf), token_for(street, rf)
    pk = ApiToken.objects.get(prefix=token[:10]).pk
    response = logged_in(street).post(f"/account/tokens/{pk}/revoke/")
    assert response.status_code == 302
    assert not works(token)
    assert works(other)
    assert AuditEntry.objects.filter(action="revoke", actor=street).count() == 1


def test_revoking_all_tokens_from_the_page(street, rf):
    tokens = [token_for(street, rf), token_for(street, rf)]
    assert logged_in(street).post("/account/tokens/revoke/").status_code == 302
    assert not any(works(t) for t in tokens)
    assert AuditEntry.objects.filter(action="revoke", actor=street).count() == 2


def test_a_user_cannot_revoke_another_users_token(street, other_street, rf):
    theirs = token_for(other_street, rf)
    pk = ApiToken.objects.get(prefix=theirs[:10]).pk
    assert logged_in(street).post(f"/account/tokens/{pk}/revoke/").status_code == 404
    logged_in(street).post("/account/tokens/revoke/")
    assert works(theirs)


def test_revoking_needs_a_post(street, rf):
    token_for(street, rf)
    pk = ApiToken.objects.get(user=street).pk
    assert logged_in(street).get(f"/account/tokens/{pk}/revoke/").status_code == 405
    assert Client().post(f"/account/tokens/{pk}/revoke/").status_code == 302  # to the login page
    assert ApiToken.objects.filter(pk=pk).exists()
