from django.db import models
from django.utils.translation import gettext_lazy as _


class MovementKind(models.TextChoices):
    """DOMAIN.md 0.8."""

    IN = "in", _("Stock in")
    OUT = "out", _("Issue")
    TRANSFER = "transfer", _("Transfer")
    SCRAP = "scrap", _("Scrap")


class SupplyCategory(models.TextChoices):
    FLOOD = "flood", _("Flood control")
    FIRE = "fire", _("Fire fighting")
    RESCUE = "rescue", _("Rescue")
    RELIEF = "relief", _("Living relief")
    POWER = "power", _("Power and lighting")


class WarehouseKind(models.TextChoices):
    DEPOT = "depot", _("Reserve depot")
    POINT = "point", _("Reserve point")


# Days before expiry when a batch enters the manager's to-do.
EXPIRY_WARNING_DAYS = 30
