"""Erasing a person's data on request (PIPL art. 47) and applying the retention periods.
The CLI (`yingji privacy forget|purge`) and the schedule call these; each change is audited
by the kind of record, its id and the fields touched — never the values, which are what the
person asked to remove."""

import dataclasses
import datetime
from collections import Counter

from django.db import models, transaction
from django.utils import timezone

from yingji.accounts.choices import Role
from yingji.audit.services import audit_event
from yingji.core.errors import ApplicationError
from yingji.privacy import erasure, retention
from yingji.privacy.erasure import How
from yingji.privacy.identifiers import Person

BASIS = "PIPL art. 47"
BATCH = 1000


@dataclasses.dataclass
class Outcome:
    """What was (or, in a dry run, would be) done: counts by (kind of record, how)."""

    dry_run: bool
    counts: Counter = dataclasses.field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _require_admin(actor) -> None:
    # None: the CLI or the schedule, run by the operator; in the product, administrators only.
    if actor is not None and getattr(actor, "role", None) != Role.ADMIN:
        raise ApplicationError("Only an administrator erases personal information.", status=403)


def _label(model) -> str:
    return model._meta.label_lower


def _region_code(obj: models.Model) -> str:
    return getattr(obj, "audit_region_code", None) or getattr(obj, "region_id", None) or ""


def personal_data_erase(*, actor, person: Person, reference: str = "", dry_run: bool = False) -> Outcome:
    """Every record of the person: deleted, stripped of the identifying fields, or kept by law."""
    _require_admin(actor)
    outcome = Outcome(dry_run=dry_run)
    with transaction.atomic():
        changes = erasure.changes_for(person)
        for change in changes:
            outcome.counts[(_label(type(change.obj)), str(change.how))] += 1
        if dry_run:
            return outcome
        for change in changes:
            _apply(actor, change, reference)
        audit_event(
            actor=actor, action="privacy.erasure_request", object_type="privacy.request",
            object_id=reference[:64], object_repr=f"erasure request {reference}"[:200],
            after={"basis": BASIS, "by": person_identified_by(person),
                   "records": {f"{kind} {how}": n for (kind, how), n in sorted(outcome.counts.items())}},
        )  # fmt: skip
    return outcome


def person_identified_by(person: Person) -> list[str]:
    """Which identifiers the request gave (never their values)."""
    return [name for name in ("id_number", "phone", "name") if getattr(person, name)]


def _apply(actor, change: erasure.Change, reference: str) -> None:
    obj, model = change.obj, type(change.obj)
    region, pk = _region_code(obj), obj.pk
    if change.how == How.DELETE:
        model.objects.filter(pk=pk).delete()
        after = {"erased": "record deleted"}
    elif change.how == How.CLEAR:
        model.objects.filter(pk=pk).update(**change.values)
        after = {"erased": sorted(change.values)}
    else:
        after = {"kept": "required by law"}
    audit_event(
        actor=actor, action=f"privacy.{change.how.name.lower()}", object_type=_label(model), object_id=str(pk),
        object_repr=f"{model._meta.label} #{pk}", region_code=region,
        after=after | {"basis": BASIS, "request": reference},
    )  # fmt: skip


def retention_purge(*, actor, now: datetime.datetime | None = None, dry_run: bool = False) -> Outcome:
    """Everything past its retention period (retention.RULES): emptied or deleted; idempotent."""
    _require_admin(actor)
    now = now or timezone.now()
    outcome = Outcome(dry_run=dry_run)
    with transaction.atomic():
        for rule in retention.RULES:
            due = rule.due(now)
            model = due.model
            ids = sorted(due.values_list("pk", flat=True))
            if not ids:
                continue
            outcome.counts[(rule.key, "deleted" if rule.values is None else "cleared")] = len(ids)
            if dry_run:
                continue
            for start in range(0, len(ids), BATCH):  # SQLite caps the parameters of one query
                rows = model.objects.filter(pk__in=ids[start : start + BATCH])
                if rule.values is None:
                    rows.delete()
                else:
                    rows.update(**rule.values)
            audit_event(
                actor=actor, action="privacy.retention", object_type=_label(model), object_id=rule.key,
                object_repr=rule.description[:200],
                after={"rule": rule.key, "fields": sorted(rule.values or {}) or "record deleted",
                       "records": len(ids), "ids": ids},
            )  # fmt: skip
    return outcome


def retention_purge_scheduled() -> None:
    retention_purge(actor=None)
