from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from yingji.accounts.models import User
from yingji.core import uploads
from yingji.hazards.ledger import LedgerError, ledger_import
from yingji.imports.services import DuplicateImport


def fail(message: str) -> CommandError:
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = (
        "Import a hazard ledger (隐患排查治理台账, xlsx, xls or csv) as a user: all rows or none. "
        "Each problem is printed as 第N行 [列名] message; any problem exits with status 2."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--user", required=True, help="the user whose jurisdiction and name the import takes"
        )
        parser.add_argument(
            "--confirm-duplicate",
            action="store_true",
            help="import a file that was imported before within the user's jurisdiction (else exit 2)",
        )
        parser.add_argument(
            "--max-rows",
            type=int,
            default=uploads.COMMAND_LINE_ROWS,
            help=f"the size of ledger the file may be (default {uploads.COMMAND_LINE_ROWS:,} rows; "
            f"the web and API take {uploads.WEB_ROWS:,}): sets the limits on unpacked size and cells",
        )

    def handle(self, *args, file, user, confirm_duplicate, max_rows, **options):
        # The ledger's headers and messages are Chinese, like the people who keep it.
        with translation.override(settings.LANGUAGE_CODE):
            self._import(Path(file), user, confirm_duplicate, uploads.command_line_limits(max_rows))

    def _import(self, path: Path, username: str, confirm_duplicate: bool, limits: uploads.Limits) -> None:
        actor = User.objects.filter(username=username, is_active=True).first()
        if actor is None:
            raise fail(_("No active user %(username)s.") % {"username": username})
        try:
            if path.stat().st_size > limits.file_bytes:
                raise fail(_("The file is larger than %(mb)s MB.") % {"mb": limits.file_bytes // uploads.MB})
            data = path.read_bytes()
        except OSError as e:
            raise fail(_("Cannot read %(file)s: %(reason)s") % {"file": path, "reason": e.strerror}) from None
        try:
            created = ledger_import(
                actor=actor, data=data, filename=path.name, confirm_duplicate=confirm_duplicate, limits=limits
            )
        except DuplicateImport as e:
            raise fail(e.for_command_line()) from None
        except LedgerError as e:
            for line in e.lines():
                self.stderr.write(line)
            raise fail(_("Nothing was imported.")) from None
        except PermissionDenied as e:
            raise fail(str(e)) from None
        self.stdout.write(
            self.style.SUCCESS(
                _("Imported %(count)s hazards from %(file)s.") % {"count": created, "file": path.name}
            )
        )
