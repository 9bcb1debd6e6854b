"""The shipped catalogue of common flood, fire and rescue supplies (the administrator edits it)."""

from django.db import migrations

CATALOGUE = [
    # flood control
    ("救生衣", "flood", "件"), ("救生圈", "flood", "个"), ("冲锋舟", "flood", "艘"), ("橡皮艇", "flood", "艘"),
    ("沙袋", "flood", "条"), ("编织袋", "flood", "条"), ("土工布", "flood", "平方米"), ("彩条布", "flood", "卷"),
    ("抽水泵", "flood", "台"), ("雨衣", "flood", "件"), ("雨靴", "flood", "双"), ("救生抛投器", "flood", "个"),
    ("铁锹", "flood", "把"), ("安全绳", "flood", "根"),
    # fire fighting
    ("灭火器", "fire", "具"), ("风力灭火机", "fire", "台"), ("二号工具", "fire", "把"), ("消防水带", "fire", "盘"),
    ("防护服", "fire", "套"), ("防毒面具", "fire", "个"), ("正压式空气呼吸器", "fire", "套"),
    # rescue
    ("破拆工具组", "rescue", "套"), ("担架", "rescue", "副"), ("急救箱", "rescue", "个"), ("安全帽", "rescue", "顶"),
    ("对讲机", "rescue", "部"), ("警戒带", "rescue", "卷"),
    # living relief
    ("帐篷", "relief", "顶"), ("折叠床", "relief", "张"), ("棉被", "relief", "床"), ("毛毯", "relief", "床"),
    ("棉大衣", "relief", "件"), ("应急食品", "relief", "箱"), ("饮用水", "relief", "箱"),
    # power and lighting
    ("发电机", "power", "台"), ("应急照明灯", "power", "台"), ("手电筒", "power", "个"), ("头灯", "power", "个"),
]  # fmt: skip


def load(apps, schema_editor):
    item = apps.get_model("supplies", "SupplyItem")
    for name, category, unit in CATALOGUE:
        item.objects.get_or_create(name=name, defaults={"category": category, "unit": unit})


class Migration(migrations.Migration):
    dependencies = [("supplies", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
