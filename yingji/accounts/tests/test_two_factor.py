"""Two-factor sign-in (等保 level 3: two factors for administrators): after the password an
enrolled user gives the authenticator's code; a code works once; five wrong codes send the user
back to the password; the roles that must enrol reach nothing else until they have; the API's
token needs the code too."""

import pyotp
import pytest
from django.utils import timezone

from yingji.accounts import two_factor
from yingji.accounts.models import TwoFactor
from yingji.accounts.tests.factories import PASSWORD
from yingji.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def _enrol(user) -> pyotp.TOTP:
    factor = two_factor.start(user)
    totp = pyotp.TOTP(factor.secret)
    # Set up with the previous step's code (one step of drift is allowed), so that the current
    # code is still unused for the sign-in under test.
    two_factor.confirm(user, totp.at(timezone.now().timestamp() - 30))
    return totp


def _password(client, user):
    return client.post("/login/", {"username": user.username, "password": PASSWORD})


def test_the_password_alone_does_not_sign_in_an_enrolled_user(client, bureau):
    totp = _enrol(bureau)
    response = _password(client, bureau)
    assert response.status_code == 302 and response["Location"] == "/login/code/"
    assert client.get("/").status_code == 302  # still signed out
    assert client.post("/login/code/", {"code": totp.now()}).status_code == 302
    assert client.get("/account/").status_code == 200


def test_a_code_is_accepted_once(client, bureau):
    totp = _enrol(bureau)
    code = totp.now()
    client.post("/login/code/")  # nothing pending: back to the password
    _password(client, bureau)
    assert client.post("/login/code/", {"code": code}).status_code == 302
    client.post("/logout/")
    _password(client, bureau)
    replay = client.post("/login/code/", {"code": code})
    assert replay.status_code == 400 and 'data-testid="code-error"' in replay.content.decode()


def test_five_wrong_codes_send_the_user_back_to_the_password_and_are_audited(client, bureau):
    _enrol(bureau)
    _password(client, bureau)
    answers = [client.post("/login/code/", {"code": "000000"}).status_code for _ in range(5)]
    assert answers == [400, 400, 400, 400, 302]
    assert client.get("/login/code/")["Location"] == "/login/"
    failures = AuditEntry.objects.filter(action="sign_in_failed", object_id=bureau.username)
    assert failures.count() == 5 and failures.first().after == {"factor": "code"}


def test_the_secret_is_encrypted_at_rest(bureau):
    _enrol(bureau)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT secret FROM accounts_twofactor")
        (stored,) = cursor.fetchone()
    assert stored != TwoFactor.objects.get().secret


def test_a_wrong_code_does_not_confirm_the_set_up(client, bureau):
    client.force_login(bureau)
    page = client.get("/account/two-factor/")
    assert 'data-testid="qr"' in page.content.decode() and "<svg" in page.content.decode()
    assert client.post("/account/two-factor/", {"code": "12345"}).status_code == 400
    assert not two_factor.enrolled(bureau)
    code = pyotp.TOTP(TwoFactor.objects.get(user=bureau).secret).now()
    assert client.post("/account/two-factor/", {"code": code}).status_code == 302
    bureau.refresh_from_db()
    assert two_factor.enrolled(bureau)


def test_required_roles_reach_only_the_set_up_until_enrolled(client, bureau, street, settings):
    settings.YINGJI_2FA_REQUIRED = True
    client.force_login(bureau)
    assert client.get("/hazards/")["Location"] == "/account/two-factor/"
    assert client.get("/account/two-factor/").status_code == 200
    client.force_login(street)  # a street office is not in YINGJI_2FA_ROLES
    assert client.get("/hazards/").status_code == 200


def test_the_api_token_needs_the_code(client, bureau, settings):
    totp = _enrol(bureau)
    ask = {"username": bureau.username, "password": PASSWORD}
    assert client.post("/api/v1/auth/token", ask, "application/json").status_code == 401
    with_code = client.post("/api/v1/auth/token", ask | {"code": totp.now()}, "application/json")
    assert with_code.status_code == 200 and with_code.json()["token"].startswith("yj_")


def test_a_required_role_gets_no_token_before_enrolling(client, bureau, settings):
    settings.YINGJI_2FA_REQUIRED = True
    ask = {"username": bureau.username, "password": PASSWORD}
    assert client.post("/api/v1/auth/token", ask, "application/json").status_code == 403


def test_a_reset_removes_the_authenticator(admin, bureau, client):
    _enrol(bureau)
    two_factor.reset(actor=admin, user=bureau)
    bureau.refresh_from_db()
    assert not two_factor.enrolled(bureau)
    assert _password(client, bureau)["Location"] != "/login/code/"


def test_the_command_resets_a_lost_authenticator(bureau):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    _enrol(bureau)
    call_command("reset_two_factor", bureau.username)
    assert not TwoFactor.objects.filter(user=bureau).exists()
    assert AuditEntry.objects.filter(action="two_factor.reset", object_id=bureau.username).count() == 1
    with pytest.raises(CommandError) as again:
        call_command("reset_two_factor", bureau.username)
    assert again.value.returncode == 2
