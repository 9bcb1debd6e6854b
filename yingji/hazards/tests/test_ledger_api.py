"""The ledger through its doors: POST /api/v1/hazards/import, GET /api/v1/hazards/export, the
`import_hazards` command and the ledger pages; who may use them and what each one sees."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils import timezone
from python_calamine import CalamineWorkbook

from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory, web_login
from yingji.hazards.models import Hazard
from yingji.hazards.tests.factories import hazard_factory
from yingji.hazards.tests.test_ledger import ledger_file, row

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def upload(data: bytes, name: str = "台账.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def good_and_bad(enterprises) -> bytes:
    a = enterprises["A"]
    return ledger_file([row(a), row(a, 发现日期="2026-02-30"), row(a), row(a, 状态="已销号", 整改期限=TODAY)])


def sheet_rows(data: bytes) -> list[list]:
    return CalamineWorkbook.from_object(io.BytesIO(data)).get_sheet_by_index(0).to_python()


@pytest.fixture
def leader(db):
    return user_factory(role=Role.LEADER, username="leader", region="430102")


@pytest.fixture
def hazards(street, other_street, outsider, enterprises):
    return {
        key: hazard_factory(actor=actor, enterprise=enterprises[key], description=f"隐患{key}")
        for key, actor in (("A", street), ("B", street), ("C", other_street), ("D", outsider))
    }


# The API ---------------------------------------------------------------------------------


def test_a_good_file_answers_201_with_the_count(api, street, enterprises):
    a = enterprises["A"]
    response = api(street).post("/api/v1/hazards/import", {"file": upload(ledger_file([row(a), row(a)]))})
    assert response.status_code == 201, response.content
    assert response.json() == {"created": 2}
    assert Hazard.objects.count() == 2


def test_a_bad_row_answers_400_with_every_problem_and_writes_nothing(api, street, enterprises):
    response = api(street).post("/api/v1/hazards/import", {"file": upload(good_and_bad(enterprises))})
    assert response.status_code == 400
    assert response.json() == {
        "errors": {
            "rows": [
                {
                    "row": 3,
                    "column": "发现日期",
                    "message": "不是有效日期：2026-02-30。日期请写成 2026-03-05 的形式。",
                },
                {"row": 5, "column": "整改完成日期", "message": "状态为“已销号”时必填。"},
            ]
        }
    }
    assert not Hazard.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00\x01 not a spreadsheet", "未找到表头行"),
        (b"PK\x03\x04 a broken zip", "无法读取该文件"),
        ("单位名称,隐患描述,发现日期\n".encode(), "缺少“隐患等级”列。"),
    ],
)
def test_an_unreadable_file_or_a_missing_column_answers_400_with_a_file_error(api, street, data, message):
    response = api(street).post("/api/v1/hazards/import", {"file": upload(data, "x.csv")})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["file"]
    assert response.json()["errors"]["file"][0].startswith(message), response.json()


def test_without_a_file_it_answers_400(api, street):
    assert api(street).post("/api/v1/hazards/import").status_code == 400


def test_leader_and_duty_may_not_import(api, leader, enterprises):
    duty = user_factory(role=Role.DUTY, org=leader.organisation, username="duty")
    data = ledger_file([row(enterprises["A"])])
    for user in (leader, duty):
        assert api(user).post("/api/v1/hazards/import", {"file": upload(data)}).status_code == 403
    assert api().post("/api/v1/hazards/import", {"file": upload(data)}).status_code == 401
    assert not Hazard.objects.exists()


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("street", {"隐患A", "隐患B"}),
        ("department", {"隐患A", "隐患C"}),  # construction and gas
        ("enterprise_user", {"隐患A"}),
        ("outsider", {"隐患D"}),
        ("bureau", {"隐患A", "隐患B", "隐患C"}),
        ("leader", {"隐患A", "隐患B", "隐患C"}),  # reads, though it may not import
        ("admin", {"隐患A", "隐患B", "隐患C", "隐患D"}),
    ],
)
def test_the_export_holds_only_the_users_hazards(api, request, hazards, persona, expected):
    response = api(request.getfixturevalue(persona)).get("/api/v1/hazards/export")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "attachment" in response["Content-Disposition"]
    rows = sheet_rows(b"".join(response.streaming_content))
    assert tuple(rows[0]) == ("序号", "单位名称", "统一社会信用代码", "隐患描述", "隐患部位", "隐患类别", "隐患等级", "隐患来源",
                              "发现日期", "整改措施", "整改责任人", "整改期限", "整改资金（元）", "整改完成日期", "验收人",
                              "验收日期", "状态", "备注")  # fmt: skip
    assert {r[3] for r in rows[1:]} == expected


def test_the_export_takes_the_lists_filters_and_csv(api, bureau, hazards, enterprises):
    response = api(bureau).get("/api/v1/hazards/export", {"enterprise": enterprises["C"].pk, "format": "csv"})
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff序号,单位名称,统一社会信用代码,隐患描述,")
    lines = text.splitlines()
    assert (
        len(lines) == 2
        and "隐患C" in lines[1]
        and ",一般,监管检查," in lines[1]
        and lines[1].endswith(",待整改,")
    )
    assert api(bureau).get("/api/v1/hazards/export", {"format": "pdf"}).status_code == 400
    assert api(bureau).get("/api/v1/hazards/export", {"status": "nonsense"}).status_code == 400


def test_what_the_api_exports_the_api_imports(api, street, hazards):
    exported = b"".join(api(street).get("/api/v1/hazards/export").streaming_content)
    response = api(street).post("/api/v1/hazards/import", {"file": upload(exported, "导出.xlsx")})
    assert response.json() == {"created": 2}


# The command -----------------------------------------------------------------------------


def test_the_command_imports_and_prints_the_count(tmp_path, street, enterprises, capsys):
    path = tmp_path / "台账.xlsx"
    path.write_bytes(ledger_file([row(enterprises["A"])]))
    call_command("import_hazards", str(path), user="street")
    assert "已从 台账.xlsx 导入 1 条隐患。" in capsys.readouterr().out
    assert Hazard.objects.count() == 1


def test_the_command_prints_each_problem_and_exits_with_status_2(tmp_path, street, enterprises, capsys):
    path = tmp_path / "台账.xlsx"
    path.write_bytes(good_and_bad(enterprises))
    with pytest.raises(CommandError) as caught:
        call_command("import_hazards", str(path), user="street")
    assert caught.value.returncode == 2
    assert capsys.readouterr().err.splitlines() == [
        "第3行 [发现日期] 不是有效日期：2026-02-30。日期请写成 2026-03-05 的形式。",
        "第5行 [整改完成日期] 状态为“已销号”时必填。",
    ]
    assert not Hazard.objects.exists()


@pytest.mark.parametrize(
    ("file", "user"), [("missing.xlsx", "street"), ("台账.xlsx", "nobody"), ("台账.xlsx", "leader")]
)
def test_the_command_refuses_a_missing_file_an_unknown_user_or_a_role(
    tmp_path, street, leader, enterprises, file, user
):
    (tmp_path / "台账.xlsx").write_bytes(ledger_file([row(enterprises["A"])]))
    with pytest.raises(CommandError) as caught:
        call_command("import_hazards", str(tmp_path / file), user=user)
    assert caught.value.returncode == 2
    assert not Hazard.objects.exists()


# The pages -------------------------------------------------------------------------------


def logged_in(username: str) -> Client:
    client = Client()
    assert web_login(client, username)
    return client


def test_the_import_page_lists_every_row_problem_and_imports_nothing(street, enterprises):
    client = logged_in("street")
    page = client.get("/hazards/ledger/import/")
    assert page.status_code == 200 and b'<label for="ledger-file">' in page.content
    response = client.post("/hazards/ledger/import/", {"file": upload(good_and_bad(enterprises))})
    assert response.status_code == 200
    assert [(e.row, e.column) for e in response.context["row_errors"]] == [
        (3, "发现日期"),
        (5, "整改完成日期"),
    ]
    html = response.content.decode()
    assert "未导入任何记录" in html and "状态为“已销号”时必填。" in html
    assert not Hazard.objects.exists()


def test_the_import_page_says_how_many_were_imported(street, enterprises):
    client = logged_in("street")
    data = ledger_file([row(enterprises["A"]), row(enterprises["B"])])
    response = client.post("/hazards/ledger/import/", {"file": upload(data)}, follow=True)
    assert "已从 台账.xlsx 导入 2 条隐患。" in response.content.decode()
    assert b'href="/hazards/"' in response.content
    assert Hazard.objects.count() == 2


def test_the_import_page_without_a_file_or_with_a_bad_one(street):
    client = logged_in("street")
    response = client.post("/hazards/ledger/import/", {})
    assert response.status_code == 200 and response.context["file_errors"]
    response = client.post("/hazards/ledger/import/", {"file": upload(b"junk", "x.xlsx")})
    assert response.status_code == 200 and response.context["file_errors"]


def test_a_leader_may_not_open_the_import_page(leader):
    assert logged_in("leader").get("/hazards/ledger/import/").status_code == 403


def test_the_export_page_gives_the_lists_hazards_as_a_file(street, hazards, enterprises):
    client = logged_in("street")
    response = client.get("/hazards/ledger/export/", {"enterprise": enterprises["B"].pk, "from": "yesterday"})
    assert response.status_code == 200
    assert [r[3] for r in sheet_rows(b"".join(response.streaming_content))[1:]] == ["隐患B"]
    response = client.get("/hazards/ledger/export/", {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")


def test_the_empty_template_is_the_header_row(street):
    response = logged_in("street").get("/hazards/ledger/template/")
    assert [r[3] for r in sheet_rows(b"".join(response.streaming_content))] == ["隐患描述"]
