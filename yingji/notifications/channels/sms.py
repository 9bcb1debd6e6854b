"""SMS through a gateway the bureau plugs in by setting: YINGJI_SMS_GATEWAY names a class
with `send(phone, text)` that raises when the text was not accepted."""

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from yingji.notifications.channels.base import Channel, NoAddress

MAX_LENGTH = 300  # a long SMS is split by the network; keep to a few parts


class SmsChannel(Channel):
    name = "sms"

    def send(self, notification) -> None:
        phone = notification.user.phone
        if not phone:
            raise NoAddress(_("The user has no phone number."))
        gateway().send(phone, notification.title[:MAX_LENGTH])


def gateway():
    return import_string(settings.YINGJI_SMS_GATEWAY)()


class RecordingGateway:
    """The test gateway: records each message in the database instead of sending it."""

    def send(self, phone: str, text: str) -> None:
        from yingji.notifications.models import SmsMessage

        SmsMessage.objects.create(phone=phone, text=text)


class FailingGateway:
    """A gateway that is always down (for tests of the retries)."""

    def send(self, phone: str, text: str) -> None:
        raise ConnectionError("SMS gateway unavailable")
