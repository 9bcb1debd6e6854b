"""Warnings: issue, change of level (升级/降级), lift, and 叫应 (acknowledge) — the rules that
the API, the pages and the demo all call. A refused transition is a 409 (Conflict); bad input
is a 400 with every field's message."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.audit.services import audit_action, audit_created, snapshot
from yingji.core.errors import ApplicationError, Conflict
from yingji.core.inputs import Errors, choice, moment, planned, region_in, text
from yingji.regions.models import Region
from yingji.regions.scoping import Jurisdiction
from yingji.warnings import dissemination, permissions, stages
from yingji.warnings.choices import AckChannel, ChangeKind, Level, Source, Status, WarningType, higher
from yingji.warnings.models import EarlyWarning, Recipient, WarningArea, WarningChange

MAX_AREAS = 200
HORIZON = datetime.timedelta(days=366)  # a warning valid further ahead than this is a typo


def _areas(errors: Errors, actor, codes) -> list[Region]:
    if not isinstance(codes, list | tuple) or not codes:
        errors.add("region_codes", _("Choose at least one region."))
        return []
    if len(codes) > MAX_AREAS:
        errors.add("region_codes", _("At most %(n)d regions.") % {"n": MAX_AREAS})
        return []
    regions = [region_in(errors, actor, code, "region_codes") for code in dict.fromkeys(map(str, codes))]
    return [r for r in regions if r is not None]


def _issuing_region(actor, areas: list[Region]) -> Region:
    """The issuer's own region (the district whose duty desk issues); an administrator issues
    for the county of the first area."""
    region = Jurisdiction.of(actor).region
    return Region.objects.get(code=region) if region else Region.objects.get(code=areas[0].code[:6])


@transaction.atomic
def issue(*, actor, type, level, region_codes, valid_from=None, valid_to=None, content="", source="", stage="warning", issued_at=None):  # fmt: skip
    """发布: one 条次, disseminated at once to the responsible persons of every region in the area.
    `issued_at` (default now) records a warning issued earlier, by phone or on paper."""
    permissions.require(permissions.can_issue, actor)
    errors = Errors()
    warning = EarlyWarning(
        type=choice(errors, "type", type, WarningType),
        level=choice(errors, "level", level, Level),
        source=choice(errors, "source", source, Source),
        valid_from=planned(errors, "valid_from", valid_from, horizon=HORIZON, default_now=True),
        valid_to=planned(errors, "valid_to", valid_to, horizon=HORIZON),
        content=text(errors, "content", content, required=True, max_length=2000),
        issued_by=actor,
    )
    if stages.stage(str(stage or "")) is None:
        errors.add(
            "stage", _("Choose one of: %(keys)s.") % {"keys": ", ".join(s.key for s in stages.stages())}
        )
    warning.stage = str(stage or "")[:16]
    at = moment(errors, "issued_at", issued_at)
    areas = _areas(errors, actor, region_codes)
    if warning.valid_to is None and "valid_to" not in errors:
        errors.add("valid_to", _("This field is required."))
    elif warning.valid_from and warning.valid_to and warning.valid_to <= warning.valid_from:
        errors.add("valid_to", _("The warning must end after it starts."))
    errors.raise_if_any()
    warning.region = _issuing_region(actor, areas)
    warning.save()
    WarningArea.objects.bulk_create(WarningArea(warning=warning, region=r) for r in areas)
    change = WarningChange.objects.create(warning=warning, kind=ChangeKind.ISSUE, to_level=warning.level, at=at, by=actor)  # fmt: skip
    audit_created(actor=actor, obj=warning)
    dissemination.disseminate(change)
    return warning


def _locked(warning) -> EarlyWarning:
    """Re-read under a row lock: two officers changing the level at once do not both pass."""
    return EarlyWarning.objects.select_for_update().get(pk=warning.pk)


def _when(errors: Errors, warning, at):
    when = moment(errors, "at", at)
    last = warning.changes.order_by("-at").values_list("at", flat=True).first()
    if when and last and when < last:
        errors.add("at", _("A change cannot come before the warning's last step."))
    return when


@transaction.atomic
def change_level(*, actor, warning, level, note="", at=None):
    """升级 or 降级: one more 条次, disseminated anew and acknowledged anew."""
    permissions.require(permissions.can_issue, actor)
    warning = _locked(warning)
    errors = Errors()
    choice(errors, "level", level, Level)
    note = text(errors, "note", note, max_length=2000)
    when = _when(errors, warning, at)
    errors.raise_if_any()
    if warning.status == Status.LIFTED:
        raise Conflict(_("The warning has been lifted."))
    if level == warning.level:
        raise Conflict(_("The warning is at this level already."))
    before = snapshot(warning)
    kind = ChangeKind.RAISE if higher(level, warning.level) else ChangeKind.LOWER
    change = WarningChange.objects.create(warning=warning, kind=kind, from_level=warning.level, to_level=level, at=when, by=actor, note=note)  # fmt: skip
    warning.level = level
    warning.save()
    audit_action(actor=actor, obj=warning, action=f"warning.{kind}", before=before)
    dissemination.disseminate(change)
    return warning


@transaction.atomic
def lift(*, actor, warning, note="", at=None):
    """解除: the recipients are told by SMS; nothing more waits for their acknowledgement."""
    permissions.require(permissions.can_issue, actor)
    warning = _locked(warning)
    errors = Errors()
    note = text(errors, "note", note, max_length=2000)
    now = _when(errors, warning, at)
    errors.raise_if_any()
    if warning.status == Status.LIFTED:
        raise Conflict(_("The warning has been lifted already."))
    before = snapshot(warning)
    warning.status, warning.lifted_at = Status.LIFTED, now
    warning.save()
    WarningChange.objects.create(warning=warning, kind=ChangeKind.LIFT, from_level=warning.level, at=now, by=actor, note=note)  # fmt: skip
    audit_action(actor=actor, obj=warning, action="warning.lift", before=before)
    dissemination.announce_lift(warning)
    return warning


# --- 叫应 ------------------------------------------------------------------------------------


def _open_own(actor, warning):
    return warning.recipients.filter(contact__user=actor, acknowledged_at__isnull=True)


@transaction.atomic
def acknowledge(*, actor, warning, recipient_id=None):
    """The actor acknowledges what waits for them; or, naming a recipient who is someone else,
    records that person's 叫应 taken on the phone (the duty desk, the bureau, a street)."""
    if warning.status == Status.LIFTED:
        raise Conflict(_("The warning has been lifted."))
    if recipient_id is None:
        own = list(_open_own(actor, warning).select_for_update())
        if not own:
            raise Conflict(_("Nothing of this warning waits for your acknowledgement."))
        return [_acknowledge(r, AckChannel.APP, actor) for r in own]
    visible = Recipient.objects.for_user(actor).filter(warning=warning)
    valid = isinstance(recipient_id, int) and 0 < recipient_id < 2**63
    recipient = visible.select_for_update().filter(pk=recipient_id).first() if valid else None
    if recipient is None:
        message = _("No such recipient of this warning in your jurisdiction.")
        raise ApplicationError(message, errors={"recipient_id": [message]})
    if recipient.contact.user_id != actor.pk:
        permissions.require(permissions.can_record_calls, actor)
    if recipient.acknowledged_at:
        raise Conflict(_("This recipient has acknowledged already."))
    channel = AckChannel.APP if recipient.contact.user_id == actor.pk else AckChannel.CALL
    return [_acknowledge(recipient, channel, actor)]


def _acknowledge(recipient, channel, actor) -> Recipient:
    before = snapshot(recipient)
    recipient.acknowledged_at, recipient.ack_channel = timezone.now(), channel
    recipient.recorded_by = actor if actor is not None and actor.is_authenticated else None
    recipient.save()
    audit_action(actor=actor, obj=recipient, action="warning.acknowledge", before=before, extra={"channel": channel})  # fmt: skip
    return recipient


@transaction.atomic
def acknowledge_by_link(recipient_id: int) -> Recipient | None:
    """The link in the SMS, opened on a phone without signing in; acknowledging twice is no
    error (a second tap, a forwarded message): the first time stands."""
    recipient = (
        Recipient.objects.select_for_update().filter(pk=recipient_id).select_related("warning").first()
    )
    if recipient is None or recipient.acknowledged_at or recipient.warning.status == Status.LIFTED:
        return recipient
    return _acknowledge(recipient, AckChannel.LINK, None)
