from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccidentsConfig(AppConfig):
    name = "yingji.accidents"
    label = "accidents"
    verbose_name = _("Accidents")

    def ready(self):
        from yingji.accidents import todo  # noqa: F401 (registers the to-do kinds)
