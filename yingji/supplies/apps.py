from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SuppliesConfig(AppConfig):
    """Warehouses, stock of emergency supplies and their movements."""

    name = "yingji.supplies"
    label = "supplies"
    verbose_name = _("Emergency supplies")

    def ready(self):
        from yingji.supplies import permissions, todo  # noqa: F401 (registers the to-do kinds)
        from yingji.web.navigation import STAFF, NavItem, register_nav
        from yingji.web.permissions import register_action

        register_nav(NavItem(_("Emergency supplies"), "supplies:list", STAFF, order=170))
        register_action("supplies.set_up", permissions.can_set_up)
