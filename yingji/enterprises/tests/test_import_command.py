"""`yingji import-enterprises FILE --user USERNAME` (the cli turns the hyphen into the module's
underscore): a message and exit status 2 on bad input."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from yingji.enterprises.models import Enterprise
from yingji.enterprises.tests.factories import make_uscc, xlsx

pytestmark = pytest.mark.django_db
HEADER = ["统一社会信用代码", "单位名称", "区划代码", "行业领域"]


@pytest.fixture
def workbook_at(tmp_path):
    def write(rows) -> str:
        path = tmp_path / "enterprises.xlsx"
        path.write_bytes(xlsx(rows).getvalue())
        return str(path)

    return write


def run(*args) -> int:
    try:
        call_command("import_enterprises", *args)
    except CommandError as e:
        return e.returncode
    return 0


def test_a_good_file_is_imported_under_the_user(workbook_at, street, capsys):
    path = workbook_at([HEADER, [make_uscc(971), "命令行有限公司", "430102015", "商贸"]])
    assert run(path, "--user", "street") == 0
    assert "1 registered, 0 changed, 0 unchanged" in capsys.readouterr().out
    assert Enterprise.objects.get(name="命令行有限公司").region_id == "430102015"


def test_a_dry_run_checks_and_writes_nothing(workbook_at, street, capsys):
    path = workbook_at([HEADER, [make_uscc(972), "试运行有限公司", "430102015", "商贸"]])
    assert run(path, "--user", "street", "--dry-run") == 0
    assert "checked, nothing written: 1 registered" in capsys.readouterr().out
    assert not Enterprise.objects.exists()


def test_each_problem_is_a_line_and_the_exit_status_is_2(workbook_at, street, capsys):
    path = workbook_at(
        [
            HEADER,
            [make_uscc(973), "好有限公司", "430102015", "商贸"],
            ["91430102000000974Z", "坏码有限公司", "430102015", "商贸"],
            [make_uscc(975), "外街道有限公司", "430102001", "采矿"],
        ]
    )
    with pytest.raises(CommandError) as error:
        call_command("import_enterprises", path, "--user", "street")
    assert error.value.returncode == 2
    assert str(error.value) == "3 problems in enterprises.xlsx: nothing imported."
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("Row 3, 统一社会信用代码: ")
    assert lines[1] == "Row 4, 区划代码: Region 430102001 is outside your jurisdiction."
    assert lines[2].startswith("Row 4, 行业领域: Use one of: 危险化学品、非煤矿山")
    assert not Enterprise.objects.exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--user", "nobody"], "No active user 'nobody'."),
        (["--user", "enterprise"], "enterprise (enterprise) may not register enterprises."),
    ],
)
def test_an_unknown_or_unfit_user_is_exit_status_2(workbook_at, enterprise_user, args, message):
    path = workbook_at([HEADER])
    with pytest.raises(CommandError) as error:
        call_command("import_enterprises", path, *args)
    assert (error.value.returncode, str(error.value)) == (2, message)


def test_a_missing_or_unreadable_file_is_exit_status_2(tmp_path, street):
    assert run(str(tmp_path / "missing.xlsx"), "--user", "street") == 2
    (tmp_path / "text.xlsx").write_text("not a workbook")
    with pytest.raises(CommandError) as error:
        call_command("import_enterprises", str(tmp_path / "text.xlsx"), "--user", "street")
    assert error.value.returncode == 2 and "not an Excel workbook" in str(error.value)
