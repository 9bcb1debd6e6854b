"""Notifications to one user each, how each is delivered (the outbox), each user's channel
choices, the messages the test SMS gateway recorded, and the reminders already sent."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """An in-app message to one user: each reads it, or not, on their own."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("kind"), max_length=48)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("message"), blank=True)
    url = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["user", "read_at"], name="notification_user_unread")]

    def __str__(self) -> str:
        return self.title


class ChannelPreference(models.Model):
    """The channels a user wants, besides in-app, for one kind of notification."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=48)
    email = models.BooleanField(_("e-mail"), default=False)
    sms = models.BooleanField(_("SMS"), default=False)

    class Meta:
        verbose_name = _("notification channel preference")
        verbose_name_plural = _("notification channel preferences")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="channel_preference_unique")]

    def __str__(self) -> str:
        return f"{self.user} {self.kind}"


class Delivery(models.Model):
    """The outbox: one row per notification and outside channel, kept until it is sent."""

    notification = models.ForeignKey(Notification, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField(_("channel"), max_length=16)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["next_attempt", "id"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["notification", "channel"], name="delivery_unique_channel")
        ]
        indexes = [models.Index(fields=["sent_at", "next_attempt"], name="delivery_due")]

    def __str__(self) -> str:
        return f"{self.channel} #{self.notification_id}"


class SmsMessage(models.Model):
    """A text the recording (test) SMS gateway was asked to send."""

    phone = models.CharField(max_length=20)
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.phone


class Reminder(models.Model):
    """A deadline reminder sent: one per kind, object, user and day, whatever reruns the pass."""

    kind = models.CharField(max_length=48)
    object_id = models.CharField(max_length=40)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id", "user", "day"], name="reminder_once_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} {self.day}"
