"""The outbox pass: send each due delivery, and keep what fails, with its error, for a later
try. Nothing is dropped: a row leaves the queue only when its channel has sent it."""

import datetime
import logging

from django.db import transaction
from django.utils import timezone

from yingji.notifications.channels import CHANNELS
from yingji.notifications.models import Delivery

logger = logging.getLogger(__name__)
FIRST_RETRY = datetime.timedelta(minutes=1)
LONGEST_WAIT = datetime.timedelta(hours=6)
BATCH = 500


def backoff(attempts: int) -> datetime.timedelta:
    """1, 2, 4, 8… minutes after each failure, at most six hours."""
    return min(FIRST_RETRY * 2 ** max(attempts - 1, 0), LONGEST_WAIT)


def deliver_pending(now: datetime.datetime | None = None) -> int:
    """Send the deliveries due by `now`; returns how many were sent."""
    now = now or timezone.now()
    due = Delivery.objects.filter(sent_at__isnull=True, next_attempt__lte=now).values_list("pk", flat=True)
    return sum(_deliver(pk, now) for pk in list(due[:BATCH]))


@transaction.atomic
def _deliver(pk: int, now: datetime.datetime) -> bool:
    # Locked and skipped if another worker holds it, so no message goes out twice.
    delivery = (
        Delivery.objects.select_for_update(skip_locked=True)
        .select_related("notification__user")
        .filter(pk=pk, sent_at__isnull=True)
        .first()
    )
    if delivery is None:
        return False
    delivery.attempts += 1
    try:
        CHANNELS[delivery.channel].send(delivery.notification)
    except Exception as error:  # any failure of a gateway or mail server: keep it, retry later
        delivery.last_error = f"{type(error).__name__}: {error}"[:1000]
        delivery.next_attempt = now + backoff(delivery.attempts)
        logger.warning("delivery %s by %s failed: %s", pk, delivery.channel, delivery.last_error)
    else:
        delivery.sent_at, delivery.last_error = now, ""
    delivery.save(update_fields=["attempts", "last_error", "next_attempt", "sent_at"])
    return delivery.sent_at is not None
