"""The printable 现场检查记录: the inspected enterprise, what was found with its deadlines, the
inspectors and signature lines, on an A4 print stylesheet; scoped like the detail page."""

import datetime

import pytest

from yingji.accounts.tests.factories import web_login
from yingji.inspections.tests.factories import TODAY, inspection_factory

pytestmark = pytest.mark.django_db


@pytest.fixture
def inspection(inspector, enterprises):
    inspector.name = "李检查"
    inspector.save()
    return inspection_factory(
        actor=inspector,
        enterprise=enterprises["A"],
        hazards=[
            {
                "description": "脚手架连墙件缺失",
                "location": "3号楼",
                "level": "general",
                "deadline": TODAY + datetime.timedelta(days=10),
                "measures": "补设连墙件",
                "responsible": "王五",
            }
        ],
    )


def test_the_record_shows_enterprise_items_deadline_and_signature_lines(client, bureau, inspection):
    web_login(client, "bureau")
    response = client.get(f"/inspections/{inspection.pk}/record/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "现场检查记录" in page or "On-site inspection record" in page
    assert "东岸建筑工程有限公司" in page and "脚手架连墙件缺失" in page and "3号楼" in page
    assert (TODAY + datetime.timedelta(days=10)).isoformat() in page
    assert "李检查" in page
    assert page.count('class="signature-line"') == 4
    assert "css/print.css" in page


def test_the_print_stylesheet_is_a4_and_hides_the_toolbar():
    from django.contrib.staticfiles import finders

    css = open(finders.find("css/print.css"), encoding="utf-8").read()
    assert "size: A4" in css and "@media print" in css and ".print-toolbar { display:none; }" in css


def test_the_record_is_not_found_outside_the_jurisdiction(client, outsider, inspection):
    web_login(client, "outsider")
    assert client.get(f"/inspections/{inspection.pk}/record/").status_code == 404


def test_the_detail_page_links_to_the_record(client, bureau, inspection):
    web_login(client, "bureau")
    page = client.get(f"/inspections/{inspection.pk}/").content.decode()
    assert f'href="/inspections/{inspection.pk}/record/"' in page
