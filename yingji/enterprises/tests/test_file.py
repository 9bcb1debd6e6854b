"""一企一档: the enterprise's file lists its accidents, its open hazards with their deadlines
(overdue ones flagged) and its inspections, each linking to its record, and nothing of another
enterprise."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from yingji.accidents.tests.factories import accident_factory, beijing
from yingji.accounts.tests.factories import web_login
from yingji.hazards import services as hazard_services
from yingji.hazards.tests.factories import assigned, hazard_factory
from yingji.inspections.tests.factories import inspection_factory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def logged_in(username: str) -> Client:
    client = Client()
    assert web_login(client, username)
    return client


def section(page: str, testid: str) -> str:
    return re.search(rf'data-testid="{testid}">(.*?)</section>', page, re.S).group(1)


@pytest.fixture
def records(bureau, inspector, street, enterprises):
    a, b = enterprises["A"], enterprises["B"]
    found = TODAY - datetime.timedelta(days=30)
    return {
        "accident": accident_factory(actor=bureau, enterprise_id=a.pk, occurred_at=beijing(2026, 3, 1, 9, 0)),
        "other_accident": accident_factory(actor=bureau, enterprise_id=b.pk, place="商贸仓库"),
        # Deadline 25 days ago: overdue.
        "overdue": assigned(
            hazard_factory(actor=street, enterprise=a, found_at=found, description="护栏缺失"), street, days=5
        ),
        "due": assigned(
            hazard_factory(actor=street, enterprise=a, description="配电箱未上锁"), street, days=40
        ),
        "done": hazard_services.hazard_act(
            actor=street,
            hazard=hazard_factory(actor=street, enterprise=a, description="灭火器过期"),
            action="rectify_on_site",
            data={"measures": "已更换"},
        ),
        "other_hazard": hazard_factory(actor=street, enterprise=b, description="商贸通道堵塞"),
        "inspection": inspection_factory(actor=inspector, enterprise=a),
        "other_inspection": inspection_factory(actor=inspector, enterprise=b),
    }


def test_the_file_lists_accidents_open_hazards_and_inspections_with_links(records, enterprises):
    page = logged_in("bureau").get(f"/enterprises/{enterprises['A'].pk}/").content.decode()

    accidents = section(page, "accidents")
    accident = records["accident"]
    assert f'href="/accidents/{accident.pk}/"' in accidents and "2026-03-01" in accidents
    assert accident.get_grade_display() in accidents and '<td class="num">1</td>' in accidents
    assert f'href="/accidents/{records["other_accident"].pk}/"' not in page

    hazards = section(page, "hazards")
    overdue, due = records["overdue"], records["due"]
    assert f'href="/hazards/{overdue.pk}/"' in hazards and f'href="/hazards/{due.pk}/"' in hazards
    assert overdue.deadline.isoformat() in hazards and due.deadline.isoformat() in hazards
    assert hazards.count('data-testid="overdue"') == 1
    assert hazards.index(f"/hazards/{overdue.pk}/") < hazards.index('data-testid="overdue"')
    assert hazards.index('data-testid="overdue"') < hazards.index(f"/hazards/{due.pk}/")
    assert f"/hazards/{records['done'].pk}/" not in hazards  # rectified: not open
    assert "商贸通道堵塞" not in page

    inspections = section(page, "inspections")
    assert f'href="/inspections/{records["inspection"].pk}/"' in inspections
    assert f"/inspections/{records['other_inspection'].pk}/" not in page


def test_the_enterprise_sees_its_own_file_and_another_street_none(
    records, enterprise_user, other_street, enterprises
):
    page = logged_in("enterprise").get(f"/enterprises/{enterprises['A'].pk}/").content.decode()
    assert f'href="/accidents/{records["accident"].pk}/"' in page
    assert f'href="/hazards/{records["overdue"].pk}/"' in page
    assert f'href="/inspections/{records["inspection"].pk}/"' in page
    assert logged_in("wenyilu").get(f"/enterprises/{enterprises['A'].pk}/").status_code == 404


def test_a_file_without_records_says_so(bureau, enterprises):
    response = logged_in("bureau").get(f"/enterprises/{enterprises['B'].pk}/")
    assert response.status_code == 200
    assert response.context["accident_count"] == 0 and response.context["open_hazard_count"] == 0
