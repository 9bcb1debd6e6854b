"""Delivery channels behind one interface: `send(notification)` delivers or raises.

In-app needs no delivery (the row is the message); e-mail and SMS go through the outbox
(delivery.py), which retries what raises.
"""

from yingji.notifications.channels.email import EmailChannel
from yingji.notifications.channels.sms import SmsChannel

IN_APP = "in_app"
CHANNELS = {"email": EmailChannel(), "sms": SmsChannel()}
