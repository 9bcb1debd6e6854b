"""Getting a warning to people: each step (issue, 升级, 降级) reaches every active responsible
person of every region in the area — a recipient row each, an SMS with a signed link to
acknowledge, and the in-app notification for those with an account. The worker sends what is
still unsent and escalates (叫应 not answered by `due_at`) every minute: to the person's
superior, and to the duty desk, who calls."""

import datetime
import logging
from collections import defaultdict

from django.db import transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yingji.accounts.choices import Role
from yingji.audit.services import audit_event
from yingji.notifications.channels.sms import MAX_LENGTH, gateway
from yingji.notifications.kinds import register_kind
from yingji.notifications.services import district_bureau_users, notify
from yingji.warnings import links, stages
from yingji.warnings.choices import COUNTED, Status
from yingji.warnings.models import Contact, Recipient, WarningChange

logger = logging.getLogger(__name__)

WARNING_ISSUED = register_kind("warning_issued", gettext_lazy("Warning to acknowledge"), urgent=False)
WARNING_UNACKNOWLEDGED = register_kind(
    "warning_unacknowledged", gettext_lazy("Warning not acknowledged in time")
)
RETRY_FOR = datetime.timedelta(days=1)  # an SMS the gateway refused is retried this long


def contacts_in_area(warning):
    area = Q(pk__in=[])
    for code in warning.area_rows.values_list("region_id", flat=True):
        area |= Q(region__code__startswith=code)
    return Contact.objects.filter(area, active=True)


def disseminate(change: WarningChange) -> list[Recipient]:
    warning = change.warning
    now = change.at
    due = now + (stages.stage(warning.stage) or stages.DEFAULT[2]).ack_window
    rows = Recipient.objects.bulk_create(
        Recipient(warning=warning, change=change, contact=c, region_id=c.region_id, name=c.name,
                  phone=c.phone, sent_at=now, due_at=due)
        for c in contacts_in_area(warning).order_by("region_id", "pk")
    )  # fmt: skip
    _tell([r.pk for r in rows], change)
    return rows


def _tell(recipient_ids: list[int], change: WarningChange) -> None:
    user_ids = Recipient.objects.filter(pk__in=recipient_ids, contact__user__isnull=False).values_list("contact__user_id", flat=True)  # fmt: skip
    notify(kind=WARNING_ISSUED, users=list(user_ids), title=zh_headline(change.warning), url=f"/warnings/{change.warning_id}/")  # fmt: skip
    transaction.on_commit(lambda: send_sms(recipient_ids), robust=True)


def headline(warning) -> str:
    """暴雨橙色（二级）预警 — in Chinese in what is sent; in the reader's language on a page."""
    return _("%(type)s %(level)s warning") % {
        "type": warning.get_type_display(),
        "level": warning.get_level_display(),
    }


def zh_headline(warning) -> str:
    with translation.override("zh-hans"):
        return headline(warning)


def sms_text(recipient) -> str:
    warning = recipient.warning
    with translation.override("zh-hans"):
        until = timezone.localtime(warning.valid_to).strftime("%m月%d日%H时%M分")
        body = f"{headline(warning)}：{warning.content.strip().rstrip('。.！!')}"
        tail = f"有效期至{until}。收到请点击确认：{links.url(recipient)}"
    room = MAX_LENGTH - len(tail) - 1
    return (body if len(body) <= room else body[: room - 1] + "…") + "。" + tail


def send_sms(recipient_ids) -> int:
    """Send each recipient's SMS not sent yet; a refusal is kept on the row and retried."""
    sent = 0
    # A warning entered after it expired (recorded from paper) is not sent to anyone's phone.
    unsent = Recipient.objects.filter(
        pk__in=recipient_ids, sms_sent_at__isnull=True, acknowledged_at__isnull=True
    )
    unsent = unsent.filter(warning__status=Status.IN_FORCE, warning__valid_to__gt=timezone.now())
    for recipient in unsent.select_related("warning"):
        try:
            gateway().send(recipient.phone, sms_text(recipient))
        except Exception as e:  # the gateway is the bureau's: any failure is kept and retried
            Recipient.objects.filter(pk=recipient.pk).update(sms_error=str(e)[:200])
            logger.warning("warning SMS to recipient %s failed: %s", recipient.pk, e)
        else:
            Recipient.objects.filter(pk=recipient.pk).update(sms_sent_at=timezone.now(), sms_error="")
            sent += 1
    return sent


def announce_lift(warning) -> None:
    phones = sorted(set(warning.recipients.values_list("phone", flat=True)))
    text = f"{zh_headline(warning)}已于{timezone.localtime(warning.lifted_at):%m月%d日%H时%M分}解除。"

    def send():
        for phone in phones:
            try:
                gateway().send(phone, text)
            except Exception as e:  # a lift not delivered is logged; nothing waits on it
                logger.warning("lift SMS to %s failed: %s", phone, e)

    transaction.on_commit(send, robust=True)


# --- the worker's pass ---------------------------------------------------------------------------


def _latest_step():
    steps = WarningChange.objects.filter(warning=OuterRef("warning"), kind__in=COUNTED)
    return Subquery(steps.order_by("-at", "-id").values("id")[:1])


def overdue(now: datetime.datetime | None = None):
    """Recipients of a warning in force whose 叫应 is late, for the step now in force (a level
    changed since is acknowledged anew, not chased for the old one)."""
    now = now or timezone.now()
    return (
        Recipient.objects.filter(acknowledged_at__isnull=True, warning__status=Status.IN_FORCE)
        .filter(Q(due_at__lte=now) | Q(escalated_at__isnull=False))  # escalated: late by the worker's clock
        .annotate(step=_latest_step())
        .filter(change_id=F("step"))
    )  # fmt: skip


def escalate_due(now: datetime.datetime | None = None) -> int:
    """Escalate each overdue recipient once: their superior is told (and must acknowledge in
    turn), the duty desk of the district is notified to call."""
    now = now or timezone.now()
    late = defaultdict(list)
    for recipient in overdue(now).filter(escalated_at__isnull=True).select_related("contact__superior", "warning")[:500]:  # fmt: skip
        with transaction.atomic():
            if not Recipient.objects.filter(pk=recipient.pk, escalated_at__isnull=True).update(
                escalated_at=now
            ):
                continue  # another worker took it
            recipient.escalated_at = now
            _record_escalation(recipient, _to_superior(recipient, now))
        late[recipient.warning].append(recipient)
    for warning, people in late.items():
        duty = district_bureau_users(warning.region_id, roles=(Role.DUTY, Role.BUREAU))
        title = f"{zh_headline(warning)}：{len(people)}人未按时叫应（{'、'.join(r.name for r in people[:5])}），请电话叫应"
        notify(kind=WARNING_UNACKNOWLEDGED, users=duty, title=title[:200], url=f"/warnings/{warning.pk}/")
    return sum(len(p) for p in late.values())


def _record_escalation(recipient, superior_row) -> None:
    audit_event(
        actor=None, action="warning.escalate", object_type="warnings.recipient", object_id=str(recipient.pk),
        object_repr=str(recipient), region_code=recipient.region_id,
        after={"escalated_at": recipient.escalated_at.isoformat(), "to": superior_row.pk if superior_row else None},
    )  # fmt: skip


def _to_superior(recipient, now) -> Recipient | None:
    superior = recipient.contact.superior
    if superior is None or not superior.active:
        return None
    row, created = Recipient.objects.get_or_create(
        change_id=recipient.change_id, contact=superior,
        defaults={"warning": recipient.warning, "region_id": superior.region_id, "name": superior.name,
                  "phone": superior.phone, "sent_at": now, "due_at": now + (recipient.due_at - recipient.sent_at),
                  "escalated_from": recipient},
    )  # fmt: skip
    if created:
        _tell([row.pk], row.change)
    return row


def dispatch(now: datetime.datetime | None = None) -> tuple[int, int]:
    """The worker's every-minute pass: unsent SMS again, then escalation. (SMS sent, escalated.)"""
    now = now or timezone.now()
    unsent = Recipient.objects.filter(
        sms_sent_at__isnull=True, sent_at__gte=now - RETRY_FOR, acknowledged_at__isnull=True
    )
    return send_sms(list(unsent.values_list("pk", flat=True)[:1000])), escalate_due(now)
