from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WarningsConfig(AppConfig):
    """Warnings and 叫应, the contacts register of responsible persons."""

    name = "yingji.warnings"
    label = "warnings"
    verbose_name = _("Warnings")
