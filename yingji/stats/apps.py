from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    name = "yingji.stats"
    label = "stats"
    verbose_name = _("Statistics")

    def ready(self):
        # Each module's indicators register themselves in the one catalog.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("indicators")
