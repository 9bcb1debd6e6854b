from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PreparednessConfig(AppConfig):
    """Rescue teams, experts, information officers, contingency plans, drills."""

    name = "yingji.preparedness"
    label = "preparedness"
    verbose_name = _("Preparedness")
