from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmergencyConfig(AppConfig):
    """Events and information reports, response activation, evacuation, special groups, shelters."""

    name = "yingji.emergency"
    label = "emergency"
    verbose_name = _("Emergency response")
