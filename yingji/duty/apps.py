from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DutyConfig(AppConfig):
    """Duty roster, leader on duty, duty log and hand-over."""

    name = "yingji.duty"
    label = "duty"
    verbose_name = _("Duty")

    def ready(self):
        from yingji.duty import permissions, todo  # noqa: F401 (registers the to-do kinds)
        from yingji.web.navigation import NavItem, register_nav
        from yingji.web.permissions import register_action

        register_nav(NavItem(_("Duty desk"), "duty:desk", permissions.READERS, order=138))
        register_action("duty.write_roster", permissions.can_write_roster)
        register_action("duty.write_log", permissions.can_write_log)
