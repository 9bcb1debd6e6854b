from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from yingji.core.backup import BackupError, make_backup


class Command(BaseCommand):
    help = (
        "Back up the database and the uploaded files into one archive with a manifest of SHA-256 checksums."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the archive to write (a tar file)")

    def handle(self, *args, **options):
        try:
            summary = make_backup(Path(options["file"]))
        except BackupError as exc:
            raise CommandError(str(exc), returncode=2) from None
        self.stdout.write(
            f"Backup written to {summary.path}: database and {summary.files} files, {summary.members} members."
        )
