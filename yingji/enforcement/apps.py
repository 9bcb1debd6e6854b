import datetime

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnforcementConfig(AppConfig):
    """Enforcement cases, documents, penalties, deadlines."""

    name = "yingji.enforcement"
    label = "enforcement"
    verbose_name = _("Enforcement")

    def ready(self):
        from yingji.enforcement import permissions, reminders, todo  # noqa: F401 (registers the to-do kinds)
        from yingji.jobs.schedule import register_periodic
        from yingji.web.dashboard import register_card
        from yingji.web.navigation import NavItem, register_nav
        from yingji.web.permissions import register_action

        register_nav(NavItem(_("Enforcement"), "enforcement:list", frozenset(NAV_ROLES), order=110))
        register_action("enforcement.file", permissions.can_file)
        register_card("cases.filed", "cases.closed")
        register_periodic("enforcement-reminders", reminders.remind, daily_at=datetime.time(7, 5))


NAV_ROLES = {"admin", "bureau", "inspector", "department", "street", "leader"}
