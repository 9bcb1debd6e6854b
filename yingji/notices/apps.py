from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    """通报 of the committee office, numbered per year."""

    name = "yingji.notices"
    label = "notices"
    verbose_name = _("Notices")

    def ready(self):
        from yingji.tasks.permissions import READERS
        from yingji.web.navigation import NavItem, register_nav

        register_nav(NavItem(_("Notices"), "notices:list", READERS, order=189))
