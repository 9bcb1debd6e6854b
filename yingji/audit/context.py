"""The client address of the request being served, for audit entries written deep in services."""

from contextvars import ContextVar

from django.conf import settings

client_ip: ContextVar[str | None] = ContextVar("client_ip", default=None)


def request_ip(request) -> str | None:
    header = getattr(settings, "YINGJI_CLIENT_IP_HEADER", None)
    value = request.META.get(header) if header else None
    return (value or request.META.get("REMOTE_ADDR") or "").split(",")[0].strip() or None


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = client_ip.set(request_ip(request))
        try:
            return self.get_response(request)
        finally:
            client_ip.reset(token)
