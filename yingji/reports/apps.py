from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "yingji.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self):
        # Each module's work paragraphs and problem finders register themselves.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("report_parts")
