import datetime

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    """投诉举报: complaints from the public, their verification and rewards."""

    name = "yingji.complaints"
    label = "complaints"
    verbose_name = _("Complaints")

    def ready(self):
        from yingji.complaints import permissions, reminders, services, todo  # noqa: F401 (registers kinds)
        from yingji.jobs.schedule import register_periodic
        from yingji.web.navigation import NavItem, register_nav
        from yingji.web.permissions import register_action

        register_nav(NavItem(_("Complaints"), "complaints:list", frozenset(NAV_ROLES), order=190))
        register_action("complaints.handle", permissions.can_handle)
        register_periodic("complaint-reminders", reminders.remind, daily_at=datetime.time(7, 10))


NAV_ROLES = {"admin", "bureau", "inspector", "department", "street", "leader", "duty"}
