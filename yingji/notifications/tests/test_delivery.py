"""Channels: in-app always, e-mail and SMS as each user chose; a failed send is kept and retried."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from yingji.notifications.delivery import deliver_pending
from yingji.notifications.models import Delivery, Notification, SmsMessage
from yingji.notifications.services import notify, set_channels

pytestmark = pytest.mark.django_db
FAILING = "yingji.notifications.channels.sms.FailingGateway"
RECORDING = "yingji.notifications.channels.sms.RecordingGateway"


@pytest.fixture
def duty(bureau):
    from yingji.accounts.choices import Role
    from yingji.accounts.tests.factories import user_factory

    user = user_factory(role=Role.DUTY, org=bureau.organisation, username="duty")
    user.phone, user.email = "13800000000", "duty@example.cn"
    user.save()
    return user


def send(kind, users, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify(kind=kind, users=users, title="较大事故：五一大道", url="/accidents/1/")


def test_by_default_in_app_only_and_sms_for_an_accident(duty, django_capture_on_commit_callbacks):
    send("hazard_assigned", [duty], django_capture_on_commit_callbacks)
    send("accident_registered", [duty], django_capture_on_commit_callbacks)
    assert Notification.objects.filter(user=duty).count() == 2
    assert list(Delivery.objects.values_list("notification__kind", "channel")) == [
        ("accident_registered", "sms")
    ]


def test_each_user_chooses_the_channels_of_a_kind(duty, settings, django_capture_on_commit_callbacks):
    settings.YINGJI_SMS_GATEWAY = RECORDING
    set_channels(user=duty, kind="accident_registered", email=True, sms=False)
    send("accident_registered", [duty], django_capture_on_commit_callbacks)
    assert deliver_pending() == 1
    assert [(m.to, m.subject) for m in mail.outbox] == [(["duty@example.cn"], "较大事故：五一大道")]
    assert SmsMessage.objects.count() == 0


def test_a_failed_sms_stays_pending_with_its_error_and_a_later_pass_sends_it_once(
    duty, settings, django_capture_on_commit_callbacks
):
    settings.YINGJI_SMS_GATEWAY = FAILING
    send("accident_registered", [duty], django_capture_on_commit_callbacks)
    now = timezone.now()
    assert deliver_pending(now) == 0
    pending = Delivery.objects.get()
    assert (pending.sent_at, pending.attempts) == (None, 1)
    assert "SMS gateway unavailable" in pending.last_error
    assert pending.next_attempt == now + datetime.timedelta(minutes=1)
    assert deliver_pending(now) == 0  # not due again before its retry time
    assert Delivery.objects.get().attempts == 1

    settings.YINGJI_SMS_GATEWAY = RECORDING
    later = now + datetime.timedelta(minutes=2)
    assert deliver_pending(later) == 1
    assert deliver_pending(later + datetime.timedelta(minutes=5)) == 0
    assert list(SmsMessage.objects.values_list("phone", "text")) == [("13800000000", "较大事故：五一大道")]
    delivered = Delivery.objects.get()
    assert (delivered.sent_at, delivered.attempts, delivered.last_error) == (later, 2, "")


def test_retries_back_off_up_to_six_hours(duty, settings, django_capture_on_commit_callbacks):
    settings.YINGJI_SMS_GATEWAY = FAILING
    send("accident_registered", [duty], django_capture_on_commit_callbacks)
    now, waits = timezone.now(), []
    for _ in range(12):
        deliver_pending(now)
        due = Delivery.objects.get().next_attempt
        waits.append(int((due - now).total_seconds() // 60))
        now = due
    assert waits == [1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360, 360]


def test_a_user_without_a_phone_keeps_the_sms_pending(bureau, settings, django_capture_on_commit_callbacks):
    settings.YINGJI_SMS_GATEWAY = RECORDING
    send("accident_registered", [bureau], django_capture_on_commit_callbacks)
    assert deliver_pending() == 0
    assert Delivery.objects.get().last_error.startswith("NoAddress")


def test_an_inactive_user_is_not_notified(duty, django_capture_on_commit_callbacks):
    duty.is_active = False
    duty.save()
    send("accident_registered", [duty], django_capture_on_commit_callbacks)
    assert Notification.objects.count() == 0
