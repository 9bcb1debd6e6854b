from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DutyConfig(AppConfig):
    """Duty roster, leader on duty, duty log and hand-over."""

    name = "yingji.duty"
    label = "duty"
    verbose_name = _("Duty")
