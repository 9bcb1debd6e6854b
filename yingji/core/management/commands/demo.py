import datetime
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from yingji.core import demo
from yingji.regions.models import Region


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
                return
            raise CommandError(
                "The demo district is loaded already. Start from an empty database to rebuild it.",
                returncode=2,
            )
        started = time.monotonic()
        today = options["today"] or timezone.localdate()
        ctx = demo.build(seed=options["seed"], size=options["size"], today=today, log=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"Demo district built in {time.monotonic() - started:.1f} s."))
        self.stdout.write("Demo accounts (role, username, password, organisation):")
        for role, username, password, org in ctx.accounts:
            self.stdout.write(f"  {role:<11} {username:<12} {password:<22} {org}")
