"""等保 2.0 level 3 安全审计: sign-in, sign-out, a failed sign-in, a lockout, a refusal and every
file handed out are in the audit log, with the user's region so the bureau sees its own."""

import pytest

from yingji.accounts.tests.factories import web_login
from yingji.audit.chain import verify
from yingji.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def _events(action):
    return list(AuditEntry.objects.filter(object_type="security", action=action))


def test_signing_in_and_out_is_audited_with_the_users_region(client, bureau):
    web_login(client, bureau.username)
    client.post("/logout/")
    (signed_in,) = _events("sign_in")
    assert (signed_in.actor_id, signed_in.region_code) == (bureau.pk, bureau.organisation.region_id)
    assert len(_events("sign_out")) == 1


def test_a_failed_sign_in_names_the_attempted_user_never_the_password(client, bureau):
    client.post("/login/", {"username": bureau.username, "password": "wrong-Secret-9"})
    (failed,) = _events("sign_in_failed")
    assert failed.actor_id is None and failed.object_id == bureau.username
    assert failed.region_code == bureau.organisation.region_id
    assert "wrong-Secret-9" not in str(failed.after) + failed.object_repr


def test_a_lockout_is_audited(client, bureau, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/login/", {"username": bureau.username, "password": "wrong"})
    assert len(_events("locked_out")) == 1


def test_every_download_is_audited(client, bureau):
    web_login(client, bureau.username)
    response = client.get("/enterprises/export/", {"format": "csv"})
    assert response.status_code == 200
    (download,) = _events("download")
    assert download.actor_id == bureau.pk and "/enterprises/export/" in download.after["path"]
    assert verify().intact
