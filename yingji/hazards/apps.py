from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class HazardsConfig(AppConfig):
    name = "yingji.hazards"
    label = "hazards"
    verbose_name = _("Hidden hazards")

    def ready(self):
        from yingji.hazards import rollup, todo  # noqa: F401 (registers the to-do kinds)

        post_migrate.connect(rollup.keep_triggers, sender=self)
