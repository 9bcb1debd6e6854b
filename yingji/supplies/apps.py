from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SuppliesConfig(AppConfig):
    """Warehouses, stock of emergency supplies and their movements."""

    name = "yingji.supplies"
    label = "supplies"
    verbose_name = _("Emergency supplies")
