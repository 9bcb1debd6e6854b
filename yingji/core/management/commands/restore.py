from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from yingji.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `yingji backup`: refuses a damaged, partial or foreign archive (exit 2) "
        "and a non-empty database unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the archive made by `yingji backup`")
        parser.add_argument(
            "--force", action="store_true", help="overwrite a database that already holds data"
        )

    def handle(self, *args, **options):
        try:
            manifest = restore_backup(Path(options["file"]), force=options["force"])
        except BackupError as exc:
            raise CommandError(str(exc), returncode=2) from None
        self.stdout.write(
            f"Restored the backup of {manifest['created']}: database ({manifest['engine']}, "
            f"{len(manifest['migrations'])} migrations) and {len(manifest['members']) - 1} files."
        )
