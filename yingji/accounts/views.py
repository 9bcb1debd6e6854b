"""The user's own page: who they are, their API tokens (revoke one or all), their password."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yingji.accounts import tokens
from yingji.accounts.choices import Role
from yingji.accounts.models import ApiToken
from yingji.audit.services import audit_record

OWNER_REVOKED = "revoked by its owner"


@login_required
def account(request):
    return render(
        request,
        "accounts/account.html",
        {
            "role_label": Role(request.user.role).label if request.user.role else "",
            "tokens": ApiToken.objects.filter(user=request.user),
            "now": timezone.now(),
        },
    )


@login_required
@require_POST
def token_revoke(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)  # another user's token: 404
    tokens.token_revoke(actor=request.user, token=token, reason=OWNER_REVOKED)
    messages.success(request, _("Token %(prefix)s… revoked.") % {"prefix": token.prefix})
    return redirect("accounts:detail")


@login_required
@require_POST
def tokens_revoke_all(request):
    count = tokens.tokens_revoke_all(actor=request.user, user=request.user, reason=OWNER_REVOKED)
    messages.success(request, _("Tokens revoked: %(count)d.") % {"count": count})
    return redirect("accounts:detail")


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's password change (old password, new one twice, the password validators); saving
    the new password revokes every API token (User.save)."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:detail")

    def form_valid(self, form):
        with transaction.atomic():  # the password, the revoked tokens and the audit together
            response = super().form_valid(form)
            audit_record(actor=form.user, action="change_password", obj=form.user, before=None, after=None)
        messages.success(self.request, _("Password changed. Your API tokens were revoked."))
        return response
