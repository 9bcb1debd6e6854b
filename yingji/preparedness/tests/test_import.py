"""Teams and members from XLSX: all or nothing, every problem with its row and column."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from yingji.preparedness.models import Team, TeamMember
from yingji.preparedness.team_import import ImportRejected, import_teams

pytestmark = pytest.mark.django_db
HEADER = ("队伍名称", "级别", "所属区域", "姓名", "电话", "职务", "证书")


def _xlsx(*rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in (HEADER, *rows):
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


GOOD = (
    ("东岸街道应急抢险突击队", "乡级", "东岸街道", "张三", "13800000001", "队长", "救生员证、急救证"),
    ("东岸街道应急抢险突击队", "乡级", "430102015", "李四", "13800000002", "队员", ""),
    ("芙蓉区应急抢险突击队", "县级", "芙蓉区", "王五", "13800000003", "队员", ""),
)


def test_each_row_adds_a_member_and_new_teams_are_created(bureau):
    result = import_teams(actor=bureau, data=_xlsx(*GOOD))
    assert (result.teams, result.members) == (2, 3)
    team = Team.objects.get(name="东岸街道应急抢险突击队")
    assert (team.level, team.region_id, team.members.count()) == ("township", "430102015", 2)
    assert TeamMember.objects.get(name="张三").certificates == ["救生员证", "急救证"]


def test_nothing_is_recorded_when_any_row_is_bad_and_every_problem_is_named(bureau):
    rows = (*GOOD, ("坏队", "排级", "东岸街道", "赵六", "13800000004", "", ""),
            ("东岸街道应急抢险突击队", "乡级", "东岸街道", "", "abc", "", ""),
            ("外区队", "县级", "430103", "钱七", "13800000005", "", ""))  # fmt: skip
    with pytest.raises(ImportRejected) as rejected:
        import_teams(actor=bureau, data=_xlsx(*rows))
    assert [(p.row, p.column) for p in rejected.value.problems] == [(5, "级别"), (6, "姓名"), (7, "所属区域")]
    assert (Team.objects.count(), TeamMember.objects.count()) == (0, 0)


def test_a_street_imports_only_into_its_own_street(street):
    with pytest.raises(ImportRejected) as rejected:
        import_teams(actor=street, data=_xlsx(GOOD[2]))
    assert [(p.row, p.column) for p in rejected.value.problems] == [(2, "所属区域")]


def test_not_a_workbook_or_no_header(bureau):
    with pytest.raises(ImportRejected) as rejected:
        import_teams(actor=bureau, data=b"hello")
    assert rejected.value.problems[0].column == "file"
    book = Workbook()
    book.active.append(["名称", "人数"])
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(ImportRejected) as rejected:
        import_teams(actor=bureau, data=out.getvalue())
    assert rejected.value.problems[0].column == "header"


def test_over_the_api_problems_are_a_400_with_row_and_column(bureau, api):
    bad = _xlsx(("坏队", "排级", "东岸街道", "赵六", "13800000004", "", ""))
    answer = api(bureau).post("/api/v1/teams/import", {"file": SimpleUploadedFile("t.xlsx", bad)})
    assert answer.status_code == 400
    assert "2" in answer.json()["errors"]["file"][0] and "级别" in answer.json()["errors"]["file"][0]
    good = api(bureau).post("/api/v1/teams/import", {"file": SimpleUploadedFile("t.xlsx", _xlsx(*GOOD))})
    assert (good.status_code, good.json()) == (201, {"teams": 2, "members": 3})
