"""Password expiry: past YINGJI_PASSWORD_MAX_DAYS since the last change (or since joining) a
signed-in user reaches only the password page; changing the password lets them through."""

import datetime

import pytest
from django.utils import timezone

from yingji.accounts.models import User
from yingji.accounts.tests.factories import PASSWORD, web_login

pytestmark = pytest.mark.django_db


def _age(user, days: int) -> None:
    User.objects.filter(pk=user.pk).update(password_changed_at=timezone.now() - datetime.timedelta(days=days))


def test_setting_a_password_notes_when(bureau):
    bureau.set_password("Another-Horse-43")
    bureau.save(update_fields=["password"])
    bureau.refresh_from_db()
    assert timezone.now() - bureau.password_changed_at < datetime.timedelta(minutes=1)


def test_an_expired_password_must_be_changed_first(client, bureau, settings):
    settings.YINGJI_PASSWORD_MAX_DAYS = 90
    _age(bureau, 91)
    web_login(client, bureau.username)
    assert client.get("/hazards/")["Location"] == "/account/password/"
    change = {
        "old_password": PASSWORD,
        "new_password1": "Fresh-Horse-2026",
        "new_password2": "Fresh-Horse-2026",
    }
    assert client.post("/account/password/", change).status_code == 302
    assert client.get("/hazards/").status_code == 200


def test_within_the_limit_or_with_no_policy_nothing_is_asked(client, bureau, settings):
    _age(bureau, 89)
    settings.YINGJI_PASSWORD_MAX_DAYS = 90
    web_login(client, bureau.username)
    assert client.get("/hazards/").status_code == 200
    _age(bureau, 400)
    settings.YINGJI_PASSWORD_MAX_DAYS = 0
    assert client.get("/hazards/").status_code == 200
