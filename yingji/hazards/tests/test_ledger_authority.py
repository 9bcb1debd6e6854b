"""The ledger import reaches no state its importer could not reach through the actions, and
names no acceptor but the importer: every role × level × status, through the service, and the
issue's case (an enterprise writing off its own major hazard) through the API.

Who may take a hazard how far is permissions.py's rule; the rows here are hazards the
importer found (an import is never listed). The table below is that rule written by hand."""

import datetime

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory
from yingji.audit.models import AuditEntry
from yingji.hazards import services
from yingji.hazards.models import Hazard
from yingji.hazards.tests.test_ledger import imported, ledger_file, problems, row
from yingji.hazards.tests.test_ledger_api import upload

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
FOUND = TODAY - datetime.timedelta(days=30)
HEADERS = (
    "单位名称",
    "隐患描述",
    "隐患等级",
    "发现日期",
    "整改期限",
    "整改完成日期",
    "验收人",
    "验收日期",
    "状态",
)

# 待整改, 整改中, 待验收, 已整改, 已销号, 已撤销: the statuses each role may import a row in.
STATUSES = ("待整改", "整改中", "待验收", "已整改", "已销号", "已撤销")
MAY_IMPORT = {
    # role: (general, major)
    "admin": ("待整改 整改中 待验收 已整改 已销号 已撤销", "待整改 整改中 待验收 已整改 已销号 已撤销"),
    "bureau": ("待整改 整改中 待验收 已整改 已销号 已撤销", "待整改 整改中 待验收 已整改 已销号 已撤销"),
    "inspector": ("待整改 整改中 待验收 已整改 已销号", "待整改 整改中 待验收 已整改 已销号"),
    "department": ("待整改 整改中 待验收 已整改 已销号", "待整改 整改中 待验收 已整改 已销号"),
    "street": ("待整改 整改中 待验收 已整改 已销号", "待整改 整改中"),
    "enterprise_user": ("待整改 整改中 待验收", "待整改 整改中"),
}
LEVELS = {"一般": 0, "重大": 1}
CASES = [
    (role, level, status, status in MAY_IMPORT[role][column].split())
    for role in MAY_IMPORT
    for level, column in LEVELS.items()
    for status in STATUSES
]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def ledger_row(enterprise, level: str, status: str, **values) -> dict:
    later = {"整改期限": FOUND + datetime.timedelta(days=10)} if status not in ("待整改", "已撤销") else {}
    if status in ("已整改", "已销号"):
        later |= {
            "整改完成日期": FOUND + datetime.timedelta(days=5),
            "验收日期": FOUND + datetime.timedelta(days=6),
        }
    return row(enterprise, 隐患等级=level, 状态=status, **later) | values


@pytest.mark.parametrize(("role", "level", "status", "allowed"), CASES)
def test_who_may_import_a_row_how_far(request, enterprises, role, level, status, allowed):
    user = request.getfixturevalue(role)
    data = ledger_file([ledger_row(enterprises["A"], level, status)], headers=HEADERS)
    if allowed:
        assert imported(user, data) == 1
        hazard = Hazard.objects.get()
        accepted = status in ("已整改", "已销号")
        assert (hazard.verified_by, hazard.verifier) == ((user, user.username) if accepted else (None, ""))
    else:
        kind = "major" if level == "重大" else "general"
        assert problems(user, data) == [(2, "状态", f"Your role cannot import a {kind} hazard as {status}.")]


def test_an_acceptor_typed_for_someone_else_is_a_remark_and_the_importer_is_the_acceptor(street, enterprises):
    data = ledger_file(
        [ledger_row(enterprises["A"], "一般", "已销号", 验收人="应急局张科长")], headers=HEADERS
    )
    assert imported(street, data) == 1
    hazard = Hazard.objects.get()
    assert (hazard.status, hazard.verified_by, hazard.verifier) == ("closed", street, "street")
    assert hazard.note == "Acceptor written in the ledger: 应急局张科长"
    entry = AuditEntry.objects.get(action="hazard.import")
    assert (entry.actor, entry.after["accepted_by_importer"]) == (street, 1)


def test_the_importers_own_name_in_the_ledger_adds_no_remark(street, enterprises):
    data = ledger_file([ledger_row(enterprises["A"], "一般", "已整改", 验收人="street")], headers=HEADERS)
    imported(street, data)
    assert (Hazard.objects.get().verifier, Hazard.objects.get().note) == ("street", "")


@pytest.mark.parametrize("status", ["待整改", "整改中", "待验收"])
def test_a_hazard_not_accepted_names_no_acceptor(enterprise_user, enterprises, status):
    day = FOUND + datetime.timedelta(days=6)
    data = ledger_file(
        [ledger_row(enterprises["A"], "一般", status, 验收人="应急局张科长", 验收日期=day)], headers=HEADERS
    )
    assert problems(enterprise_user, data) == [
        (2, "验收人", "Only an accepted hazard (已整改 or 已销号) has an acceptor."),
        (2, "验收日期", "Only an accepted hazard (已整改 or 已销号) has an acceptance date."),
    ]


def test_a_department_imports_rows_of_its_industries_to_the_end_of_the_loop(department, enterprises):
    # Commerce (B) lies outside its industries: not found at all. Gas (C) is one of them.
    outside = ledger_file([ledger_row(enterprises["B"], "一般", "已销号")], headers=HEADERS)
    assert [p[1] for p in problems(department, outside)] == ["单位名称"]
    data = ledger_file([ledger_row(enterprises["C"], "重大", "已销号")], headers=HEADERS)
    assert imported(department, data) == 1


def test_a_leader_imports_nothing(bureau, enterprises):
    from django.core.exceptions import PermissionDenied

    leader = user_factory(role=Role.LEADER, org=bureau.organisation)
    with pytest.raises(PermissionDenied):
        imported(leader, ledger_file([ledger_row(enterprises["A"], "一般", "待整改")], headers=HEADERS))


def test_the_enterprise_cannot_write_off_its_own_major_hazard_through_the_api(
    api, enterprise_user, enterprises
):
    """The issue's case: a CSV row 状态=已销号, 等级=重大, 验收人=应急局张科长, as the enterprise."""
    a = enterprises["A"]
    text = (
        "单位名称,隐患描述,隐患等级,发现日期,整改期限,整改完成日期,验收人,验收日期,状态\n"
        f"{a.name},液氨阀门泄漏,重大,{FOUND},{FOUND + datetime.timedelta(days=10)},"
        f"{FOUND + datetime.timedelta(days=5)},应急局张科长,{FOUND + datetime.timedelta(days=6)},已销号\n"
    )
    with translation.override("zh-hans"):
        response = api(enterprise_user).post(
            "/api/v1/hazards/import", {"file": upload(text.encode(), "台账.csv")}
        )
        expected = _("Your role cannot import a major hazard as %(status)s.") % {"status": "已销号"}
    assert response.status_code == 400, response.content
    assert response.json()["errors"]["rows"] == [{"row": 2, "column": "状态", "message": expected}]
    assert not Hazard.objects.exists()


def test_a_rectification_date_counts_only_once_accepted(enterprise_user, bureau, enterprises):
    """The enterprise's 整改完成日期 on a row awaiting acceptance is its claim, kept as a
    submission keeps it: on the hazard (where the statistics count it as rectified) only when
    accepted, by the one who may accept it."""
    done = FOUND + datetime.timedelta(days=5)
    data = ledger_file([ledger_row(enterprises["A"], "一般", "待验收", 整改完成日期=done)], headers=HEADERS)
    assert imported(enterprise_user, data) == 1
    hazard = Hazard.objects.get()
    assert (hazard.status, hazard.rectified_at) == ("awaiting_review", None)
    hazard = services.hazard_act(actor=bureau, hazard=hazard, action="approve", data={})
    assert (hazard.status, hazard.rectified_at, hazard.verified_by) == ("rectified", done, bureau)


@pytest.mark.parametrize("status", ["待整改", "整改中"])
def test_a_hazard_not_yet_submitted_has_no_rectification_date(enterprise_user, enterprises, status):
    done = FOUND + datetime.timedelta(days=5)
    data = ledger_file([ledger_row(enterprises["A"], "一般", status, 整改完成日期=done)], headers=HEADERS)
    assert problems(enterprise_user, data) == [
        (
            2,
            "整改完成日期",
            "Only a hazard submitted for acceptance (待验收) or accepted has a date rectified.",
        )
    ]
