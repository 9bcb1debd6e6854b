"""The shipped region tree: real statistical codes, every child under its parent."""

import pytest
from django.core.management import call_command

from yingji.regions.loader import shipped_regions
from yingji.regions.models import Region, parent_code

pytestmark = pytest.mark.django_db


def test_migrate_loads_every_province_city_county_and_street():
    assert Region.objects.filter(level="province").count() == 31
    assert Region.objects.filter(level="county").count() > 2800
    assert Region.objects.filter(level="street").count() > 40000
    assert Region.objects.count() == len(shipped_regions())


def test_the_demo_district_has_its_real_streets():
    furong = Region.objects.get(code="430102")
    assert furong.name == "芙蓉区"
    assert furong.parent.name == "长沙市"
    assert furong.parent.parent.name == "湖南省"
    streets = dict(Region.objects.filter(parent=furong).values_list("code", "name"))
    assert streets["430102015"] == "东岸街道"
    assert streets["430102001"] == "文艺路街道"
    assert len(streets) == 14


def test_every_code_starts_with_its_parents_code():
    for code, parent in Region.objects.exclude(parent=None).values_list("code", "parent_id").iterator():
        assert code.startswith(parent) and parent == parent_code(code)


def test_loadregions_is_idempotent_and_keeps_admin_additions():
    Region.objects.create(code="430102015001", name="东岸社区", level="community", parent_id="430102015")
    call_command("loadregions", verbosity=0)
    assert Region.objects.count() == len(shipped_regions()) + 1
