"""The enforcement plan's entry in the navigation and its page permission."""

from django.utils.translation import gettext_lazy as _


def register() -> None:
    from yingji.inspections.planning_services import can_plan
    from yingji.web.navigation import STAFF, NavItem, register_nav
    from yingji.web.permissions import register_action

    register_nav(NavItem(_("Enforcement plan"), "inspections:planning", STAFF, order=115))
    register_action("inspections.plan", can_plan)
