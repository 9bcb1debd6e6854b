import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from yingji.core.errors import ApplicationError
from yingji.reports.summary import build_summary
from yingji.reports.writers import FORMATS


class Command(BaseCommand):
    help = "Write a report. `yingji report work-summary --region 430102 --year 2026 --period H1 --format docx -o f.docx`"

    def add_arguments(self, parser):
        parser.add_argument("report", choices=["work-summary"])
        parser.add_argument("--region", required=True, help="region code, e.g. 430102")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--period", default="year", help="year, ytd, H1, H2, Q1..Q4, M01..M12")
        parser.add_argument("--format", choices=sorted(FORMATS), default="md")
        parser.add_argument(
            "--user", help="write it as this user (their jurisdiction); default: the first admin"
        )
        parser.add_argument("-o", "--output", help="file to write; standard output when left out")

    def handle(self, *args, **options):
        user = self._user(options["user"])
        try:
            document = build_summary(
                user=user, region_code=options["region"], year=options["year"], period_code=options["period"]
            )
        except ApplicationError as e:
            raise CommandError(
                "; ".join(f"{k}: {' '.join(v)}" for k, v in e.errors.items()), returncode=2
            ) from None
        _type, _extension, write = FORMATS[options["format"]]
        content = write(document)
        if options["output"]:
            Path(options["output"]).write_bytes(content)
            self.stdout.write(self.style.SUCCESS(f"Written to {options['output']}."))
        else:
            sys.stdout.buffer.write(content)

    def _user(self, username: str | None):
        users = get_user_model().objects
        user = users.filter(username=username).first() if username else users.filter(role="admin").first()
        if user is None:
            raise CommandError(
                f"No user {username!r}." if username else "No admin user: pass --user.", returncode=2
            )
        return user
