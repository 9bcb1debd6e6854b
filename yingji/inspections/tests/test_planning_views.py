"""The plan page, the draw form, the published list of draws and their XLSX export."""

import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory, web_login
from yingji.core.industries import Industry
from yingji.enterprises.tests.factories import enterprise_factory
from yingji.inspections import planning_services as services
from yingji.inspections.planning_models import RandomDraw

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    assert web_login(client, user.username)
    return client


@pytest.fixture
def registry(bureau):
    ents = [enterprise_factory(industry=Industry.CONSTRUCTION, risk_grade="major") for _ in range(6)]
    for n in range(2):
        user_factory(role=Role.INSPECTOR, org=bureau.organisation, username=f"officer{n}")
    return ents


def test_the_bureau_sets_a_row_and_sees_progress(bureau):
    client = signed_in(bureau)
    row = {"year": 2026, "risk_grade": "major", "industry": "construction", "planned": 8, "frequency": 4}
    answer = client.post("/inspections/planning/", row)
    assert answer.status_code == 302
    page = client.get("/inspections/planning/?year=2026").content.decode()
    assert 'data-testid="plan-rows"' in page and '<progress max="8" value="0">' in page


def test_a_street_reads_the_plan_page_but_cannot_post(street):
    client = signed_in(street)
    assert client.get("/inspections/planning/").status_code == 200
    row = {"year": 2026, "risk_grade": "major", "industry": "construction", "planned": 8, "frequency": 1}
    assert client.post("/inspections/planning/", row).status_code == 403


def test_the_bureau_draws_from_the_form_and_is_sent_to_the_result(bureau, registry):
    client = signed_in(bureau)
    form = {"region": "430102015", "industry": "", "risk_grade": "major", "enterprises": 5, "officers": 2}
    answer = client.post("/inspections/planning/draws/", form)
    record = RandomDraw.objects.get()
    assert answer.status_code == 302 and answer.url == f"/inspections/planning/draws/{record.pk}/"
    assert len(record.enterprise_ids) == 5 and len(record.officer_ids) == 2


def test_too_many_enterprises_show_the_count_on_the_form(bureau, registry):
    client = signed_in(bureau)
    form = {"region": "430102015", "enterprises": 7, "officers": 0}
    page = client.post("/inspections/planning/draws/", form).content.decode()
    assert 'data-testid="draw-error"' in page and "6" in page
    assert not RandomDraw.objects.exists()


def test_the_draw_is_published_and_exported_without_formulas(bureau, street, other_street, registry):
    registry[0].name = "=HYPERLINK(1)"
    registry[0].save()
    record = services.random_draw(actor=bureau, region="430102015", enterprises=6, officers=1, seed=5)
    assert (
        signed_in(street)
        .get("/inspections/planning/draws/")
        .content.decode()
        .count(f"/inspections/planning/draws/{record.pk}/")
        == 1
    )
    assert signed_in(other_street).get(f"/inspections/planning/draws/{record.pk}/").status_code == 404
    answer = signed_in(street).get(f"/inspections/planning/draws/{record.pk}/export/")
    sheet = load_workbook(io.BytesIO(b"".join(answer.streaming_content))).active
    names = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(names) == 7 and "'=HYPERLINK(1)" in names
