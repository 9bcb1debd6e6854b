"""A city's summary compares its counties; a county's does not."""

import datetime

import pytest

from yingji.hazards.models import Hazard
from yingji.reports.summary import build_summary
from yingji.reports.tests.test_summary import accident, section

pytestmark = pytest.mark.django_db
D = datetime.date


def hazard(enterprise, region, rectified: bool):
    return Hazard.objects.create(
        enterprise=enterprise,
        region_id=region,
        industry=enterprise.industry,
        description="x",
        found_at=D(2026, 2, 1),
        status="rectified" if rectified else "rectifying",
        rectified_at=D(2026, 2, 3) if rectified else None,
        deadline=D(2026, 12, 31),
    )


def city_summary(admin):
    return build_summary(user=admin, region_code="4301", year=2026, period_code="H1", as_of=D(2026, 7, 15))


def test_a_city_summary_names_its_counties_accidents_and_rectification(admin, enterprises):
    a = enterprises["A"]
    accident("430102015", D(2026, 3, 1), deaths=1)
    accident("430102015", D(2026, 3, 2), deaths=0)
    accident("430103002", D(2026, 3, 3), deaths=2)
    for rectified in (True, True, False):
        hazard(a, "430102015", rectified)  # 芙蓉区 66.7%
    hazard(a, "430103002", True)  # 天心区 100%
    situation = section(city_summary(admin), "一")
    assert "分地区看，芙蓉区2起、死亡1人，天心区1起、死亡2人发生生产安全事故" in situation
    assert "个地区未发生生产安全事故" in situation
    assert "隐患整改率最高的是天心区（100%），最低的是芙蓉区（66.7%）" in situation


def test_a_county_summary_has_no_ranking(bureau, enterprises):
    accident("430102015", D(2026, 3, 1), deaths=1)
    situation = section(
        build_summary(user=bureau, region_code="430102", year=2026, period_code="H1", as_of=D(2026, 7, 15)),
        "一",
    )
    assert "分地区看" not in situation
