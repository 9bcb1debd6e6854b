"""The enterprise workbook: export of the scoped list, import all or nothing, round trip."""

import io
from decimal import Decimal

import pytest
from python_calamine import CalamineWorkbook

from yingji.audit.models import AuditEntry
from yingji.audit.services import snapshot
from yingji.enterprises.models import Enterprise
from yingji.enterprises.tests.factories import make_uscc, xlsx
from yingji.enterprises.workbook import COLUMNS

pytestmark = pytest.mark.django_db

HEADERS = [c.header for c in COLUMNS]


def export(client, **params) -> list[list]:
    response = client.get("/api/v1/enterprises/export", params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    content = b"".join(response.streaming_content)
    return CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0).to_python()


def upload(client, rows: list[list]):
    client.cookies["django_language"] = "en"
    return client.post("/api/v1/enterprises/import", {"file": xlsx(rows)})


def problems(response) -> set[tuple]:
    assert response.status_code == 400, response.content
    return {(p["row"], p["column"]) for p in response.json()["rows"]}


def registry() -> dict:
    return {e.uscc: snapshot(e) for e in Enterprise.objects.all()}


def row(**cells) -> list:
    """A data row in the export's column order, from header -> value."""
    return [cells.get(h, "") for h in HEADERS]


@pytest.fixture
def graded(enterprises, department):
    Enterprise.objects.filter(pk=enterprises["A"].pk).update(
        risk_grade="major",
        is_major_hazard_source=True,
        major_hazard_source_grade=2,
        supervising_department=department.organisation,
        longitude=Decimal("113.012345"),
        latitude=Decimal("28.190001"),
        phone="0731-84123456",
        legal_representative="王建国",
        gbt4754_code="E4710",
        scale="medium",
        standardisation_grade="level_3",
    )
    Enterprise.objects.filter(pk=enterprises["B"].pk).update(
        risk_grade="low", dust_explosion=True, status="suspended", safety_manager_phone="13812345678"
    )
    return {k: Enterprise.objects.get(pk=e.pk) for k, e in enterprises.items()}


# --- export ----------------------------------------------------------------------------------


def test_the_export_has_fixed_chinese_columns_and_the_registry_in_words(api, bureau, graded):
    rows = export(api(bureau))
    assert rows[0] == HEADERS
    assert HEADERS[:5] == ["序号", "统一社会信用代码", "单位名称", "区划代码", "所属街道（乡镇）"]
    a = dict(zip(HEADERS, next(r for r in rows if r[2] == "东岸建筑工程有限公司"), strict=True))
    assert a["统一社会信用代码"] == graded["A"].uscc and a["区划代码"] == "430102015"
    assert (a["行业领域"], a["风险等级"], a["重大危险源"], a["重大危险源等级"]) == (
        "建筑施工",
        "重大",
        "是",
        "二级",
    )
    assert (a["行业主管部门"], a["企业规模"], a["安全生产标准化等级"], a["粉尘涉爆"]) == (
        "区住房和城乡建设局",
        "中型",
        "三级",
        "否",
    )
    assert (a["经度"], a["纬度"], a["经营状态"]) == (113.012345, 28.190001, "正常经营")


@pytest.mark.parametrize(
    "persona, names",
    [
        ("street", {"东岸建筑工程有限公司", "东岸商贸有限公司"}),
        ("department", {"东岸建筑工程有限公司", "文艺路燃气有限公司"}),
        ("enterprise_user", {"东岸建筑工程有限公司"}),
        ("outsider", {"天心建设有限公司"}),
    ],
)
def test_the_export_is_the_scoped_list(api, request, enterprises, persona, names):
    rows = export(api(request.getfixturevalue(persona)))
    assert {r[2] for r in rows[1:]} == names


def test_the_export_follows_the_filters(api, bureau, graded):
    rows = export(api(bureau), risk_grade="low", dust_explosion="true")
    assert [r[2] for r in rows[1:]] == ["东岸商贸有限公司"]


def records_audited() -> int:
    """Entries about records (the download of the export is a security event of its own)."""
    return AuditEntry.objects.exclude(object_type="security").count()


# --- round trip ------------------------------------------------------------------------------


def test_an_exported_file_imports_back_unchanged(api, bureau, graded):
    before, audit = registry(), records_audited()
    response = upload(api(bureau), export(api(bureau)))
    assert response.status_code == 201, response.content
    assert response.json() == {"created": 0, "updated": 0, "unchanged": 3, "ignored_columns": []}
    assert registry() == before and records_audited() == audit


def test_an_edited_export_updates_what_changed_and_registers_new_rows(api, bureau, graded):
    rows = export(api(bureau))
    b = next(r for r in rows if r[2] == "东岸商贸有限公司")
    b[HEADERS.index("风险等级")] = "较大风险"
    b[HEADERS.index("从业人员数")] = 42
    code = make_uscc(777)
    rows.append(
        row(统一社会信用代码=code, 单位名称="新登记机械有限公司", 区划代码="430102001", 行业领域="机械")
    )
    response = upload(api(bureau), rows)
    assert response.status_code == 201, response.content
    assert response.json() | {"ignored_columns": []} == {
        "created": 1,
        "updated": 1,
        "unchanged": 2,
        "ignored_columns": [],
    }
    b = Enterprise.objects.get(pk=graded["B"].pk)
    assert (b.risk_grade, b.employees, b.dust_explosion) == ("relatively_high", 42, True)
    new = Enterprise.objects.get(uscc=code)
    assert (new.industry, new.region_id, new.status, new.standardisation_grade) == (
        "machinery",
        "430102001",
        "operating",
        "none",
    )
    assert AuditEntry.objects.filter(object_id=str(new.pk), action="create").exists()


# --- all or nothing --------------------------------------------------------------------------


def test_a_bad_file_imports_nothing_and_reports_every_problem_with_row_and_column(api, bureau, enterprises):
    good = make_uscc(801)
    rows = [
        ["芙蓉区生产经营单位名录（2026年）"],  # row 1: a title above the header
        HEADERS,  # row 2
        row(
            统一社会信用代码=good, 单位名称="好企业有限公司", 区划代码="430102015", 行业领域="商贸"
        ),  # 3: fine
        row(
            统一社会信用代码=make_uscc(802)[:-1] + "I", 单位名称="坏码", 区划代码="430102015", 行业领域="商贸"
        ),
        row(统一社会信用代码=make_uscc(803), 单位名称="坏行业", 区划代码="430102015", 行业领域="采矿"),
        row(
            统一社会信用代码=make_uscc(804),
            单位名称="坏标志",
            区划代码="430102015",
            行业领域="机械",
            粉尘涉爆="也许",
            重大危险源="是",
            重大危险源等级="五级",
        ),
        row(统一社会信用代码=make_uscc(805), 单位名称="外区", 区划代码="430103002", 行业领域="商贸"),
        row(统一社会信用代码=good, 单位名称="重复", 区划代码="430102015", 行业领域="商贸"),  # 8
        row(统一社会信用代码=make_uscc(806), 区划代码="430102015", 行业领域="商贸", 从业人员数="很多"),
        row(单位名称="没有代码有限公司", 区划代码="430102015", 行业领域="商贸"),  # 10
        [],  # 11: empty
        ["填表人：张三", "", ""],  # 12: a note below the data
    ]
    before, audit = registry(), records_audited()
    response = upload(api(bureau), rows)
    assert problems(response) == {
        (4, "统一社会信用代码"),
        (5, "行业领域"),
        (6, "粉尘涉爆"),
        (6, "重大危险源等级"),
        (7, "区划代码"),
        (8, "统一社会信用代码"),
        (9, "单位名称"),
        (9, "从业人员数"),
        (10, "统一社会信用代码"),
    }
    body = response.json()
    by_cell = {(p["row"], p["column"]): p for p in body["rows"]}
    assert by_cell[(8, "统一社会信用代码")]["message"] == "The same code as row 3."
    assert by_cell[(5, "行业领域")]["field"] == "industry"
    assert "Use one of: 危险化学品、" in by_cell[(5, "行业领域")]["message"]
    assert body["errors"]["file"][0].startswith("Row 4, 统一社会信用代码: ")
    assert registry() == before and records_audited() == audit


def test_headers_match_by_text_in_any_order_with_synonyms(api, bureau, enterprises):
    code = make_uscc(811)
    rows = [
        ["", "", "", "", ""],
        ["备注", "企业名称", "统一社会\n信用代码", "*行业领域", "所属街道（乡镇）", "风险等级", "安责险"],
        ["新开", "湘江食品有限公司", code, "轻工", "东岸街道", "一般风险", "√"],
    ]
    response = upload(api(bureau), rows)
    assert response.status_code == 201, response.content
    assert response.json()["ignored_columns"] == ["备注"]
    e = Enterprise.objects.get(uscc=code)
    assert (e.name, e.region_id, e.industry, e.risk_grade, e.liability_insurance) == (
        "湘江食品有限公司",
        "430102015",
        "light_industry",
        "general",
        True,
    )


def test_a_file_with_some_columns_changes_only_those(api, bureau, graded):
    a = graded["A"]
    response = upload(api(bureau), [["统一社会信用代码", "风险等级"], [a.uscc, "低"]])
    assert response.json() == {"created": 0, "updated": 1, "unchanged": 0, "ignored_columns": []}
    a2 = Enterprise.objects.get(pk=a.pk)
    assert a2.risk_grade == "low"
    assert snapshot(a2) | {"risk_grade": "major", "updated_at": None} == snapshot(a) | {"updated_at": None}


def test_street_name_and_department_name_are_resolved_and_checked(api, bureau, department, enterprises):
    code = make_uscc(821)
    header = ["统一社会信用代码", "单位名称", "区划代码", "所属街道（乡镇）", "行业领域", "监管部门"]
    response = upload(
        api(bureau),
        [
            header,
            [code, "东岸燃气有限公司", "", "东岸街道", "城镇燃气", "区住房和城乡建设局"],
            [make_uscc(822), "名不副实有限公司", "430102001", "东岸街道", "城镇燃气", ""],
            [make_uscc(823), "没有部门有限公司", "430102015", "", "城镇燃气", "区不存在局"],
        ],
    )
    assert problems(response) == {(3, "所属街道（乡镇）"), (4, "监管部门")}
    response = upload(
        api(bureau), [header, [code, "东岸燃气有限公司", "", "东岸街道", "城镇燃气", "区住房和城乡建设局"]]
    )
    assert response.status_code == 201
    assert Enterprise.objects.get(uscc=code).supervising_department_id == department.organisation_id


def test_a_code_excel_turned_into_a_number_is_reported_not_guessed(api, bureau):
    response = upload(
        api(bureau),
        [
            ["统一社会信用代码", "单位名称", "区划代码", "行业领域"],
            [914301020000000123, "数字", 430102015, "商贸"],
        ],
    )
    assert problems(response) == {(2, "统一社会信用代码")}
    assert "store it as text" in response.json()["rows"][0]["message"]


@pytest.mark.parametrize(
    "content, message",
    [
        (b"not a workbook", "not an Excel workbook"),
        (b"", "not an Excel workbook"),
    ],
)
def test_a_file_that_is_not_a_workbook_is_a_400(api, bureau, content, message):
    client = api(bureau)
    client.cookies["django_language"] = "en"
    upload_file = io.BytesIO(content)
    upload_file.name = "x.xlsx"
    response = client.post("/api/v1/enterprises/import", {"file": upload_file})
    assert response.status_code == 400
    assert message in response.json()["errors"]["file"][0]


def test_a_workbook_without_a_code_column_or_without_rows_is_a_400(api, bureau):
    response = upload(api(bureau), [["单位名称", "行业领域"], ["某公司", "商贸"]])
    assert response.status_code == 400
    assert "No header row with a 统一社会信用代码 column" in response.json()["errors"]["file"][0]
    response = upload(api(bureau), [HEADERS])
    assert response.status_code == 400
    assert response.json()["errors"]["file"] == ["The file has no enterprise rows."]
    response = upload(api(bureau), [["统一社会信用代码", "单位名称", "企业名称"], [make_uscc(), "甲", "乙"]])
    assert problems(response) == {(1, "企业名称")}


# --- scoping ---------------------------------------------------------------------------------


def test_a_street_imports_only_inside_its_street(api, street, enterprises):
    c = enterprises["C"]
    rows = [
        ["统一社会信用代码", "单位名称", "区划代码", "行业领域"],
        [c.uscc, c.name, c.region_id, "城镇燃气"],  # registered in another street
        [make_uscc(831), "外街道有限公司", "430102001", "商贸"],
        [make_uscc(832), "本街道有限公司", "430102015", "商贸"],
    ]
    response = upload(api(street), rows)
    assert problems(response) == {(2, "统一社会信用代码"), (3, "区划代码")}
    by_row = {p["row"]: p["message"] for p in response.json()["rows"]}
    assert by_row[2] == "An enterprise outside your jurisdiction is registered with this code."
    assert not Enterprise.objects.filter(name="本街道有限公司").exists()


def test_a_department_imports_only_its_industries(api, department, enterprises):
    b = enterprises["B"]
    rows = [
        ["统一社会信用代码", "单位名称", "区划代码", "行业领域"],
        [b.uscc, b.name, b.region_id, "商贸"],
        [make_uscc(841), "新商贸有限公司", "430102015", "商贸"],
        [make_uscc(842), "新燃气有限公司", "430102015", "城镇燃气"],
    ]
    assert problems(upload(api(department), rows)) == {(2, "统一社会信用代码"), (3, "行业领域")}
    response = upload(api(department), [rows[0], rows[3]])
    assert response.status_code == 201
    assert (
        Enterprise.objects.get(name="新燃气有限公司").supervising_department_id == department.organisation_id
    )


def test_an_outsider_cannot_touch_another_districts_enterprise_by_import(api, outsider, enterprises):
    a = enterprises["A"]
    response = upload(api(outsider), [["统一社会信用代码", "风险等级"], [a.uscc, "低"]])
    assert problems(response) == {(2, "统一社会信用代码")}
    assert Enterprise.objects.get(pk=a.pk).risk_grade == ""


@pytest.mark.parametrize("persona", ["enterprise_user"])
def test_an_enterprise_user_may_not_import(api, request, enterprises, persona):
    a = enterprises["A"]
    response = upload(
        api(request.getfixturevalue(persona)), [["统一社会信用代码", "联系电话"], [a.uscc, "13812345678"]]
    )
    assert response.status_code == 403
