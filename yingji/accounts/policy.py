"""The sign-in policies a signed-in user must meet before reaching anything else: an
authenticator enrolled where the role requires one (two_factor), and a password younger than
YINGJI_PASSWORD_MAX_DAYS (等保 level 3: passwords changed periodically; 0: never; production 90)."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from yingji.accounts import two_factor

# What stays reachable: the pages that meet the policies, signing out, static files, the API
# (its token needs the code already, and an expired password keeps no browser session).
ALLOWED = ("/account/two-factor/", "/account/password/", "/logout/", "/login/", "/static/", "/i18n/", "/api/")


class SignInPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or request.path.startswith(ALLOWED):
            return self.get_response(request)
        if settings.YINGJI_2FA_REQUIRED and two_factor.must_enrol(user):
            return redirect("accounts:two-factor")
        if user.password_expired(settings.YINGJI_PASSWORD_MAX_DAYS):
            messages.warning(request, _("Your password is older than the policy allows: choose a new one."))
            return redirect("accounts:password")
        return self.get_response(request)
