"""`yingji adduser`: a user per role; bad input is a message and exit status 2."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from yingji.accounts.models import Organisation, User
from yingji.audit.models import AuditEntry

pytestmark = pytest.mark.django_db
PASSWORD = "Safe-Enough-2026"


def adduser(*args):
    call_command("adduser", *args)


def test_an_admin_needs_no_region():
    adduser("root", "--role", "admin", "--password", PASSWORD)
    user = User.objects.get(username="root")
    assert user.role == "admin" and user.organisation is None
    assert user.check_password(PASSWORD)


def test_a_bureau_user_gets_the_regions_bureau():
    adduser("wang", "--role", "bureau", "--region", "430102", "--password", PASSWORD)
    adduser("li", "--role", "inspector", "--region", "430102", "--password", PASSWORD)
    org = Organisation.objects.get(name="芙蓉区应急管理局")
    assert org.kind == "bureau" and org.region_id == "430102"
    assert set(org.users.values_list("username", flat=True)) == {"wang", "li"}
    assert AuditEntry.objects.filter(object_type="accounts.user", action="create").count() == 2


def test_a_department_user_with_its_industries():
    adduser(
        "zhao",
        "--role",
        "department",
        "--region",
        "430102",
        "--org",
        "区住建局",
        "--industries",
        "construction,gas",
        "--password",
        PASSWORD,
    )
    assert Organisation.objects.get(name="区住建局").industries == ["construction", "gas"]


def test_an_enterprise_user_by_uscc(enterprises):
    a = enterprises["A"]
    adduser("chen", "--role", "enterprise", "--region", "430102", "--org", a.uscc, "--password", PASSWORD)
    assert User.objects.get(username="chen").organisation.enterprise == a


def test_a_generated_password_is_printed(capsys):
    adduser("zhou", "--role", "street", "--region", "430102015")
    out = capsys.readouterr().out
    password = out.split("Password: ")[1].strip()
    assert User.objects.get(username="zhou").check_password(password)
    assert Organisation.objects.get(region_id="430102015").name == "东岸街道办事处"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["x", "--role", "bureau", "--region", "999999"], "Unknown region code"),
        (["x", "--role", "bureau"], "needs --region"),
        (["x", "--role", "department", "--region", "430102"], "needs --org"),
        (["x", "--role", "enterprise", "--region", "430102", "--org", "没有这家"], "No enterprise"),
        (["x", "--role", "street", "--region", "430102015", "--password", "123"], "password"),
        (
            ["x", "--role", "department", "--region", "430102", "--org", "D", "--industries", "mining"],
            "Unknown industry",
        ),
    ],
)
def test_bad_input_exits_with_status_2(args, message):
    with pytest.raises(CommandError) as error:
        adduser(*args)
    assert error.value.returncode == 2
    assert message in str(error.value)
    assert not User.objects.filter(username="x").exists()


def test_an_unknown_role_is_refused_by_the_command_line(tmp_path):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "yingji.cli", "adduser", "x", "--role", "chief"],
        capture_output=True,
        text=True,
        env={"YINGJI_VAR": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 2
    assert "invalid choice: 'chief'" in result.stderr


def test_an_existing_username_is_refused():
    adduser("root", "--role", "admin", "--password", PASSWORD)
    with pytest.raises(CommandError, match="already exists") as error:
        adduser("root", "--role", "admin", "--password", PASSWORD)
    assert error.value.returncode == 2
