"""Sign-in with a second factor: the password page hands an enrolled user to the code page;
the set-up page enrols an authenticator (yingji.accounts.policy sends there who must enrol)."""

from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from yingji.accounts import two_factor
from yingji.accounts.models import TwoFactor
from yingji.core.errors import ApplicationError

PENDING = "two_factor_pending"
MAX_TRIES = 5


class SignInView(auth_views.LoginView):
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if not two_factor.enrolled(user):
            return super().form_valid(form)
        # The password was right; the session is not signed in until the code is.
        self.request.session[PENDING] = {
            "user": user.pk, "backend": user.backend, "next": self.get_redirect_url(), "tries": 0,
        }  # fmt: skip
        return redirect("login-code")


def sign_in_code(request):
    pending = request.session.get(PENDING)
    if not pending:
        return redirect("login")
    error = ""
    if request.method == "POST":
        user = auth.get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
        if user is not None and two_factor.check(user, request.POST.get("code", "")):
            del request.session[PENDING]
            auth.login(request, user, backend=pending["backend"])
            return redirect(_safe_next(request, pending["next"]))
        pending["tries"] += 1
        if user is None or pending["tries"] >= MAX_TRIES:
            del request.session[PENDING]
            messages.error(request, _("Too many wrong codes: sign in again with your password."))
            return redirect("login")
        request.session[PENDING] = pending
        error = _("Wrong or already used code.")
    return render(request, "registration/login_code.html", {"error": error}, status=400 if error else 200)


def _safe_next(request, url: str) -> str:
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return reverse(settings.LOGIN_REDIRECT_URL)


@login_required
def enrol(request):
    user = request.user
    if two_factor.enrolled(user):
        return render(request, "accounts/two_factor.html", {"enrolled": True})
    if request.method == "POST" and not TwoFactor.objects.filter(user=user).exists():
        return redirect("accounts:two-factor")  # a code with no set-up begun: begin it
    factor = two_factor.start(user) if request.method == "GET" else user.two_factor
    errors = {}
    if request.method == "POST":
        try:
            two_factor.confirm(user, request.POST.get("code", ""))
        except ApplicationError as error:
            errors = error.errors
        else:
            messages.success(request, _("Two-factor sign-in is on: from now on, sign-in asks for the code."))
            return redirect("accounts:detail")
    context = {"enrolled": False, "qr": two_factor.qr_svg(factor), "secret": factor.secret, "errors": errors}
    return render(request, "accounts/two_factor.html", context, status=400 if errors else 200)
