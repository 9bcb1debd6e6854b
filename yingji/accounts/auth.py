"""Bearer-token authentication for the API."""

from ninja.security import HttpBearer

from yingji.accounts.tokens import token_for_key


class BearerAuth(HttpBearer):
    def authenticate(self, request, token: str):
        api_token = token_for_key(token)
        if api_token is None:
            return None
        request.user = api_token.user
        request.api_token = api_token  # the token this call carries, for DELETE /auth/token
        return api_token.user
