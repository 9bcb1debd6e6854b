from django.db import migrations


def load(apps, schema_editor):
    from yingji.inspections.checklists import load_checklists

    load_checklists(apps.get_model("inspections", "ChecklistTemplate"), apps.get_model("inspections", "ChecklistItem"))


class Migration(migrations.Migration):
    dependencies = [("inspections", "0002_checklists_results_photos")]
    # Reversing leaves the rows; 0002's reversal drops their tables.
    operations = [migrations.RunPython(load, migrations.RunPython.noop, elidable=False)]
