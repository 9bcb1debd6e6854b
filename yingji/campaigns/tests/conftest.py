import datetime

import pytest

from yingji.campaigns import services
from yingji.emergency.tests import conftest as emergency
from yingji.hazards.tests.factories import hazard_factory

NOVEMBER = datetime.date(2026, 11, 2)  # a Monday
call = emergency.call  # call(user, method, path, body) → (status, json)


@pytest.fixture
def campaign(bureau, department, street, other_street):
    """岁末年初专项整治, the four weeks from Monday 11-02, weekly forms due Friday 16:00, of the
    区住建局 (construction, gas), 东岸 and 文艺路: hazards found (pre-filled) and other work (text)."""
    return services.campaign_create(
        actor=bureau, name="岁末年初安全生产专项整治", region_code="430102", starts_on=NOVEMBER,
        ends_on=NOVEMBER + datetime.timedelta(days=27), cycle="weekly", due_weekday=4, due_hour=16,
        participant_ids=[department.organisation_id, street.organisation_id, other_street.organisation_id],
        fields=[
            {"key": "hazards", "label": "发现隐患", "unit": "处", "indicator": "hazards.found"},
            {"key": "work", "label": "其他工作", "kind": "text"},
        ],
    )  # fmt: skip


@pytest.fixture
def found(bureau, enterprises):
    """Week 1 (11-03): two hazards at 东岸建筑 (construction), one at 东岸商贸 (trade), one at
    文艺路燃气 (gas); week 2 (11-10): one more at 东岸建筑."""
    day1, day2 = datetime.date(2026, 11, 3), datetime.date(2026, 11, 10)
    for key, day in [("A", day1), ("A", day1), ("B", day1), ("C", day1), ("A", day2)]:
        hazard_factory(actor=bureau, enterprise=enterprises[key], found_at=day)
