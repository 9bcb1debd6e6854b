"""User management in the UI: the admin and bureau users add, deactivate, reset the password
of and change the role of the users of their jurisdiction; every change audited; a bureau user
cannot reach a user outside its region (404) nor make an admin."""

import pytest
from django.test import Client

from yingji.accounts.choices import OrgKind, Role
from yingji.accounts.models import ApiToken, User
from yingji.accounts.tests.factories import token_for, user_factory, web_login
from yingji.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    assert web_login(client, user.username)
    return client


@pytest.fixture
def leader(bureau):
    return user_factory(role=Role.LEADER, org=bureau.organisation, username="leader")


def test_a_bureau_lists_the_users_of_its_jurisdiction_only(bureau, street, outsider):
    page = signed_in(bureau).get("/account/users/").content.decode()
    assert ">street<" in page and ">bureau<" in page
    assert ">outsider<" not in page


def test_a_bureau_adds_a_user_with_a_password_shown_once(bureau, street):
    response = signed_in(bureau).post(
        "/account/users/add/",
        {
            "username": "zhangsan",
            "name": "张三",
            "phone": "13800000000",
            "role": Role.STREET,
            "organisation": street.organisation.pk,
        },
    )
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    password = response.context["password"]
    added = User.objects.get(username="zhangsan")
    assert (added.name, added.phone, added.role, added.organisation) == (
        "张三",
        "13800000000",
        Role.STREET,
        street.organisation,
    )
    assert added.check_password(password) and password in response.content.decode()
    entry = AuditEntry.objects.get(object_type="accounts.user", object_id=str(added.pk))
    assert (entry.action, entry.actor) == ("create", bureau)
    assert "password" not in entry.after


def test_a_bureau_may_not_add_a_user_to_an_organisation_outside_its_region(bureau, outsider):
    response = signed_in(bureau).post(
        "/account/users/add/",
        {"username": "spy", "name": "间谍", "role": Role.BUREAU, "organisation": outsider.organisation.pk},
    )
    assert response.status_code == 200 and "error-organisation" in response.content.decode()
    assert not User.objects.filter(username="spy").exists()


def test_a_bureau_may_not_make_an_admin(bureau, street, leader):
    client = signed_in(bureau)
    page = client.get("/account/users/add/").content.decode()
    assert f'value="{Role.ADMIN}"' not in page
    client.post("/account/users/add/", {"username": "root2", "name": "根", "role": Role.ADMIN})
    assert not User.objects.filter(username="root2").exists()
    client.post(f"/account/users/{leader.pk}/role/", {"role": Role.ADMIN})
    leader.refresh_from_db()
    assert leader.role == Role.LEADER


def test_the_admin_may_add_an_admin(admin):
    signed_in(admin).post("/account/users/add/", {"username": "root2", "name": "根", "role": Role.ADMIN})
    assert User.objects.get(username="root2").role == Role.ADMIN


def test_deactivating_closes_the_door_and_is_audited(bureau, leader, rf):
    token_for(leader, rf)
    client = signed_in(bureau)
    assert client.post(f"/account/users/{leader.pk}/active/", {"active": "0"}).status_code == 302
    leader.refresh_from_db()
    assert not leader.is_active and not ApiToken.objects.filter(user=leader).exists()
    assert not web_login(Client(), "leader")
    assert AuditEntry.objects.filter(
        action="user.deactivate", object_id=str(leader.pk), actor=bureau
    ).exists()
    client.post(f"/account/users/{leader.pk}/active/", {"active": "1"})
    leader.refresh_from_db()
    assert leader.is_active


def test_a_reset_password_is_shown_once_and_works(bureau, leader):
    response = signed_in(bureau).post(f"/account/users/{leader.pk}/password/")
    password = response.context["password"]
    assert web_login(Client(), "leader", password)
    entry = AuditEntry.objects.get(action="user.reset_password", object_id=str(leader.pk))
    assert entry.actor == bureau and "password" not in (entry.after or {})


def test_a_lost_authenticator_is_removed_by_the_bureau_and_audited(bureau, leader):
    from yingji.accounts import two_factor
    from yingji.accounts.tests.test_two_factor import _enrol

    _enrol(leader)
    client = signed_in(bureau)
    page = client.get(f"/account/users/{leader.pk}/").content.decode()
    assert 'data-testid="reset-two-factor"' in page
    client.post(f"/account/users/{leader.pk}/two-factor/")
    leader.refresh_from_db()
    assert not two_factor.enrolled(leader)
    entry = AuditEntry.objects.get(action="two_factor.reset", object_id=leader.username)
    assert entry.actor == bureau
    # Nothing left to remove: the page offers no button, a replayed form is refused.
    assert 'data-testid="reset-two-factor"' not in client.get(f"/account/users/{leader.pk}/").content.decode()
    again = client.post(f"/account/users/{leader.pk}/two-factor/")
    assert again.status_code == 200 and 'data-testid="error"' in again.content.decode()
    assert AuditEntry.objects.filter(action="two_factor.reset").count() == 1


def test_a_manager_does_not_remove_its_own_authenticator(bureau):
    from yingji.accounts import two_factor, user_admin
    from yingji.accounts.tests.test_two_factor import _enrol
    from yingji.core.errors import ApplicationError

    _enrol(bureau)
    with pytest.raises(ApplicationError):
        user_admin.user_reset_two_factor(actor=bureau, user=bureau)
    bureau.refresh_from_db()
    assert two_factor.enrolled(bureau)


def test_a_role_changes_within_the_organisations_kind(bureau, leader, street):
    client = signed_in(bureau)
    client.post(f"/account/users/{leader.pk}/role/", {"role": Role.DUTY})
    leader.refresh_from_db()
    assert leader.role == Role.DUTY
    entry = AuditEntry.objects.get(action="user.change_role", object_id=str(leader.pk))
    assert (entry.before["role"], entry.after["role"]) == (Role.LEADER, Role.DUTY)
    response = client.post(f"/account/users/{street.pk}/role/", {"role": Role.INSPECTOR})
    assert response.status_code == 200 and 'data-testid="error"' in response.content.decode()
    street.refresh_from_db()
    assert street.role == Role.STREET and street.organisation.kind == OrgKind.STREET


def test_a_manager_does_not_change_its_own_account(bureau):
    signed_in(bureau).post(f"/account/users/{bureau.pk}/active/", {"active": "0"})
    bureau.refresh_from_db()
    assert bureau.is_active


@pytest.mark.parametrize(
    ("method", "path", "data"),
    [
        ("get", "/account/users/{pk}/", {}),
        ("post", "/account/users/{pk}/active/", {"active": "0"}),
        ("post", "/account/users/{pk}/password/", {}),
        ("post", "/account/users/{pk}/role/", {"role": Role.LEADER}),
        ("post", "/account/users/{pk}/two-factor/", {}),
    ],
)
def test_users_outside_the_region_are_not_found(bureau, outsider, method, path, data):
    before = User.objects.get(pk=outsider.pk)
    response = getattr(signed_in(bureau), method)(path.format(pk=outsider.pk), data)
    assert response.status_code == 404
    after = User.objects.get(pk=outsider.pk)
    assert (after.is_active, after.role, after.password) == (before.is_active, before.role, before.password)


@pytest.mark.parametrize("persona", ["street", "inspector", "enterprise_user"])
def test_other_roles_may_not_manage_users(request, persona, enterprises):
    user = request.getfixturevalue(persona)
    client = signed_in(user)
    assert client.get("/account/users/").status_code == 403
    assert client.get("/account/users/add/").status_code == 403
