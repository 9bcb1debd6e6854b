"""Tamper evidence: every entry is linked to the one before it by SHA-256, and
`yingji audit verify` names the first entry whose link does not hold — whether a row was
changed, deleted or slipped in behind the application's back (the append-only trigger lifted,
as someone holding the database could)."""

import datetime
import hashlib
import importlib
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from yingji.audit.chain import GENESIS, verify
from yingji.audit.models import AuditEntry
from yingji.audit.services import audit_created, audit_record
from yingji.enterprises.tests.factories import enterprise_factory

pytestmark = pytest.mark.django_db
TRIGGERS = importlib.import_module("yingji.audit.migrations.0002_append_only_triggers")


def _behind_the_back(sql: str, params=()) -> None:
    """Run SQL on the log with the append-only trigger lifted, then put the trigger back."""
    vendor = connection.vendor
    with connection.cursor() as cursor:
        for statement in TRIGGERS.DROP[vendor]:
            cursor.execute(statement)
        cursor.execute(sql, params)
        for statement in {"sqlite": TRIGGERS.SQLITE, "postgresql": TRIGGERS.POSTGRESQL}[vendor]:
            cursor.execute(statement)


@pytest.fixture
def three(bureau):
    return [audit_created(actor=bureau, obj=enterprise_factory(name=f"企业{i}")) for i in range(3)]


def test_each_link_is_the_sha256_of_the_previous_link_and_the_entry(three):
    first = AuditEntry.objects.order_by("id").first()
    content = {
        "at": first.at.astimezone(datetime.UTC).isoformat(timespec="microseconds"),
        "actor_id": first.actor_id, "actor_username": first.actor_username, "ip": first.ip,
        "action": first.action, "object_type": first.object_type, "object_id": first.object_id,
        "object_repr": first.object_repr, "region_code": first.region_code,
        "before": first.before, "after": first.after,
    }  # fmt: skip
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    assert first.chain == hashlib.sha256((GENESIS + text).encode()).hexdigest()


def test_an_untouched_log_verifies(three, capsys):
    assert verify().intact and verify().checked == 3
    call_command("audit", "verify")
    assert "intact: 3 entries" in capsys.readouterr().out


def test_a_changed_entry_is_named(three):
    _behind_the_back("UPDATE audit_auditentry SET object_repr = %s WHERE id = %s", ["伪造", three[1].pk])
    verdict = verify()
    assert (verdict.broken_at, verdict.checked) == (three[1].pk, 1)
    with pytest.raises(CommandError, match=f"broken at entry {three[1].pk}") as refused:
        call_command("audit", "verify")
    assert refused.value.returncode == 1


def test_a_deleted_entry_breaks_the_link_of_the_next(three):
    _behind_the_back("DELETE FROM audit_auditentry WHERE id = %s", [three[1].pk])
    assert verify().broken_at == three[2].pk


def test_a_row_slipped_in_with_a_made_up_link_is_named(three, bureau):
    _behind_the_back(
        "INSERT INTO audit_auditentry (at, actor_username, action, object_type, object_id, "
        "object_repr, region_code, chain) VALUES (%s, 'x', 'create', 'x', '1', 'x', '', %s)",
        [three[2].at, "f" * 64],
    )
    forged = AuditEntry.objects.order_by("-id").first()
    audit_created(actor=bureau, obj=enterprise_factory(name="之后"))
    assert verify().broken_at == forged.pk


def test_values_that_json_would_change_are_stored_as_hashed(bureau):
    entry = audit_record(
        actor=bureau, action="export", obj=enterprise_factory(),
        before=None, after={"on": datetime.date(2026, 6, 30), "ids": (1, 2)},
    )  # fmt: skip
    assert AuditEntry.objects.get(pk=entry.pk).after == {"on": "2026-06-30", "ids": [1, 2]}
    assert verify().intact
