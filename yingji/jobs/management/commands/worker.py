from django.core.management.base import BaseCommand, CommandError

from yingji.jobs.worker import YingjiWorker, now_from_option


class Command(BaseCommand):
    help = (
        "Run the background worker: scheduled work (reminders…) and queued jobs (large imports…). "
        "`yingji serve` starts one beside the web server; production runs it as its own service."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once",
            action="store_true",
            help="run what is due and every queued job, then exit (cron, tests)",
        )
        parser.add_argument(
            "--now",
            metavar="YYYY-MM-DDTHH:MM",
            help="with --once: take this local time as now for the schedule",
        )
        parser.add_argument("--interval", type=float, default=None, help="seconds between looks for work")

    def handle(self, *args, **options):
        if options["interval"] is not None and options["interval"] <= 0:
            raise CommandError("--interval must be positive.", returncode=2)
        if options["now"] and not options["once"]:
            raise CommandError("--now goes with --once.", returncode=2)
        try:
            now = now_from_option(options["now"])
        except ValueError:
            raise CommandError(f"--now {options['now']!r} is not a date and time.", returncode=2) from None
        worker = YingjiWorker(interval=options["interval"])
        if options["once"]:
            done = worker.run_once(now)
            self.stdout.write(
                f"Scheduled runs: {', '.join(done['scheduled']) or 'none due'}; jobs run: {done['tasks']}."
            )
            return
        worker.run_forever()
