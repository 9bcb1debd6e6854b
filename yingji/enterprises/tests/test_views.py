import datetime
import io

import pytest
from django.test import Client
from python_calamine import CalamineWorkbook

from yingji.accounts.tests.factories import web_login
from yingji.audit.models import AuditEntry
from yingji.enterprises.models import Enterprise
from yingji.enterprises.services import enterprise_update
from yingji.enterprises.tests.factories import make_uscc, xlsx
from yingji.hazards.models import Hazard
from yingji.inspections.models import Inspection

pytestmark = pytest.mark.django_db


def test_the_enterprise_page_lists_only_the_jurisdiction(client, street, enterprises):
    web_login(client, "street")
    page = client.get("/enterprises/").content.decode()
    assert "东岸建筑工程有限公司" in page and "东岸商贸有限公司" in page
    assert "文艺路燃气有限公司" not in page and "天心建设有限公司" not in page


def test_the_enterprise_page_for_a_department(client, department, enterprises):
    web_login(client, "department")
    page = client.get("/enterprises/", {"industry": "gas"}).content.decode()
    assert "文艺路燃气有限公司" in page and "东岸建筑工程有限公司" not in page


# --- filters, badges, the record page, the form, the workbook --------------------------------


def english(client, username):
    web_login(client, username)
    client.cookies["django_language"] = "en"
    return client


def test_the_list_filters_by_risk_grade_flag_and_street_and_shows_the_colour(client, bureau, enterprises):
    Enterprise.objects.filter(pk=enterprises["A"].pk).update(risk_grade="major", dust_explosion=True)
    Enterprise.objects.filter(pk=enterprises["C"].pk).update(risk_grade="low")
    english(client, "bureau")
    page = client.get("/enterprises/", {"risk_grade": "major"}).content.decode()
    assert "东岸建筑工程有限公司" in page and "文艺路燃气有限公司" not in page
    assert 'class="badge risk risk-red"' in page and "Major risk" in page
    page = client.get("/enterprises/", {"dust_explosion": "no"}).content.decode()
    assert "东岸建筑工程有限公司" not in page and "东岸商贸有限公司" in page
    page = client.get("/enterprises/", {"region": "430102001"}).content.decode()
    assert "文艺路燃气有限公司" in page and "东岸商贸有限公司" not in page
    assert '<option value="430102015">东岸街道</option>' in page  # the street filter lists its streets


def test_only_registrars_see_import_and_register_links(client, bureau, enterprises):
    from yingji.accounts.tests.factories import user_factory

    user_factory(role="leader", org=bureau.organisation, username="leader")
    page = english(client, "leader").get("/enterprises/").content.decode()
    assert "/enterprises/export/" in page and "/enterprises/import/" not in page
    page = english(Client(), "bureau").get("/enterprises/").content.decode()
    assert "/enterprises/import/" in page and "/enterprises/new/" in page


def test_the_record_page_shows_registry_hazards_inspections_and_history(client, bureau, enterprises):
    a = enterprises["A"]
    enterprise_update(actor=bureau, enterprise=a, risk_grade="relatively_high", phone="0731-84123456")
    hazard = Hazard.objects.create(
        enterprise=a,
        region_id=a.region_id,
        industry=a.industry,
        description="脚手架连墙件缺失",
        found_at=datetime.date(2026, 3, 5),
    )
    Hazard.objects.create(
        enterprise=enterprises["B"],
        region_id=a.region_id,
        industry="commerce_trade",
        description="别家的隐患",
        found_at=datetime.date(2026, 3, 6),
    )
    Inspection.objects.create(
        enterprise=a,
        region_id=a.region_id,
        industry=a.industry,
        inspected_on=datetime.date(2026, 3, 5),
        type="daily",
    )
    page = english(client, "bureau").get(f"/enterprises/{a.pk}/").content.decode()
    assert a.uscc in page and "0731-84123456" in page and "risk-orange" in page
    assert f'href="/hazards/{hazard.pk}/"' in page and "脚手架连墙件缺失" in page and "别家的隐患" not in page
    assert "2026-03-05" in page and "Daily inspection" in page
    assert "Risk grade: — → Relatively high risk" in page  # the history, in words
    assert f'href="/enterprises/{a.pk}/edit/"' in page


@pytest.mark.parametrize(
    "persona, username, outside",
    [("street", "street", "C"), ("department", "department", "B"), ("enterprise_user", "enterprise", "B")],
)
def test_the_record_page_is_404_outside_the_jurisdiction(
    client, request, enterprises, persona, username, outside
):
    request.getfixturevalue(persona)
    web_login(client, username)
    assert client.get(f"/enterprises/{enterprises[outside].pk}/").status_code == 404
    assert client.get(f"/enterprises/{enterprises[outside].pk}/edit/").status_code == 404
    assert client.get(f"/enterprises/{enterprises['A'].pk}/").status_code == 200


def test_the_form_saves_through_the_services_and_shows_their_errors(client, bureau, enterprises):
    a = enterprises["A"]
    english(client, "bureau")
    form = client.get(f"/enterprises/{a.pk}/edit/")
    assert form.status_code == 200 and 'name="risk_grade"' in form.content.decode()
    data = {
        "uscc": a.uscc,
        "name": a.name,
        "region_code": a.region_id,
        "industry": a.industry,
        "employees": 25,
        "status": "operating",
        "standardisation_grade": "none",
        "risk_grade": "general",
        "is_major_hazard_source": "on",
    }
    page = client.post(f"/enterprises/{a.pk}/edit/", data).content.decode()
    assert "Give the grade (1–4) of the major hazard source." in page
    assert Enterprise.objects.get(pk=a.pk).risk_grade == ""
    response = client.post(f"/enterprises/{a.pk}/edit/", data | {"major_hazard_source_grade": "2"})
    assert response.status_code == 302 and response["Location"] == f"/enterprises/{a.pk}/"
    a.refresh_from_db()
    assert (a.risk_grade, a.employees, a.major_hazard_source_grade) == ("general", 25, 2)


def test_registering_through_the_form(client, street):
    english(client, "street")
    data = {
        "uscc": make_uscc(951),
        "name": "东岸新开有限公司",
        "region_code": "430102015",
        "industry": "commerce_trade",
        "employees": 5,
        "status": "operating",
        "standardisation_grade": "none",
    }
    response = client.post("/enterprises/new/", data)
    assert response.status_code == 302
    assert Enterprise.objects.get(name="东岸新开有限公司").region_id == "430102015"
    page = client.post("/enterprises/new/", data | {"region_code": "430102001"}).content.decode()
    assert "Select a valid choice" in page  # another street is not even offered


def test_an_enterprise_user_edits_only_its_contacts(client, enterprise_user, enterprises):
    a = enterprises["A"]
    english(client, "enterprise")
    page = client.get(f"/enterprises/{a.pk}/edit/").content.decode()
    assert 'name="phone"' in page and 'name="safety_manager"' in page
    assert 'name="name"' not in page and 'name="risk_grade"' not in page
    response = client.post(
        f"/enterprises/{a.pk}/edit/",
        {"address": "东二环一段1号", "phone": "13812345678", "safety_manager": "陈安全", "name": "改名"},
    )
    assert response.status_code == 302
    a.refresh_from_db()
    assert (a.phone, a.safety_manager, a.name) == ("13812345678", "陈安全", "东岸建筑工程有限公司")


def test_leaders_may_not_open_the_form_or_the_import(client, bureau, enterprises):
    from yingji.accounts.tests.factories import user_factory

    user_factory(role="leader", org=bureau.organisation, username="leader")
    web_login(client, "leader")
    assert client.get(f"/enterprises/{enterprises['A'].pk}/").status_code == 200
    assert client.get(f"/enterprises/{enterprises['A'].pk}/edit/").status_code == 403
    assert client.get("/enterprises/new/").status_code == 403
    assert client.get("/enterprises/import/").status_code == 403


def test_the_export_button_gives_the_filtered_scoped_workbook(client, street, enterprises):
    web_login(client, "street")
    response = client.get("/enterprises/export/", {"search": "商贸"})
    assert response.status_code == 200
    sheet = CalamineWorkbook.from_filelike(
        io.BytesIO(b"".join(response.streaming_content))
    ).get_sheet_by_index(0)
    assert [r[2] for r in sheet.to_python()[1:]] == ["东岸商贸有限公司"]


def test_the_import_page_lists_every_problem_and_creates_nothing(client, bureau, enterprises):
    english(client, "bureau")
    rows = [
        ["统一社会信用代码", "单位名称", "区划代码", "行业领域"],
        [make_uscc(961), "好企业有限公司", "430102015", "商贸"],
        ["914301020000009620", "坏企业有限公司", "430102015", "商贸"],
        [make_uscc(963), "外区企业有限公司", "430103002", "商贸"],
    ]
    audit = AuditEntry.objects.count()
    response = client.post("/enterprises/import/", {"file": xlsx(rows)})
    page = response.content.decode()
    assert response.status_code == 200  # the page, with its problems; a 400 would be a console error
    assert "Nothing was imported. Problems found: 2." in page
    assert '<td class="num">3</td><td>统一社会信用代码</td>' in page and "<td>区划代码</td>" in page
    assert (
        not Enterprise.objects.filter(name="好企业有限公司").exists() and AuditEntry.objects.count() == audit
    )
    response = client.post("/enterprises/import/", {"file": xlsx(rows[:2])}, follow=True)
    assert "Imported: 1 registered, 0 changed, 0 unchanged." in response.content.decode()
    assert Enterprise.objects.filter(name="好企业有限公司").exists()
