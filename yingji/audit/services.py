"""Writing the audit log. Every service that changes a record calls one of these, inside
its own transaction, so a change and its entry are committed together or not at all."""

import json

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.ipv6 import clean_ipv6_address

from yingji.audit import chain
from yingji.audit.context import client_ip
from yingji.audit.models import AuditEntry
from yingji.core.crypto import EncryptedTextField

SECRET_FIELDS = {"password", "key_hash"}


def snapshot(obj: models.Model) -> dict:
    """The record's own column values, as JSON would store them (secrets left out)."""
    values = {
        f.attname: f.value_from_object(obj)
        for f in obj._meta.concrete_fields
        # Encrypted fields (complainants, ID numbers) would be written here in clear text.
        if f.attname not in SECRET_FIELDS and not isinstance(f, EncryptedTextField)
    }
    values = {k: (v.name or "") if isinstance(v, FieldFile) else v for k, v in values.items()}
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def _region_code(obj: models.Model) -> str:
    return getattr(obj, "audit_region_code", None) or getattr(obj, "region_id", None) or ""


def audit_record(
    *, actor, action: str, obj: models.Model, before: dict | None, after: dict | None
) -> AuditEntry:
    return audit_event(
        actor=actor, action=action, object_type=obj._meta.label_lower, object_id=str(obj.pk),
        object_repr=str(obj), region_code=_region_code(obj), before=before, after=after,
    )  # fmt: skip


def audit_event(
    *, actor, action: str, object_type: str, object_id: str = "", object_repr: str = "",
    region_code: str = "", before: dict | None = None, after: dict | None = None,
) -> AuditEntry:  # fmt: skip
    """Any entry, also one not about a record (a sign-in, a download)."""
    actor = actor if actor is not None and actor.is_authenticated else None
    values = {
        "at": timezone.now(),
        "actor_id": actor.pk if actor else None,
        "actor_username": actor.username if actor else "system",
        "ip": _normal_ip(client_ip.get()),
        "action": action,
        "object_type": object_type,
        "object_id": object_id,
        "object_repr": object_repr[:200],
        "region_code": region_code or "",
        "before": chain.as_json(before),
        "after": chain.as_json(after),
    }
    # The link and the insert in one transaction, so the lock that orders the chain is held.
    with transaction.atomic():
        return AuditEntry.objects.create(chain=chain.digest(chain.last_link(), values), **values)


def _normal_ip(ip: str | None) -> str | None:
    """The address as the column stores it (IPv6 compressed), so the chain hashes what is kept."""
    if ip and ":" in ip:
        try:
            return clean_ipv6_address(ip)
        except ValidationError:
            return None
    return ip


def audit_created(*, actor, obj: models.Model) -> AuditEntry:
    return audit_record(actor=actor, action="create", obj=obj, before=None, after=snapshot(obj))


def audit_updated(*, actor, obj: models.Model, before: dict) -> AuditEntry | None:
    after = snapshot(obj)
    if after == before:
        return None
    return audit_record(actor=actor, action="update", obj=obj, before=before, after=after)


def audit_deleted(*, actor, obj: models.Model) -> AuditEntry:
    return audit_record(actor=actor, action="delete", obj=obj, before=snapshot(obj), after=None)


def audit_action(
    *, actor, obj: models.Model, action: str, before: dict, extra: dict | None = None
) -> AuditEntry:
    """A workflow action (assign, approve, close…): the state before and after it."""
    after = snapshot(obj) | ({"_action": extra} if extra else {})
    return audit_record(actor=actor, action=action, obj=obj, before=before, after=after)
