"""Password expiry (等保 level 3: passwords changed periodically): after YINGJI_PASSWORD_MAX_DAYS
(0: never; production: 90) a signed-in user reaches only the password page until the password
is changed."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

ALLOWED = ("/account/password/", "/logout/", "/static/", "/i18n/", "/login/")


class PasswordExpiryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            settings.YINGJI_PASSWORD_MAX_DAYS
            and user is not None
            and user.is_authenticated
            and not request.path.startswith(ALLOWED)
            and not request.path.startswith("/api/")
            and user.password_expired(settings.YINGJI_PASSWORD_MAX_DAYS)
        ):
            messages.warning(request, _("Your password is older than the policy allows: choose a new one."))
            return redirect("accounts:password")
        return self.get_response(request)
