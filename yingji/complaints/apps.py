from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    """投诉举报: complaints from the public, their verification and rewards."""

    name = "yingji.complaints"
    label = "complaints"
    verbose_name = _("Complaints")

    def ready(self):
        from yingji.complaints import permissions, services, todo  # noqa: F401 (registers kinds)
        from yingji.web.navigation import NavItem, register_nav
        from yingji.web.permissions import register_action

        register_nav(NavItem(_("Complaints"), "complaints:list", frozenset(NAV_ROLES), order=190))
        register_action("complaints.handle", permissions.can_handle)


NAV_ROLES = {"admin", "bureau", "inspector", "department", "street", "leader", "duty"}
