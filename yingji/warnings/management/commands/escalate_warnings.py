from django.core.management.base import BaseCommand, CommandError

from yingji.jobs.worker import now_from_option
from yingji.warnings import dissemination


class Command(BaseCommand):
    help = (
        "Send the warning SMS not sent yet and escalate every 叫应 past its time, now (the worker "
        "does this every minute; this is for cron without a worker, and for drills with --now)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", metavar="YYYY-MM-DDTHH:MM", help="take this local time as now")

    def handle(self, *args, **options):
        try:
            now = now_from_option(options["now"])
        except ValueError:
            raise CommandError(f"--now {options['now']!r} is not a date and time.", returncode=2) from None
        sent, escalated = dissemination.dispatch(now)
        self.stdout.write(f"SMS sent: {sent}; recipients escalated: {escalated}.")
