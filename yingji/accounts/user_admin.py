"""Managing the accounts of a jurisdiction: the admin manages every account, a bureau user
those of the organisations in its region. Each change is audited; a password set here is
random, returned once for the manager to hand over, and never logged.

Outside the manager's jurisdiction a user is not found (404), as any record is; a bureau user
never grants the administrator's role, nor changes or deactivates itself (it would lock its
own way back out).
"""

import secrets

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from yingji.accounts import services, tokens, two_factor
from yingji.accounts.choices import ROLE_ORG_KIND, Role
from yingji.accounts.models import Organisation, User
from yingji.audit.services import audit_action, snapshot
from yingji.core.errors import ApplicationError
from yingji.regions.scoping import get_for_user

MANAGERS = frozenset({Role.ADMIN, Role.BUREAU})
READABLE_CHARACTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"  # no 0/O, 1/l/I


def require_manager(actor) -> None:
    if not actor.is_authenticated or actor.role not in MANAGERS:
        raise PermissionDenied(_("Your role may not manage users."))


def grantable_roles(actor) -> list[tuple[str, str]]:
    """The roles the actor may give: every one for the admin, all but admin for a bureau."""
    return [(code, label) for code, label in Role.choices if actor.role == Role.ADMIN or code != Role.ADMIN]


def managed_users(actor):
    require_manager(actor)
    return User.objects.for_user(actor).select_related("organisation__region")


def managed_user(actor, pk: int) -> User:
    """A user the actor manages; 404 outside its jurisdiction."""
    require_manager(actor)
    return get_for_user(User.objects.select_related("organisation"), actor, pk=pk)


def organisations(actor):
    require_manager(actor)
    return Organisation.objects.for_user(actor).select_related("region")


def new_password() -> str:
    return "".join(secrets.choice(READABLE_CHARACTERS) for _i in range(12))


def _fail(field: str, message: str) -> ApplicationError:
    return ApplicationError(message, errors={field: [message]})


def _check_role(actor, role: str) -> None:
    if role not in dict(grantable_roles(actor)):
        raise _fail("role", _("You may not give the role %(role)s.") % {"role": role})


def _not_self(actor, user: User) -> None:
    if user.pk == actor.pk:
        raise _fail("non_field_errors", _("You may not change your own account here."))


@transaction.atomic
def user_add(
    *, actor, username: str, role: str, organisation_id, name: str, phone: str = ""
) -> tuple[User, str]:
    """A new account in an organisation of the actor's jurisdiction, with a random password
    returned once."""
    require_manager(actor)
    _check_role(actor, role)
    organisation = None
    if role != Role.ADMIN:
        organisation = organisations(actor).filter(pk=organisation_id or None).first()
        if organisation is None:
            raise _fail("organisation", _("Choose an organisation of your jurisdiction."))
    if not name.strip():
        raise _fail("name", _("Enter the person's name."))
    password = new_password()
    user = services.user_create(
        actor=actor,
        username=username.strip(),
        role=role,
        organisation=organisation,
        password=password,
        name=name.strip(),
        phone=phone.strip(),
    )
    return user, password


@transaction.atomic
def user_set_active(*, actor, user: User, active: bool) -> User:
    """Deactivating keeps the account (its records name it) but closes the door: no login,
    every API token revoked."""
    _not_self(actor, user)
    before = snapshot(user)
    user.is_active = active
    user.save(update_fields=["is_active"])
    if not active:
        tokens.tokens_revoke_all(actor=actor, user=user, reason="account deactivated")
    audit_action(
        actor=actor, obj=user, action="user.activate" if active else "user.deactivate", before=before
    )
    return user


@transaction.atomic
def user_reset_password(*, actor, user: User) -> str:
    """A new random password, returned once; the log records that it changed, never the value."""
    _not_self(actor, user)
    password = new_password()
    validate_password(password, user)
    before = snapshot(user)
    user.set_password(password)
    user.save(update_fields=["password"])
    audit_action(actor=actor, obj=user, action="user.reset_password", before=before)
    return password


@transaction.atomic
def user_reset_two_factor(*, actor, user: User) -> None:
    """Remove the user's authenticator (a lost or changed phone): they enrol a new one at their
    next sign-in. The reset is audited (two_factor.reset)."""
    _not_self(actor, user)
    if not two_factor.enrolled(user):
        raise _fail("non_field_errors", _("This user has no authenticator to remove."))
    two_factor.reset(actor=actor, user=user)


@transaction.atomic
def user_change_role(*, actor, user: User, role: str) -> User:
    """A new role within the same organisation (bureau staff, inspector, leader and duty officer
    all belong to a bureau); a role of another kind of organisation is refused."""
    _not_self(actor, user)
    _check_role(actor, role)
    if role == Role.ADMIN or user.role == Role.ADMIN:
        raise _fail("role", _("The administrator's role is given and taken on the command line only."))
    if ROLE_ORG_KIND[role] != user.organisation.kind:
        raise _fail(
            "role",
            _("A %(role)s belongs to another kind of organisation than %(organisation)s.")
            % {"role": Role(role).label, "organisation": user.organisation},
        )
    before = snapshot(user)
    user.role = role
    user.save(update_fields=["role"])
    audit_action(actor=actor, obj=user, action="user.change_role", before=before)
    return user
