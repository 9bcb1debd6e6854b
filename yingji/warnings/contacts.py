"""The contacts register (责任人通讯录): who a warning reaches in each region, their A/B role and
the superior an unanswered 叫应 escalates to. A street keeps its own and its communities'."""

from django.db import transaction
from django.utils.translation import gettext as _

from yingji.audit.services import audit_created, audit_updated, snapshot
from yingji.core.inputs import MAX_ID, Errors, account_in, choice, region_in, text
from yingji.enterprises.models import PHONE
from yingji.warnings import permissions
from yingji.warnings.models import Contact, ContactRole, Slot

FIELDS = ("region_code", "name", "phone", "role", "slot", "position", "superior_id", "username", "active")


def _phone(errors: Errors, value) -> str:
    value = text(errors, "phone", value, required=True, max_length=20)
    if value and not PHONE.regex.match(value):
        errors.add("phone", str(PHONE.message))
    return value


def _superior(errors: Errors, actor, value, contact=None) -> Contact | None:
    if value in (None, ""):
        return None
    found = Contact.objects.for_user(actor).filter(pk=value).first() if isinstance(value, int) and 0 < value <= MAX_ID else None  # fmt: skip
    if found is None:
        errors.add("superior_id", _("No such responsible person in your jurisdiction."))
    elif contact is not None and found.pk == contact.pk:
        errors.add("superior_id", _("A person cannot be their own superior."))
    return found


def _apply(errors: Errors, actor, contact: Contact, data: dict) -> None:
    if "region_code" in data:
        contact.region = region_in(errors, actor, data["region_code"])
    if "name" in data:
        contact.name = text(errors, "name", data["name"], required=True, max_length=50)
    if "phone" in data:
        contact.phone = _phone(errors, data["phone"])
    if "role" in data:
        contact.role = choice(errors, "role", data["role"], ContactRole)
    if "slot" in data:
        contact.slot = data["slot"] or ""  # empty: no A/B role
        if contact.slot not in Slot.values and contact.slot != "":
            errors.add("slot", _("Choose one of: %(values)s.") % {"values": ", ".join(Slot.values)})
    if "position" in data:
        contact.position = text(errors, "position", data["position"], max_length=100)
    if "superior_id" in data:
        contact.superior = _superior(errors, actor, data["superior_id"], contact if contact.pk else None)
    if "username" in data:
        contact.user = (
            account_in(errors, actor, "username", data["username"])
            if data["username"] not in (None, "")
            else None
        )
    if "active" in data:
        contact.active = bool(data["active"])


@transaction.atomic
def contact_create(*, actor, **data) -> Contact:
    permissions.require(permissions.can_write_contacts, actor)
    errors = Errors()
    contact = Contact()
    _apply(errors, actor, contact, {k: data.get(k, "") for k in ("region_code", "name", "phone", "role")} | {k: v for k, v in data.items() if k in FIELDS})  # fmt: skip
    errors.raise_if_any()
    contact.save()
    audit_created(actor=actor, obj=contact)
    return contact


@transaction.atomic
def contact_update(*, actor, contact: Contact, **data) -> Contact:
    permissions.require(permissions.can_write_contacts, actor)
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    before = snapshot(contact)
    errors = Errors()
    _apply(errors, actor, contact, {k: v for k, v in data.items() if k in FIELDS})
    errors.raise_if_any()
    contact.save()
    audit_updated(actor=actor, obj=contact, before=before)
    return contact
