"""Object access for views and endpoints: outside the jurisdiction is 404, a role that may
not do a thing is 403."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


def require_role(user, roles) -> None:
    if not user.is_authenticated or user.role not in roles:
        raise PermissionDenied(_("Your role may not do this."))
