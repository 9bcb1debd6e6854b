"""`yingji privacy forget|purge`: the counts on standard output; a mistake in the input is a
message and exit status 2, with nothing changed."""

import io
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from yingji.accounts.models import User
from yingji.audit.models import AuditEntry
from yingji.complaints.models import PublicHit
from yingji.privacy.tests.conftest import NAME, PHONE

pytestmark = pytest.mark.django_db


def privacy(*args) -> str:
    out = io.StringIO()
    call_command("privacy", *args, stdout=out)
    return out.getvalue()


def test_forget_reports_what_it_did(records):
    out = privacy("forget", "--phone", PHONE, "--name", NAME, "--reference", "2027-001")
    assert "emergency.specialperson: 1 deleted" in out and "enforcement.case: 1 kept by law" in out
    assert User.objects.get(username="street").phone == ""


def test_a_dry_run_says_so_and_changes_nothing(records):
    entries = AuditEntry.objects.count()
    out = privacy("forget", "--phone", PHONE, "--dry-run")
    assert "complaints.complaint: 1 cleared" in out and "Dry run: nothing was changed." in out
    assert (
        User.objects.get(username="street").phone == "138 1234 5678" and AuditEntry.objects.count() == entries
    )


def test_purge_dry_run_reports_counts():
    PublicHit.objects.create(address="10.0.0.1")
    out = privacy("purge", "--dry-run", "--now", "2030-01-01T00:00")
    assert out == "public_hit: 1 deleted\nDry run: nothing was changed.\n"
    assert PublicHit.objects.count() == 1


def test_purge_with_nothing_due_says_so():
    assert privacy("purge") == "Nothing to do.\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["forget"], "Give the person's ID number or phone number"),
        (["forget", "--name", NAME], "Give the person's ID number or phone number"),
        (["forget", "--id-number", "4301021990"], "A resident ID number has 18 characters"),
        (["forget", "--phone", "12"], "A phone number has 5 to 15 digits"),
        (["forget", "--phone", PHONE, "--user", "nobody"], "No active user 'nobody'"),
        (["forget", "--phone", PHONE, "--user", "bureau"], "Only an administrator"),
        (["purge", "--now", "yesterday"], "--now 'yesterday' is not a date and time"),
    ],
)
def test_bad_input_is_a_message_and_exit_status_2(args, message, bureau, street):
    User.objects.filter(pk=street.pk).update(phone=PHONE)
    entries = AuditEntry.objects.count()
    with pytest.raises(CommandError) as refused:
        privacy(*args)
    assert refused.value.returncode == 2 and message in str(refused.value)
    assert AuditEntry.objects.count() == entries and User.objects.get(pk=street.pk).phone == PHONE


@pytest.mark.parametrize(
    ("args", "message"), [(["erase"], "invalid choice: 'erase'"), ([], "required: what")]
)
def test_an_unknown_subcommand_is_refused_by_the_command_line(args, message, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "yingji.cli", "privacy", *args],
        capture_output=True,
        text=True,
        env={"YINGJI_VAR": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 2 and message in result.stderr
