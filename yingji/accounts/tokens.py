"""API tokens: issued for a username and password, revoked by their owner, and revoked all
at once when the password changes or the user is deactivated (see User.save)."""

import datetime
import secrets

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.accounts import two_factor
from yingji.accounts.models import ApiToken, hash_token
from yingji.audit.services import audit_record, snapshot
from yingji.core.errors import ApplicationError


class TokenRefused(ApplicationError):
    pass


def token_issue(*, request, username: str, password: str, code: str = "") -> str:
    """Exchange a username and password for a new bearer token. Failed attempts count
    towards the same lockout as the login page (not atomic: a refusal must keep the failure
    that axes recorded)."""
    user = authenticate(request, username=username, password=password)
    if getattr(request, "axes_locked_out", False):
        raise TokenRefused(_("Too many failed attempts; try again later."), status=429)
    if user is None:
        raise TokenRefused(_("Wrong username or password."), status=401)
    if two_factor.must_enrol(user):
        raise TokenRefused(_("Turn on two-factor sign-in in the browser first."), status=403)
    if two_factor.enrolled(user) and not two_factor.check(user, code):
        raise TokenRefused(_("A valid code of the authenticator app is needed."), status=401)
    # Like a login, issuing a token is not written to the audit log; revoking one is.
    key = "yj_" + secrets.token_urlsafe(32)
    ApiToken.objects.create(
        user=user,
        key_hash=hash_token(key),
        prefix=key[:10],
        expires_at=timezone.now() + datetime.timedelta(days=settings.API_TOKEN_DAYS),
    )
    return key


def token_for_key(key: str) -> ApiToken | None:
    """The live token with this key, its last use noted; None for an unknown, expired or revoked one."""
    token = ApiToken.objects.select_related("user__organisation").filter(key_hash=hash_token(key)).first()
    if token is None or not token.is_valid():
        return None
    now = timezone.now()
    # Touch at most once a minute: a token used by a busy client must not write on every call.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def _revoke(*, actor, token: ApiToken, reason: str) -> None:
    audit_record(actor=actor, action="revoke", obj=token, before=snapshot(token), after={"reason": reason})
    token.delete()


@transaction.atomic
def token_revoke(*, actor, token: ApiToken, reason: str = "revoked by its owner") -> None:
    """A revoked token is deleted: the next request that carries it is refused."""
    _revoke(actor=actor, token=token, reason=reason)


@transaction.atomic
def tokens_revoke_all(*, actor, user, reason: str) -> int:
    tokens = list(ApiToken.objects.filter(user=user).select_related("user__organisation"))
    for token in tokens:
        _revoke(actor=actor, token=token, reason=reason)
    return len(tokens)
