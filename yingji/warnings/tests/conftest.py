import datetime

import pytest
from django.utils import timezone

from yingji.emergency.tests import conftest as emergency
from yingji.emergency.tests.conftest import DISTRICT, DONGAN, WENYILU
from yingji.warnings import contacts

__all__ = ["DISTRICT", "DONGAN", "WENYILU"]
call, duty = emergency.call, emergency.duty  # the emergency tests' fixtures: call(user, method, path, body)


@pytest.fixture
def people(bureau, street):
    """The register: the district's 王局长 (leader, not in any street's area); 东岸: 张三 (防汛
    责任人 A, the street account) and 李四 (网格员 B); 文艺路: 赵六 (防汛责任人). All three
    escalate to 王局长."""
    chief = contacts.contact_create(actor=bureau, region_code=DISTRICT, name="王局长", phone="13900000000", role="leader")  # fmt: skip
    made = {"王局长": chief}
    for region, name, phone, role, slot, username in [
        (DONGAN, "张三", "13900000001", "flood_chief", "A", "street"),
        (DONGAN, "李四", "13900000002", "grid", "B", None),
        (WENYILU, "赵六", "13900000003", "flood_chief", "A", None),
    ]:
        made[name] = contacts.contact_create(
            actor=bureau, region_code=region, name=name, phone=phone, role=role, slot=slot,
            superior_id=chief.pk, username=username,
        )  # fmt: skip
    return made


def ahead(hours=12) -> str:
    return (timezone.localtime() + datetime.timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M")


@pytest.fixture
def orange(duty, people, call):
    """An orange rainstorm warning the duty officer issues to 东岸 and 文艺路."""
    status, warning = call(duty, "post", "/api/v1/warnings", rainstorm())
    assert status == 201, warning
    return warning


def rainstorm(**changes) -> dict:
    return {
        "type": "rainstorm", "level": "orange", "region_codes": [DONGAN, WENYILU], "valid_to": ahead(),
        "content": "预计未来6小时东岸、文艺路将出现100毫米以上强降雨，请做好防范。", "source": "meteorology",
    } | changes  # fmt: skip
