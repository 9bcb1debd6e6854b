from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from yingji.accounts.choices import Role
from yingji.web.dashboard import dashboard_context
from yingji.web.landing import landing_context

DASHBOARD_ROLES = {Role.BUREAU, Role.LEADER}


@login_required
def home(request):
    context = landing_context(request.user)
    if request.user.role in DASHBOARD_ROLES:
        context |= dashboard_context(request.user, timezone.localdate())
    return render(request, "web/home.html", context)
