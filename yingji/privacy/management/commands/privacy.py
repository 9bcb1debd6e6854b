import datetime

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from yingji.core.errors import ApplicationError
from yingji.privacy import services
from yingji.privacy.identifiers import person_of


def _usage(message: str) -> CommandError:
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = (
        "Personal information (PIPL). `yingji privacy forget --phone 13800000000 [--id-number …] "
        "[--name 张三] [--reference 2027-001] [--dry-run]`: erase one person's data on request. "
        "`yingji privacy purge [--dry-run] [--now YYYY-MM-DDTHH:MM]`: apply the retention periods."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="what", required=True, parser_class=type(parser))
        forget = sub.add_parser("forget", help="erase one person's data on request (PIPL art. 47)")
        forget.add_argument("--id-number", default="", help="resident ID number (18 characters)")
        forget.add_argument("--phone", default="", help="phone number, as any record holds it")
        forget.add_argument(
            "--name", default="", help="to find the case files kept by law, which hold no number"
        )
        forget.add_argument("--reference", default="", help="the request's file number, for the audit log")
        forget.add_argument("--user", help="the administrator carrying it out (default: system)")
        forget.add_argument(
            "--dry-run", action="store_true", help="report what would be done, change nothing"
        )
        purge = sub.add_parser("purge", help="anonymise what is past its retention period")
        purge.add_argument("--now", help="as at this time, YYYY-MM-DDTHH:MM (default: now)")
        purge.add_argument("--user", help="the administrator carrying it out (default: system)")
        purge.add_argument("--dry-run", action="store_true", help="report counts, change nothing")

    def handle(self, *args, **options):
        actor = self._user(options["user"])
        try:
            if options["what"] == "forget":
                person = person_of(
                    id_number=options["id_number"], phone=options["phone"], name=options["name"]
                )
                outcome = services.personal_data_erase(
                    actor=actor, person=person, reference=options["reference"], dry_run=options["dry_run"]
                )
            else:
                outcome = services.retention_purge(
                    actor=actor, now=self._now(options["now"]), dry_run=options["dry_run"]
                )
        except ApplicationError as e:
            raise _usage("; ".join(f"{k}: {' '.join(v)}" for k, v in e.errors.items())) from None
        self._report(outcome)

    def _user(self, username):
        if username is None:
            return None
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise _usage(f"No active user {username!r}.")
        return user

    def _now(self, text):
        if text is None:
            return None
        try:
            moment = datetime.datetime.fromisoformat(text)
        except ValueError:
            raise _usage(f"--now {text!r} is not a date and time.") from None
        return moment if timezone.is_aware(moment) else timezone.make_aware(moment)

    def _report(self, outcome):
        for (kind, how), n in sorted(outcome.counts.items()):
            self.stdout.write(f"{kind}: {n} {how}")
        if not outcome.total:
            self.stdout.write("Nothing to do.")
        elif outcome.dry_run:
            self.stdout.write("Dry run: nothing was changed.")
