import datetime

from django.core.management.base import BaseCommand, CommandError

from yingji.notifications.reminders import remind


class Command(BaseCommand):
    help = "Send today's deadline reminders (the worker runs this daily at 08:00); each is sent once a day."

    def add_arguments(self, parser):
        parser.add_argument("--today", metavar="YYYY-MM-DD", help="take this day as today")

    def handle(self, *args, **options):
        today = None
        if options["today"]:
            try:
                today = datetime.date.fromisoformat(options["today"])
            except ValueError:
                raise CommandError("--today takes a date as YYYY-MM-DD.", returncode=2) from None
        sent = remind(today)
        self.stdout.write(f"{sent} reminders sent.")
