from django.core.management.base import BaseCommand, CommandError

from yingji.audit.chain import verify


class Command(BaseCommand):
    help = "yingji audit verify: walk the audit log's hash chain and name the first broken link."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["verify"])

    def handle(self, *args, **options):
        verdict = verify()
        if not verdict.intact:
            raise CommandError(
                f"The audit log's chain is broken at entry {verdict.broken_at} "
                f"(after {verdict.checked} intact entries): an entry was changed, inserted or deleted there.",
                returncode=1,
            )
        self.stdout.write(f"The audit log's chain is intact: {verdict.checked} entries.")
