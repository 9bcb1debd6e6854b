from django.db import migrations


def load(apps, schema_editor):
    from yingji.regions.loader import load_regions

    load_regions(apps.get_model("regions", "Region"))


def unload(apps, schema_editor):
    apps.get_model("regions", "Region").objects.filter(code__regex=r"^[0-9]{9}$").delete()
    for length in (6, 4, 2):
        apps.get_model("regions", "Region").objects.filter(code__regex=rf"^[0-9]{{{length}}}$").delete()


class Migration(migrations.Migration):
    dependencies = [("regions", "0001_initial")]
    operations = [migrations.RunPython(load, unload, elidable=False)]
