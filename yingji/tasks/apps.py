from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TasksConfig(AppConfig):
    """Responsibility lists and task lists of the committee's member units."""

    name = "yingji.tasks"
    label = "tasks"
    verbose_name = _("Responsibilities and tasks")

    def ready(self):
        from yingji.tasks import permissions, todo  # noqa: F401 (registers the to-do kinds)
        from yingji.web.navigation import NavItem, register_nav

        register_nav(NavItem(_("Responsibilities and tasks"), "tasks:list", permissions.READERS, order=186))
