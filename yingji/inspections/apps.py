from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class InspectionsConfig(AppConfig):
    name = "yingji.inspections"
    label = "inspections"
    verbose_name = _("Inspections")

    def ready(self):
        from yingji.inspections import planning_nav, rollup

        planning_nav.register()
        post_migrate.connect(rollup.keep_triggers, sender=self)
