from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def lockout_response(request, *args, **kwargs):
    """Axes' answer to a locked-out login: JSON for the API, the lockout page for people."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Too many failed attempts; try again later.")}, status=429)
    return render(request, "registration/locked_out.html", status=429)
