"""Sending notifications: one service every module calls, after the transaction that caused
the notification commits (never inside it), and the recipient helpers that say who acts."""

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from yingji.accounts.choices import OrgKind, Role
from yingji.accounts.models import Organisation, User
from yingji.audit.services import audit_action, snapshot
from yingji.core.errors import ApplicationError
from yingji.notifications.kinds import LABELS, default_channels
from yingji.notifications.models import ChannelPreference, Delivery, Notification


def notify(*, kind: str, users, title: str, body: str = "", url: str = "") -> None:
    """Notify each (active) user once, in-app and by the channels they chose for this kind."""
    user_ids = sorted({u.pk if isinstance(u, User) else u for u in users})
    if not user_ids:
        return
    # Robust: the action has committed; a notification that cannot be written is logged, and
    # the user is not told their action failed.
    transaction.on_commit(
        lambda: send_now(kind=kind, user_ids=user_ids, title=title, body=body, url=url), robust=True
    )


@transaction.atomic
def send_now(*, kind: str, user_ids, title: str, body: str = "", url: str = "") -> list[Notification]:
    """Write the notifications and their outbox rows now, in the caller's transaction."""
    title, url = title[:200], url[:200]
    active = list(User.objects.filter(pk__in=user_ids, is_active=True).values_list("pk", flat=True))
    notes = Notification.objects.bulk_create(
        [Notification(user_id=pk, kind=kind, title=title, body=body, url=url) for pk in active]
    )
    chosen = channels_for(active, kind)
    Delivery.objects.bulk_create(
        [Delivery(notification=n, channel=c) for n in notes for c in sorted(chosen[n.user_id])]
    )
    return notes


def channels_for(user_ids, kind: str) -> dict[int, set[str]]:
    """The outside channels (besides in-app) each user gets this kind by."""
    chosen = {pk: default_channels(kind) for pk in user_ids}
    for pref in ChannelPreference.objects.filter(user_id__in=user_ids, kind=kind):
        chosen[pref.user_id] = {c for c in ("email", "sms") if getattr(pref, c)}
    return chosen


@transaction.atomic
def set_channels(*, user, kind: str, email: bool, sms: bool) -> ChannelPreference:
    """The user's own choice of outside channels for one kind of notification, audited."""
    if kind not in LABELS:
        message = _("Unknown kind of notification %(kind)s.") % {"kind": str(kind)[:48]}
        raise ApplicationError(message, errors={"kind": [message]})
    pref = ChannelPreference.objects.select_for_update().filter(user=user, kind=kind).first()
    before = snapshot(pref) if pref else {}
    pref = pref or ChannelPreference(user=user, kind=kind)
    pref.email, pref.sms = bool(email), bool(sms)
    pref.save()
    audit_action(actor=user, obj=pref, action="notifications.channels", before=before)
    return pref


def preferences(user) -> list[dict]:
    """Every kind with the channels the user gets it by (their choice, else the default)."""
    chosen = {}
    for pref in ChannelPreference.objects.filter(user=user):
        chosen[pref.kind] = {c for c in ("email", "sms") if getattr(pref, c)}
    rows = []
    for kind, label in LABELS.items():
        channels = chosen.get(kind, default_channels(kind))
        rows.append(
            {"kind": kind, "label": str(label), "email": "email" in channels, "sms": "sms" in channels}
        )
    return rows


# --- Who is told -------------------------------------------------------------------------------


def bureaus_over(region_code: str):
    """The bureaus whose jurisdiction contains the region (district, city, province)."""
    prefixes = [region_code[:n] for n in (2, 4, 6, 9, 12) if n <= len(region_code)]
    return Organisation.objects.filter(kind=OrgKind.BUREAU, region_id__in=prefixes)


def users_of(organisations, roles=None):
    users = User.objects.filter(organisation__in=organisations, is_active=True)
    return users.filter(role__in=roles) if roles else users


def bureau_users_over(region_code: str, roles):
    """Users with these roles in every bureau over the region."""
    return users_of(bureaus_over(region_code), roles)


def district_bureau_users(region_code: str, roles=(Role.BUREAU,)):
    """Users with these roles in the county-level bureau over the region (the one that acts)."""
    return users_of(Organisation.objects.filter(kind=OrgKind.BUREAU, region_id=region_code[:6]), roles)


def enterprise_users(enterprise):
    return User.objects.filter(organisation__enterprise=enterprise, role=Role.ENTERPRISE, is_active=True)


def street_users_over(region_code: str):
    """The street (township) office whose street holds the region."""
    street = Q(organisation__kind=OrgKind.STREET, organisation__region_id=region_code[:9])
    return (
        User.objects.filter(street, role=Role.STREET, is_active=True)
        if len(region_code) >= 9
        else User.objects.none()
    )
