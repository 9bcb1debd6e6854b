"""The printable 隐患整改通知书: the enterprise, the hazards of the inspection with their measures
and deadlines, the overall deadline and signature lines; scoped like the detail page."""

import pytest

from yingji.accounts.tests.factories import web_login
from yingji.hazards.tests.factories import assigned, hazard_factory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hazard(bureau, enterprises):
    return assigned(
        hazard_factory(actor=bureau, enterprise=enterprises["A"], description="配电箱未上锁"), bureau
    )


def test_the_notice_shows_enterprise_items_deadline_and_signature_lines(client, bureau, hazard):
    web_login(client, "bureau")
    response = client.get(f"/hazards/{hazard.pk}/notice/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "东岸建筑工程有限公司" in page and "配电箱未上锁" in page and "加锁" in page and "李四" in page
    assert hazard.deadline.isoformat() in page  # the item's deadline…
    assert (
        f"{hazard.deadline.year}年{hazard.deadline.month}月{hazard.deadline.day}日" in page
    )  # …and the order's
    assert page.count('class="signature-line"') == 4  # inspectors, date; receipt: the unit's signature, date
    assert "css/print.css" in page


def test_the_enterprise_prints_its_own_notice(client, enterprise_user, hazard):
    web_login(client, "enterprise")
    assert client.get(f"/hazards/{hazard.pk}/notice/").status_code == 200


def test_the_notice_is_not_found_outside_the_jurisdiction(client, outsider, hazard):
    web_login(client, "outsider")
    assert client.get(f"/hazards/{hazard.pk}/notice/").status_code == 404


def test_the_detail_page_links_to_the_notice(client, bureau, hazard):
    web_login(client, "bureau")
    page = client.get(f"/hazards/{hazard.pk}/").content.decode()
    assert f'href="/hazards/{hazard.pk}/notice/"' in page
