from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionsConfig(AppConfig):
    name = "yingji.inspections"
    label = "inspections"
    verbose_name = _("Inspections")

    def ready(self):
        from yingji.inspections import planning_nav

        planning_nav.register()
