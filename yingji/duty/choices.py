"""The duty module's codes: what a duty-log entry records (接、报、传、跟 of DOMAIN.md 6.4)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EntryKind(models.TextChoices):
    RECEIVED = "received", _("Received (接)")  # a call or report taken, with full details
    REPORTED = "reported", _("Reported (报)")  # to the leader on duty and upward
    RELAYED = "relayed", _("Relayed (传)")  # instructions passed on
    FOLLOWED = "followed", _("Followed up (跟)")  # what became of it
    OTHER = "other", _("Other")


class SwapPosition(models.TextChoices):
    LEADER = "leader", _("Leader on duty")
    OFFICER = "officer", _("Duty officer")
