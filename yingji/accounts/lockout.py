"""Login lockout (django-axes), for the login page and POST /api/v1/auth/token alike.

Two limits over the cool-off window: YINGJI_LOGIN_FAILURE_LIMIT failures for one username from
one address lock that pair only (an attacker elsewhere cannot lock a user out from everywhere),
and YINGJI_LOGIN_ADDRESS_FAILURE_LIMIT failures from one address, whatever the usernames, lock
that address (password spraying). The address is the client's behind trusted proxies.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


class LoginLockoutHandler(AxesDatabaseHandler):
    """Axes' database handler with a second, per-address limit. Axes counts and resets by
    AXES_LOCKOUT_PARAMETERS, the (username, address) pair: a success clears only its own pair,
    so logging in to one's own account does not wipe the address's failures against others."""

    def get_failures(self, request, credentials=None) -> int:
        address = request.axes_ip_address
        username = get_client_username(request, credentials)
        pair = _recent_failures(request, ip_address=address, username=username)
        if _recent_failures(request, ip_address=address) >= settings.YINGJI_LOGIN_ADDRESS_FAILURE_LIMIT:
            # Axes compares one number with one limit: a locked address reads as a locked pair.
            return max(pair, get_failure_limit(request, credentials))
        return pair


def _recent_failures(request, **filters) -> int:
    attempts = AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request), **filters)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def lockout_response(request, *args, **kwargs):
    """Axes' answer to a locked-out login: JSON for the API, the lockout page for people; both
    429 with Retry-After (each failure while locked starts the cool-off again)."""
    retry_after = int(get_cool_off(request).total_seconds())
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": _("Too many failed attempts; try again later.")}, status=429)
    else:
        minutes = max(1, round(retry_after / 60))
        response = render(request, "registration/locked_out.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(retry_after)
    return response
