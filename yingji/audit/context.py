"""The client address of the request being served, for audit entries written deep in services."""

from contextvars import ContextVar

from yingji.accounts.client_address import client_address

client_ip: ContextVar[str | None] = ContextVar("client_ip", default=None)


def request_ip(request) -> str | None:
    # The same address the login lockout counts: behind a trusted proxy, the client's own.
    return client_address(request)


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = client_ip.set(request_ip(request))
        try:
            return self.get_response(request)
        finally:
            client_ip.reset(token)
