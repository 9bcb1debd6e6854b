"""Bearer-token authentication for the API."""

from django.utils import timezone
from ninja.security import HttpBearer

from yingji.accounts.models import ApiToken, hash_token


def user_for_token(key: str):
    token = ApiToken.objects.select_related("user__organisation").filter(key_hash=hash_token(key)).first()
    if token is None or not token.is_valid():
        return None
    now = timezone.now()
    # Touch at most once a minute: a token used by a busy client must not write on every call.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


class BearerAuth(HttpBearer):
    def authenticate(self, request, token: str):
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user
