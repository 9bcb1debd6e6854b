import datetime
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from yingji.core import demo
from yingji.regions.models import Region


def accounts_file():  # noqa: N802
    """Where the demo's passwords are kept for `make demo` to show again on later runs."""
    settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
    return settings.VAR_DIR / "demo-accounts.txt"


class Command(BaseCommand):
    help = "Build the demo district 长沙市芙蓉区 (430102): organisations, accounts, enterprises and history."

    def add_arguments(self, parser):
        parser.add_argument("--size", choices=sorted(demo.SIZES), default="medium")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--today", type=datetime.date.fromisoformat, default=None, help="YYYY-MM-DD")
        parser.add_argument("--skip-if-loaded", action="store_true", help="do nothing if the demo is there")

    def handle(self, *args, **options):
        if not Region.objects.filter(code=demo.DISTRICT).exists():
            raise CommandError("Region 430102 is missing: run `yingji migrate` first.", returncode=2)
        if demo.is_loaded():
            if options["skip_if_loaded"]:
                self.stdout.write("The demo district is loaded already.")
                if accounts_file().exists():
                    self.stdout.write(accounts_file().read_text())
                return
            raise CommandError(
                "The demo district is loaded already. Start from an empty database to rebuild it.",
                returncode=2,
            )
        started = time.monotonic()
        today = options["today"] or timezone.localdate()
        ctx = demo.build(seed=options["seed"], size=options["size"], today=today, log=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"Demo district built in {time.monotonic() - started:.1f} s."))
        table = "Demo accounts (role, username, password, organisation):\n" + "".join(
            f"  {role:<11} {username:<12} {password:<22} {org}\n"
            for role, username, password, org in ctx.accounts
        )
        accounts_file().write_text(table)
        accounts_file().chmod(0o600)
        self.stdout.write(table)
        self.stdout.write(
            "These accounts are for trying Yingji out: never load the demo into a production database."
        )
