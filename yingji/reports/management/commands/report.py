import datetime
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from yingji.core.errors import ApplicationError
from yingji.reports.summary import build_summary
from yingji.reports.tables import TABLES, build_table
from yingji.reports.writers import FORMATS


class Command(BaseCommand):
    help = (
        "Write a report. `yingji report work-summary --region 430102 --year 2026 --period H1 --format docx "
        "-o f.docx`; `yingji report hazard-table|accident-table --region 430102 --year 2026 --period Q1 -o f.xlsx`"
    )

    def add_arguments(self, parser):
        parser.add_argument("report", choices=["work-summary", *TABLES])
        parser.add_argument("--region", required=True, help="region code, e.g. 430102")
        parser.add_argument("--year", type=int, help="with --period; or give --from and --to")
        parser.add_argument(
            "--from", dest="start", type=datetime.date.fromisoformat, help="first day of a window, YYYY-MM-DD"
        )
        parser.add_argument(
            "--to", dest="end", type=datetime.date.fromisoformat, help="last day of the window"
        )
        parser.add_argument("--period", default="year", help="year, ytd, H1, H2, Q1..Q4, M01..M12")
        parser.add_argument(
            "--format",
            choices=[*sorted(FORMATS), "xlsx"],
            help="the work summary: docx, html or md (the default); the tables are xlsx",
        )
        parser.add_argument(
            "--as-of",
            type=datetime.date.fromisoformat,
            help="count as on this day, YYYY-MM-DD (default: today)",
        )
        parser.add_argument(
            "--user", help="write it as this user (their jurisdiction); default: the first admin"
        )
        parser.add_argument("-o", "--output", help="file to write; standard output when left out")

    def handle(self, *args, **options):
        user = self._user(options["user"])
        try:
            content = self._content(options, user)
        except ApplicationError as e:
            raise CommandError(
                "; ".join(f"{k}: {' '.join(v)}" for k, v in e.errors.items()), returncode=2
            ) from None
        if options["output"]:
            Path(options["output"]).write_bytes(content)
            self.stdout.write(self.style.SUCCESS(f"Written to {options['output']}."))
        else:
            sys.stdout.buffer.write(content)

    def _content(self, options, user) -> bytes:
        where = {
            "user": user,
            "region_code": options["region"],
            "year": options["year"],
            "period_code": options["period"],
            "as_of": options["as_of"],
        }
        report, format = options["report"], options["format"]
        if report == "work-summary":
            if format == "xlsx":
                raise CommandError("The work summary is docx, html or md.", returncode=2)
            _type, _extension, write = FORMATS[format or "md"]
            return write(build_summary(**where, start=options["start"], end=options["end"]))
        if options["start"] or options["end"]:
            raise CommandError("--from and --to are for the work summary.", returncode=2)
        if options["year"] is None:
            raise CommandError("--year is required.", returncode=2)
        if format not in (None, "xlsx"):
            raise CommandError(f"The {report} is xlsx.", returncode=2)
        return build_table(report, **where)

    def _user(self, username: str | None):
        users = get_user_model().objects
        user = users.filter(username=username).first() if username else users.filter(role="admin").first()
        if user is None:
            raise CommandError(
                f"No user {username!r}." if username else "No admin user: pass --user.", returncode=2
            )
        return user
