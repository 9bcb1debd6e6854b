from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PreparednessConfig(AppConfig):
    """Rescue teams, experts, information officers, contingency plans, drills."""

    name = "yingji.preparedness"
    label = "preparedness"
    verbose_name = _("Preparedness")

    def ready(self):
        from yingji.preparedness import permissions, todo  # noqa: F401 (registers the to-do kind)
        from yingji.web.dashboard import register_card
        from yingji.web.navigation import STAFF, NavItem, register_nav
        from yingji.web.permissions import register_action

        register_nav(NavItem(_("Preparedness"), "preparedness:list", STAFF, order=160))
        register_action("preparedness.keep", permissions.can_keep)
        register_action("preparedness.plan", permissions.can_plan)
        register_card("drills.count")
