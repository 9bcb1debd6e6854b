from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    """考核: scoring schemes, automatic and manual items, ranking."""

    name = "yingji.assessments"
    label = "assessments"
    verbose_name = _("Assessment")

    def ready(self):
        from yingji.tasks.permissions import READERS
        from yingji.web.navigation import NavItem, register_nav

        register_nav(NavItem(_("Assessment"), "assessments:list", READERS, order=188))
