"""The audit log in a clerk's words: actions, record types and fields by their Chinese names,
coded values by their labels. The log stores codes (stable across translations); this module
only reads them."""

import json
from collections import defaultdict

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from yingji.accidents.choices import AccidentAction
from yingji.hazards.choices import HazardAction

# The action codes the services write; a workflow's own actions come from its choices below.
ACTIONS = {
    "create": _("Added the record"),
    "update": _("Changed the record"),
    "delete": _("Deleted the record"),
    "revoke": _("Revoked the access token"),
    "change_password": _("Changed own password"),
    "hazard.import": _("Imported the hazard ledger"),
    "hazard.plan": _("Recorded the rectification plan"),
    "evidence.supersede": _("Replaced rectification evidence"),
    "notifications.channels": _("Chose notification channels"),
    "accident.casualty_update": _("Updated the casualties"),
    "accident.attach_report": _("Attached the investigation report"),
    "accident.report_made": _("Recorded when the report reached a level"),
    "enterprise.suspend": _("Suspended the enterprise"),
    "user.deactivate": _("Deactivated a user"),
    "user.activate": _("Reactivated a user"),
    "user.reset_password": _("Reset a user's password"),
    "user.change_role": _("Changed a user's role"),
    "sign_in": _("Signed in"),
    "sign_out": _("Signed out"),
    "sign_in_failed": _("Failed to sign in"),
    "locked_out": _("Locked out after failed sign-ins"),
    "download": _("Downloaded a file"),
    "denied": _("Was refused access"),
    "two_factor.enrol": _("Turned on two-factor sign-in"),
    "two_factor.reset": _("Removed the authenticator"),
}
ACTIONS |= {f"hazard.{code}": label for code, label in HazardAction.choices}
ACTIONS |= {f"accident.{code}": label for code, label in AccidentAction.choices}
DETAILS = _("Details")  # what a workflow action recorded beside the fields (`_action`)


def action_label(code: str) -> str:
    return str(ACTIONS.get(code, code))


def _model(object_type: str):
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def model_label(object_type: str) -> str:
    if object_type == "security":
        return str(_("Security event"))
    model = _model(object_type)
    return str(model._meta.verbose_name) if model else object_type


def _field(model, attname: str):
    if model is None:
        return None
    for field in model._meta.concrete_fields:
        if attname in (field.attname, field.name):
            return field
    try:
        return model._meta.get_field(attname)
    except FieldDoesNotExist:
        return None


def field_label(object_type: str, attname: str) -> str:
    if attname == "_action":
        return str(DETAILS)
    field = _field(_model(object_type), attname)
    if field is None:
        return attname
    if field.verbose_name == field.name.replace("_", " "):
        # No verbose name given (enterprise, region, created_at…): the catalogue's word for it.
        return gettext(field.name.replace("_", " ").capitalize())
    return str(field.verbose_name)


def _reference(field) -> bool:
    return bool(field is not None and (field.many_to_one or field.one_to_one))


def related_names(entries) -> dict:
    """The records the entries' changed fields point to (a user, an enterprise, a region…),
    by name: one query per kind of record for the whole page."""
    wanted = defaultdict(set)
    for entry in entries:
        model = _model(entry.object_type)
        for attname, old, new in entry.changed_fields():
            field = _field(model, attname)
            if _reference(field):
                wanted[field.related_model].update(v for v in (old, new) if isinstance(v, (str, int)))
    return {
        (related, str(obj.pk)): str(obj)
        for related, pks in wanted.items()
        for obj in related._base_manager.filter(pk__in=pks)
    }


def value_label(object_type: str, attname: str, value, names=None) -> object:
    """A coded value as its label (a choice, yes/no, a referenced record by its name); other
    values as stored."""
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    field = _field(_model(object_type), attname)
    if _reference(field) and value is not None:
        return (names or {}).get((field.related_model, str(value)), value)
    if isinstance(field, models.DateTimeField) and isinstance(value, str):
        moment = parse_datetime(value)
        return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else value
    choices = dict(getattr(field, "flatchoices", None) or ())
    if isinstance(value, list) and choices:
        return "、".join(str(choices.get(v, v)) for v in value)
    if isinstance(value, (str, int)) and value in choices:
        return str(choices[value])
    return value


LONG = 60  # characters shown before a value folds into <details>
EMPTY = (None, "", [], {})


def _text(value) -> str:
    if value is None or value == "":
        return "∅"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def changes(entry, names=None) -> list[dict]:
    """The entry's changed fields, labelled, each value as text and whether it is long;
    `names` from related_names."""
    rows = []
    for attname, old, new in entry.changed_fields():
        if old in EMPTY and new in EMPTY:
            continue  # a record created with a blank field: nothing to read
        old_text = _text(value_label(entry.object_type, attname, old, names))
        new_text = _text(value_label(entry.object_type, attname, new, names))
        rows.append(
            {
                "field": field_label(entry.object_type, attname),
                "old": old_text,
                "new": new_text,
                "long": len(old_text) + len(new_text) > LONG,
            }
        )
    return rows


def options(codes, label) -> list[tuple[str, str]]:
    """Filter choices: the codes present, by label."""
    return sorted(((code, label(code)) for code in codes), key=lambda pair: pair[1])
