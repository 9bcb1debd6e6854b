"""Notifications are sent after the transaction that caused them commits, never inside it."""

from django.db import transaction

from yingji.accounts.choices import OrgKind
from yingji.accounts.models import Organisation
from yingji.notifications.models import Notification


def bureaus_over(region_code: str):
    """The bureaus whose jurisdiction contains the region (district, city, province)."""
    prefixes = [region_code[:n] for n in (2, 4, 6, 9, 12) if n <= len(region_code)]
    return Organisation.objects.filter(kind=OrgKind.BUREAU, region_id__in=prefixes)


def notify_after_commit(*, organisations, title: str, body: str = "", url: str = "") -> None:
    org_ids = [org.pk for org in organisations]

    def send():
        Notification.objects.bulk_create(
            [Notification(organisation_id=pk, title=title, body=body, url=url) for pk in org_ids]
        )

    transaction.on_commit(send)
