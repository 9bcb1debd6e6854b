"""Complaint codes (DOMAIN.md 0.8) and the workflow's states and actions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    HOTLINE_12350 = "hotline_12350", _("12350 hotline")
    WEB = "web", _("Web form")
    LETTER = "letter", _("Letter")
    VISIT = "visit", _("Visit")
    TRANSFER = "transfer", _("Transferred by another authority")


class Verification(models.TextChoices):
    TRUE = "true", _("True")
    PARTLY_TRUE = "partly_true", _("Partly true")
    FALSE = "false", _("Not true")


# 查实: what the summary counts as found true.
FOUND_TRUE = (Verification.TRUE, Verification.PARTLY_TRUE)


class Status(models.TextChoices):
    RECEIVED = "received", _("Awaiting assignment")
    ASSIGNED = "assigned", _("Being verified")
    VERIFIED = "verified", _("Verified")
    CLOSED = "closed", _("Concluded")


class Action(models.TextChoices):
    ASSIGN = "assign", _("Assign")
    VERIFY = "verify", _("Record the verification")
    CLOSE = "close", _("Close")
    REWARD = "reward", _("Decide a reward")
    PAY_REWARD = "pay_reward", _("Record the reward paid")
    NOTIFY_REPORTER = "notify_reporter", _("Record the reporter told")


class NotifiedHow(models.TextChoices):
    PHONE = "phone", _("By phone")
    SMS = "sms", _("By SMS")
    LETTER = "letter", _("By letter")
    IN_PERSON = "in_person", _("In person")
    RECEIPT = "receipt", _("Through the receipt lookup")


# The states each action may start from; reward, pay_reward and notify_reporter also check
# the record itself (a reward only for a complaint found true, paid only once decided…).
TRANSITIONS = {
    Action.ASSIGN: {Status.RECEIVED, Status.ASSIGNED},
    Action.VERIFY: {Status.ASSIGNED},
    Action.CLOSE: {Status.VERIFIED},
    Action.REWARD: {Status.VERIFIED, Status.CLOSED},
    Action.PAY_REWARD: {Status.VERIFIED, Status.CLOSED},
    Action.NOTIFY_REPORTER: {Status.VERIFIED, Status.CLOSED},
}
OPEN = (Status.RECEIVED, Status.ASSIGNED, Status.VERIFIED)
