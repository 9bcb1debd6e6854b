"""The hash chain over the audit log: a new column, and the entries written before it linked
in id order (the append-only trigger lifted for this one update, and put back)."""

import importlib

from django.db import migrations, models

from yingji.audit.chain import FIELDS, GENESIS, digest

TRIGGERS = importlib.import_module("yingji.audit.migrations.0002_append_only_triggers")


def link_existing(apps, schema_editor):
    entry = apps.get_model("audit", "AuditEntry")
    if not entry.objects.exists():
        return
    vendor = schema_editor.connection.vendor
    for sql in TRIGGERS.DROP.get(vendor, []):
        schema_editor.execute(sql)
    previous = GENESIS
    for row in entry.objects.order_by("id").values("id", *FIELDS).iterator(chunk_size=2000):
        previous = digest(previous, row)
        entry.objects.filter(pk=row["id"]).update(chain=previous)
    for sql in {"sqlite": TRIGGERS.SQLITE, "postgresql": TRIGGERS.POSTGRESQL}.get(vendor, []):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_triggers")]

    operations = [
        migrations.AddField(
            model_name="auditentry",
            name="chain",
            field=models.CharField(blank=True, editable=False, max_length=64, null=True, verbose_name="chain"),
        ),
        migrations.RunPython(link_existing, migrations.RunPython.noop),
    ]
