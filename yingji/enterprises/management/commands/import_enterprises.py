from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from yingji.accounts.models import User
from yingji.core import uploads
from yingji.enterprises import workbook
from yingji.imports.services import DuplicateImport


def fail(message: str) -> CommandError:
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = (
        "Register or update the enterprises of an .xlsx workbook (the layout of the list's export), "
        "as USER and within USER's jurisdiction. All or nothing: any problem imports no row."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the .xlsx workbook")
        parser.add_argument("--user", required=True, help="the username the changes are recorded under")
        parser.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
        parser.add_argument(
            "--confirm-duplicate",
            action="store_true",
            help="import a file that was imported before within the user's jurisdiction (else exit 2)",
        )

    def handle(self, *args, file, user, dry_run, confirm_duplicate, **options):
        with translation.override("en"):  # the command line speaks English, like its --help
            self._import(Path(file), user, dry_run, confirm_duplicate)

    def _import(self, path: Path, username: str, dry_run: bool, confirm_duplicate: bool):
        actor = User.objects.filter(username=username, is_active=True).first()
        if actor is None:
            raise fail(f"No active user {username!r}.")
        try:
            with path.open("rb") as file:
                result = workbook.import_workbook(
                    actor=actor,
                    file=file,
                    dry_run=dry_run,
                    confirm_duplicate=confirm_duplicate,
                    limits=uploads.command_line_limits(),  # a province's registry, not a worker's
                )
        except DuplicateImport as e:
            raise fail(e.for_command_line()) from None
        except OSError as e:
            raise fail(f"Cannot read {path}: {e.strerror or e}.") from None
        except PermissionDenied:
            raise fail(f"{username} ({actor.role}) may not register enterprises.") from None
        except workbook.ImportRejected as e:
            if len(e.problems) == 1 and e.problems[0].row is None:
                raise fail(f"{path.name}: {e.problems[0].line()}") from None
            for problem in e.problems:
                self.stderr.write(problem.line())
            count = len(e.problems)
            raise fail(
                f"{count} problem{'s' if count > 1 else ''} in {path.name}: nothing imported."
            ) from None
        done = "checked, nothing written" if dry_run else "imported"
        self.stdout.write(
            self.style.SUCCESS(
                f"{path.name} {done}: {result.created} registered, {result.updated} changed, "
                f"{result.unchanged} unchanged."
            )
        )
        if result.ignored_columns:
            self.stdout.write(f"Columns not imported: {', '.join(result.ignored_columns)}.")
