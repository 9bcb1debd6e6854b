from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from yingji.accounts.models import User
from yingji.hazards.ledger import LedgerError, ledger_import


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

    def handle(self, *args, file, user, **options):
        # The ledger's headers and messages are Chinese, like the people who keep it.
        with translation.override(settings.LANGUAGE_CODE):
            self._import(Path(file), user)

    def _import(self, path: Path, username: str) -> None:
        actor = User.objects.filter(username=username, is_active=True).first()
        if actor is None:
            raise fail(_("No active user %(username)s.") % {"username": username})
        try:
            data = path.read_bytes()
        except OSError as e:
            raise fail(_("Cannot read %(file)s: %(reason)s") % {"file": path, "reason": e.strerror}) from None
        try:
            created = ledger_import(actor=actor, data=data, filename=path.name)
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
