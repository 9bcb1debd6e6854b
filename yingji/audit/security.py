"""Security events in the audit log (等保 2.0 level 3, 安全审计): sign-in, sign-out, failed
sign-in, lockout, refused access (403) and every download of a file (exports, reports,
documents). Each entry carries the user's region, so a bureau sees its own users' events."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from yingji.audit.services import audit_event

SECURITY = "security"


def _region(user) -> str:
    organisation = getattr(user, "organisation", None)
    return organisation.region_id if organisation else ""


def _known(username: str):
    return get_user_model().objects.select_related("organisation").filter(username=username).first()


def _event(action: str, user=None, username: str = "", after: dict | None = None) -> None:
    audit_event(
        actor=user, action=action, object_type=SECURITY, object_id=username or getattr(user, "username", ""),
        object_repr=username or getattr(user, "username", ""), region_code=_region(user) if user else "",
        after=after,
    )  # fmt: skip


@receiver(user_logged_in, dispatch_uid="audit_sign_in")
def signed_in(sender, request, user, **kwargs):
    _event("sign_in", user)


@receiver(user_logged_out, dispatch_uid="audit_sign_out")
def signed_out(sender, request, user, **kwargs):
    if user is not None:
        _event("sign_out", user)


@receiver(user_login_failed, dispatch_uid="audit_sign_in_failed")
def sign_in_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:150]
    known = _known(username)
    # The attempted name is kept, never the password; the region is the named user's, if any.
    audit_event(
        actor=None, action="sign_in_failed", object_type=SECURITY, object_id=username, object_repr=username,
        region_code=_region(known) if known else "",
    )  # fmt: skip


def locked_out(sender, request, username, ip_address, **kwargs):
    known = _known(str(username or ""))
    audit_event(
        actor=None, action="locked_out", object_type=SECURITY, object_id=str(username or ""),
        object_repr=str(username or ""), region_code=_region(known) if known else "",
        after={"ip": ip_address},
    )  # fmt: skip


class SecurityAuditMiddleware:
    """Audits what the views alone cannot see in one place: every file handed out, and every
    refusal of an authenticated user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "auth", None) or getattr(request, "user", None)
        if user is None or not getattr(user, "is_authenticated", False):
            return response
        disposition = response.get("Content-Disposition", "")
        if response.status_code == 200 and disposition.startswith("attachment"):
            _event("download", user, after={"path": request.get_full_path()[:500], "file": disposition[:300]})
        elif response.status_code == 403:
            _event("denied", user, after={"path": request.get_full_path()[:500], "method": request.method})
        return response
