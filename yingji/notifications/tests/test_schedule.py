"""The worker sends the outbox every minute and runs the reminder pass daily at 08:00."""

import datetime

import pytest
from django.utils import timezone

from yingji.jobs.models import PeriodicRun
from yingji.jobs.schedule import registered, run_due
from yingji.notifications.models import Delivery, SmsMessage
from yingji.notifications.services import send_now

pytestmark = pytest.mark.django_db


def test_the_schedule_holds_delivery_and_reminders():
    entries = {e.name: e for e in registered()}
    assert entries["notifications.deliver"].every == datetime.timedelta(minutes=1)
    assert entries["notifications.remind"].daily_at == datetime.time(8, 0)


def test_a_worker_pass_sends_what_is_waiting(bureau, settings):
    settings.YINGJI_SMS_GATEWAY = "yingji.notifications.channels.sms.RecordingGateway"
    bureau.phone = "13900000000"
    bureau.save()
    send_now(kind="accident_registered", user_ids=[bureau.pk], title="较大事故")
    assert "notifications.deliver" in run_due(timezone.now())
    assert Delivery.objects.get().sent_at is not None
    assert SmsMessage.objects.count() == 1
    assert not PeriodicRun.objects.exclude(error="").exists()
