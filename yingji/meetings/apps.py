from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    """Committee meetings with their decisions, and interviews (约谈)."""

    name = "yingji.meetings"
    label = "meetings"
    verbose_name = _("Meetings and interviews")

    def ready(self):
        from yingji.tasks.permissions import READERS
        from yingji.web.navigation import NavItem, register_nav

        register_nav(NavItem(_("Meetings and interviews"), "meetings:list", READERS, order=187))
