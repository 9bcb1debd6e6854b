from django.conf import settings
from django.core.mail import send_mail
from django.utils.translation import gettext as _

from yingji.notifications.channels.base import Channel, NoAddress


class EmailChannel(Channel):
    """Through Django's mail backend (EMAIL_BACKEND), to the user's e-mail address."""

    name = "email"

    def send(self, notification) -> None:
        user = notification.user
        if not user.email:
            raise NoAddress(_("The user has no e-mail address."))
        body = notification.body
        if notification.url:
            body = f"{body}\n\n{settings.YINGJI_SITE_URL.rstrip('/')}{notification.url}".strip()
        send_mail(notification.title, body, None, [user.email], fail_silently=False)
