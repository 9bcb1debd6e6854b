"""The hazard and accident statistics tables (xlsx): every number is the stats answer for its
row, the 合计 row is the region's total, the layout is an official form's, scoping holds, and
a spreadsheet program opens them."""

import datetime
import io
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from yingji.accidents.tests.factories import accident_factory, beijing
from yingji.core.industries import Industry
from yingji.enterprises.tests.factories import enterprise_factory
from yingji.hazards import services
from yingji.hazards.tests.factories import PLAN, assigned, hazard_factory
from yingji.hazards.tests.images import jpeg_bytes
from yingji.regions.models import Region
from yingji.reports.tables import build_table
from yingji.reports.tables.accidents import KEYS as ACCIDENT_KEYS
from yingji.reports.tables.hazards import KEYS as HAZARD_KEYS
from yingji.stats.catalog import Query
from yingji.stats.periods import period_of
from yingji.stats.selectors import stats_answer

pytestmark = pytest.mark.django_db
D = datetime.date
AS_OF = D(2026, 7, 15)  # the H1 tables, made in July
H1 = period_of(2026, "H1")
DISTRICT, DONGAN = "430102", "430102015"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# --- records ------------------------------------------------------------------------------


def act(hazard, action, actor, **data):
    return services.hazard_act(actor=actor, hazard=hazard, action=action, data=data)


@pytest.fixture
def hazards(bureau, admin, enterprises):
    """In H1 2026: 东岸 (A construction, B commerce) found 3, rectified 1 by 30 June, 2 overdue
    (one found last December); 文艺路 (C gas) 2 major, both listed, 1 rectified. Not counted:
    last year's, a cancelled one, and 天心区's."""
    a, b, c = enterprises["A"], enterprises["B"], enterprises["C"]
    on_the_spot = hazard_factory(actor=bureau, enterprise=a, found_at=D(2026, 2, 1))
    act(on_the_spot, "rectify_on_site", bureau, rectified_at="2026-02-03")
    overdue = hazard_factory(actor=bureau, enterprise=a, found_at=D(2026, 3, 1))
    assigned(overdue, bureau, days=20)  # due 21 March, still open
    late = hazard_factory(actor=bureau, enterprise=b, found_at=D(2026, 4, 1))
    act(late, "rectify_on_site", bureau, rectified_at="2026-07-05")  # after 30 June: not rectified in H1
    major = hazard_factory(actor=bureau, enterprise=c, found_at=D(2026, 5, 1), level="major")
    assigned(major, bureau, days=60)
    act(major, "list", bureau, level="county", listed_on="2026-05-10")
    photo = SimpleUploadedFile("after.jpg", jpeg_bytes(), "image/jpeg")
    services.hazard_act(
        actor=bureau, hazard=major, action="submit", data={"rectified_at": "2026-06-20"}, files=[photo]
    )
    act(major, "approve", bureau)
    still_major = hazard_factory(actor=bureau, enterprise=c, found_at=D(2026, 6, 1), level="major")
    services.hazard_set_plan(actor=bureau, hazard=still_major, **PLAN)
    act(still_major, "list", bureau, level="county", listed_on="2026-06-05")
    assigned(hazard_factory(actor=bureau, enterprise=a, found_at=D(2025, 12, 1)), bureau, days=30)  # overdue
    act(hazard_factory(actor=bureau, enterprise=b, found_at=D(2025, 3, 1)), "rectify_on_site", bureau)
    act(hazard_factory(actor=bureau, enterprise=a, found_at=D(2026, 6, 10)), "cancel", bureau, reason="重复")
    hazard_factory(actor=admin, enterprise=enterprises["D"], found_at=D(2026, 2, 1))


@pytest.fixture
def accidents(bureau, admin):
    """H1 2026 against H1 2025, by kind and industry; 天心区's and a natural disaster not counted.
    The factory's accident: production, 东岸, one dead, 120万元."""

    def happened(*day, **values):
        accident_factory(actor=bureau, occurred_at=beijing(*day, 9), **values)

    happened(2026, 3, 1, industry="construction")
    happened(2026, 4, 10, industry="commerce_trade", deaths=0, missing=1, minor_injuries=2, direct_loss=50000)
    happened(2026, 5, 5, industry="road_transport", deaths=0, serious_injuries=1, direct_loss=300000)
    happened(2025, 3, 1, industry="construction", deaths=2, direct_loss=800000)
    happened(
        2025, 4, 1, industry="construction", deaths=0, minor_injuries=1, direct_loss=Decimal("123456.78")
    )
    happened(2026, 2, 1, kind="road_traffic", direct_loss=0)
    happened(2026, 6, 1, kind="fire", deaths=0, direct_loss=10000)
    happened(2025, 6, 1, kind="fire", deaths=0, direct_loss=20000)
    happened(2026, 4, 1, kind="natural_disaster", deaths=0, direct_loss=0)
    accident_factory(actor=admin, occurred_at=beijing(2026, 3, 1, 9), region_code="430103002")


# --- reading the xlsx ---------------------------------------------------------------------


def table(name, user, region=DISTRICT, period="H1"):
    return load_workbook(
        io.BytesIO(
            build_table(name, user=user, region_code=region, year=2026, period_code=period, as_of=AS_OF)
        )
    )


def rows(sheet) -> dict[str, list]:
    """label -> the numbers of its row, from the first data row to the signature line."""
    found = {}
    for row in sheet.iter_rows(min_row=6, values_only=True):
        if str(row[0] or "").startswith("单位负责人"):
            return found
        found[row[1].strip("　").removeprefix("其中：")] = list(row[2:])
    raise AssertionError("no signature line under the table")


def answer(user, keys, compare=None, **filters):
    query = Query(user=user, period=H1, filters={"region": DISTRICT} | filters, as_of=AS_OF)
    return stats_answer(query=query, keys=keys, compare=compare)["indicators"]


def hazard_cells(user, **filters) -> list:
    return ["—" if e["value"] is None else e["value"] for e in answer(user, HAZARD_KEYS, **filters).values()]


def accident_cells(user, **filters) -> list:
    cells = []
    for key, e in answer(user, ACCIDENT_KEYS, "yoy", **filters).items():
        scale = 10000 if key == "accidents.direct_loss" else 1  # 万元
        change = "—" if e["change_pct"] is None else e["change_pct"]
        cells += [
            pytest.approx(float(e["value"]) / scale),
            pytest.approx(float(e["previous"]) / scale),
            change,
        ]
    return cells


# --- the hazard table ---------------------------------------------------------------------

#          found major rectified rate major-rectified rate listed overdue
DONGAN_ROW = [3, 0, 1, 33.3, 0, "—", 0, 2]
WENYILU_ROW = [2, 2, 1, 50, 1, 50, 2, 0]


def test_the_hazard_table_counts_each_street_and_the_district(bureau, hazards):
    by_street = rows(table("hazard-table", bureau)["按街道（乡镇）"])
    assert by_street["合计"] == [5, 2, 2, 40, 1, 50, 2, 2]
    assert by_street["东岸街道"] == DONGAN_ROW
    assert by_street["文艺路街道"] == WENYILU_ROW
    assert by_street["朝阳街街道"] == [0, 0, 0, "—", 0, "—", 0, 0]  # every street is listed, with nothing
    streets = Region.objects.filter(parent=DISTRICT).count()
    assert len(by_street) == 1 + streets


def test_every_hazard_number_is_the_stats_answer_and_the_rows_add_up(bureau, hazards):
    book = table("hazard-table", bureau)
    by_street, by_industry = rows(book["按街道（乡镇）"]), rows(book["按行业领域"])
    assert by_street["合计"] == by_industry["合计"] == hazard_cells(bureau)
    for street in Region.objects.filter(parent=DISTRICT):
        assert by_street[street.name] == hazard_cells(bureau, region=street.code), street.name
    for industry in Industry:
        assert by_industry[str(industry.label)] == hazard_cells(bureau, industry=industry.value)
    counts = [0, 1, 2, 4, 6, 7]  # the columns that are counts, not rates
    for sheet in (by_street, by_industry):
        details = [values for label, values in sheet.items() if label != "合计"]
        assert [sum(v[c] for v in details) for c in counts] == [sheet["合计"][c] for c in counts]


def test_the_hazard_table_by_industry(bureau, hazards):
    by_industry = rows(table("hazard-table", bureau)["按行业领域"])
    assert by_industry["建筑施工"] == [2, 0, 1, 50, 0, "—", 0, 2]
    assert by_industry["商贸"] == [1, 0, 0, 0, 0, "—", 0, 0]
    assert by_industry["城镇燃气"] == WENYILU_ROW
    assert len(by_industry) == 1 + len(Industry)  # the form's fixed rows, every industry


def test_hazards_kept_on_the_county_itself_are_a_row_of_their_own(bureau, hazards):
    county_unit = enterprise_factory(region=DISTRICT, industry=Industry.GAS, name="芙蓉区燃气总公司")
    hazard_factory(actor=bureau, enterprise=county_unit, found_at=D(2026, 2, 1))
    by_street = rows(table("hazard-table", bureau)["按街道（乡镇）"])
    assert by_street["芙蓉区本级"][0] == 1 and by_street["合计"][0] == 6


def test_a_city_table_is_by_county(admin, hazards):
    by_county = rows(table("hazard-table", admin, region="4301")["按县（市、区）"])
    assert by_county["芙蓉区"][0] == 5 and by_county["天心区"][0] == 1 and by_county["合计"][0] == 6


def test_a_street_user_gets_its_street_only(api, street, hazards):
    by_street = rows(table("hazard-table", street, region=DONGAN)["按街道（乡镇）"])
    assert by_street == {"合计": DONGAN_ROW, "东岸街道": DONGAN_ROW}
    params = {"region": DISTRICT, "year": 2026, "period": "H1"}
    assert (
        api(street).get("/api/v1/reports/hazard-table", params).status_code == 403
    )  # reports are the bureau's


def test_a_department_counts_its_industries_only(department, hazards):
    by_industry = rows(table("hazard-table", department)["按行业领域"])
    assert by_industry["合计"][0] == 4 and by_industry["商贸"][0] == 0  # construction and gas


# --- the accident table -------------------------------------------------------------------


def test_the_accident_table_by_kind_with_year_on_year_change(bureau, accidents):
    book = table("accident-table", bureau)
    by_kind = rows(book["生产安全事故"]) | rows(book["道路交通和火灾"])
    #                             count      deaths+missing  injured      loss (万元)
    assert by_kind["生产安全事故"] == [3, 2, 50, 2, 2, 0, 3, 1, 200, 155, pytest.approx(92.345678), 67.8]
    assert by_kind["建筑施工"][:3] == [1, 2, -50]
    assert by_kind["工矿商贸"][:3] == [1, 0, "—"]  # nothing last year: no percentage
    assert by_kind["生产经营性道路运输"][:3] == [1, 0, "—"]
    assert by_kind["道路交通事故"][:3] == [1, 0, "—"]
    assert by_kind["火灾事故"][:3] + by_kind["火灾事故"][9:] == [1, 1, 0, 1, 2, -50]
    assert by_kind["森林火灾"] == [0, 0, "—"] * 4
    assert "自然灾害" not in by_kind


def test_every_accident_number_is_the_stats_answer(bureau, accidents):
    book = table("accident-table", bureau)
    by_kind, by_industry = rows(book["生产安全事故"]) | rows(book["道路交通和火灾"]), rows(book["按行业领域"])
    production = {"kind": "production"}
    assert by_kind["生产安全事故"] == by_industry["合计"] == accident_cells(bureau, **production)
    domains = {
        "工矿商贸": "industry_mining_commerce",
        "建筑施工": "construction",
        "生产经营性道路运输": "road_transport",
    }
    domains |= {"水上交通": "waterway", "生产经营性火灾": "fire", "其他": "other"}
    for label, domain in domains.items():
        assert by_kind[label] == accident_cells(bureau, **production, domain=domain), label
    for label, kind in (("道路交通事故", "road_traffic"), ("火灾事故", "fire"), ("森林火灾", "forest_fire")):
        assert by_kind[label] == accident_cells(bureau, kind=kind), label
    for industry in Industry:
        assert by_industry[str(industry.label)] == accident_cells(
            bureau, **production, industry=industry.value
        )
    assert len(by_kind) == 1 + len(domains) + 3 and len(by_industry) == 1 + len(Industry)


# --- the form -----------------------------------------------------------------------------


def test_it_is_laid_out_as_an_official_form(bureau, hazards):
    sheet = table("hazard-table", bureau)["按街道（乡镇）"]
    assert sheet["A1"].value == "2026年上半年隐患排查治理情况统计表"
    assert "A1:J1" in sheet.merged_cells and sheet["A1"].font.name == "宋体" and sheet["A1"].font.bold
    assert sheet["A2"].value == "填报单位（盖章）：芙蓉区应急管理局"
    meta = [c for c in next(sheet.iter_rows(min_row=2, max_row=2, values_only=True)) if c]
    assert meta[1:] == ["统计期间：2026年1月1日至2026年6月30日", "单位：处、%"]
    assert [sheet.cell(3, c).value for c in (1, 2, 3, 5, 7, 9, 10)] == [
        "序号",
        "街道（乡镇）",
        "排查隐患（处）",
        "隐患整改",
        "重大隐患整改",
        "挂牌督办\n（处）",
        "逾期未整改\n（处）",
    ]
    assert [sheet.cell(5, c).value for c in range(1, 5)] == ["甲", "乙", "1", "2"]  # column numbers
    signatures = [c for c in next(sheet.iter_rows(min_row=6 + 15, max_row=6 + 15, values_only=True)) if c]
    assert signatures == [
        "单位负责人：",
        "统计负责人：",
        "审核人：",
        "填表人：",
        "联系电话：",
        "填报日期：2026年7月15日",
    ]
    notes = [r[0] for r in sheet.iter_rows(min_row=6 + 16, values_only=True)]
    assert notes[0].startswith("注：1．排查隐患按发现日期计入本期") and "截至2026年6月30日" in notes[0]
    assert sheet["C6"].border.top.style == "thin" and sheet["B6"].font.bold  # 合计, boxed
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9  # A4
    assert sheet.page_setup.fitToWidth == 1 and sheet.print_title_rows == "$3:$5"
    assert sheet.freeze_panes == "C6"


def test_the_api_answers_an_xlsx(api, bureau, hazards, accidents):
    client = api(bureau)
    for name in ("hazard-table", "accident-table"):
        response = client.get(f"/api/v1/reports/{name}", {"region": DISTRICT, "year": 2026, "period": "Q2"})
        assert response.status_code == 200 and response["Content-Type"] == XLSX
        assert response["Content-Disposition"] == f'attachment; filename="{name}-430102-2026-Q2.xlsx"'
        assert (
            load_workbook(io.BytesIO(response.content)).worksheets[0]["A1"].value.startswith("2026年第二季度")
        )


@pytest.mark.parametrize("name", ["hazard-table", "accident-table"])
def test_the_api_refuses_a_bad_period_and_hides_other_regions(api, bureau, outsider, name):
    path, params = f"/api/v1/reports/{name}", {"region": DISTRICT, "year": 2026}
    bad = api(bureau).get(path, params | {"period": "H3"})
    assert bad.status_code == 400 and list(bad.json()["errors"]) == ["period"]
    assert api(outsider).get(path, params | {"period": "H1"}).status_code == 404  # 天心区's bureau
    assert api(bureau).get(path, params | {"region": "999999", "period": "H1"}).status_code == 404
    assert api().get(path, params | {"period": "H1"}).status_code == 401


def test_the_command_writes_both_tables_and_refuses_bad_input(admin, street, hazards, tmp_path):
    for name in ("hazard-table", "accident-table"):
        out = tmp_path / f"{name}.xlsx"
        call_command("report", name, "--region", DISTRICT, "--year", "2026", "--period", "H1", "-o", str(out))
        assert load_workbook(out).sheetnames[1] == "按行业领域"
    for bad in (
        ["--period", "H9"],
        ["--format", "docx"],  # the tables are xlsx
        ["--user", "street"],  # the district is outside the street's jurisdiction
    ):
        with pytest.raises(CommandError) as error:
            call_command("report", "hazard-table", "--region", DISTRICT, "--year", "2026", *bad)
        assert error.value.returncode == 2, bad


def test_the_page_offers_both_tables(client, bureau, hazards):
    from yingji.accounts.tests.factories import web_login

    web_login(client, "bureau")
    params = {"region": DISTRICT, "year": 2026, "period": "H1"}
    page = client.get("/reports/work-summary/", params).content.decode()
    assert 'data-testid="download-hazard-table"' in page and 'data-testid="download-accident-table"' in page
    download = client.get("/reports/work-summary/", params | {"table": "accident-table"})
    assert download["Content-Type"] == XLSX and download["Content-Disposition"].endswith('.xlsx"')


def test_libreoffice_opens_them_one_a4_landscape_page_a_sheet(bureau, hazards, accidents, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is installed by scripts/install-test-deps"
    sources = []
    for name in ("hazard-table", "accident-table"):
        sources.append(tmp_path / f"{name}.xlsx")
        sources[-1].write_bytes(
            build_table(name, user=bureau, region_code=DISTRICT, year=2026, period_code="H1", as_of=AS_OF)
        )
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf"]
        + ["--outdir", str(tmp_path), *map(str, sources)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    for source, title, pages in zip(
        sources, ("隐患排查治理情况统计表", "生产安全事故统计表"), (2, 3), strict=True
    ):
        pdf = source.with_suffix(".pdf")
        assert pdf.exists(), "LibreOffice Calc (libreoffice-calc-nogui) opens xlsx"
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert (
            f"Pages:           {pages}" in info and "841.89 x 595.3" in info
        )  # a page a sheet, A4 landscape
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert f"2026年上半年{title}" in text.replace(" ", "") and "芙蓉区应急管理局" in text


def test_the_accident_table_s_titles_say_what_each_sheet_counts(bureau, accidents):
    book = table("accident-table", bureau)
    assert book["生产安全事故"]["A1"].value == "2026年上半年生产安全事故统计表"
    assert book["按行业领域"]["A1"].value == "2026年上半年生产安全事故统计表（按行业领域）"
    assert book["道路交通和火灾"]["A1"].value == "2026年上半年道路交通、火灾和森林火灾事故统计表"


def test_rates_show_one_decimal_everywhere(bureau, hazards, accidents):
    from yingji.reports.tables.xlsx import FIRST_DATA_ROW, HEADER_ROW

    for name in ("hazard-table", "accident-table"):
        for ws in table(name, bureau).worksheets:
            rate_columns = [
                c.column
                for c in ws[HEADER_ROW + 1]
                if "%" in str(c.value or "") or "%" in str(ws.cell(HEADER_ROW, c.column).value or "")
            ]
            assert rate_columns, (name, ws.title)
            data = [ws.cell(r, col) for col in rate_columns for r in range(FIRST_DATA_ROW, ws.max_row + 1)]
            numbers = [c for c in data if isinstance(c.value, (int, float))]
            assert numbers and {c.number_format for c in numbers} == {"0.0"}, (name, ws.title)  # 94.0, not 94
