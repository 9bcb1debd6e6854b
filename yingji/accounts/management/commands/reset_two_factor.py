from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from yingji.accounts import two_factor


class Command(BaseCommand):
    help = "Remove a user's authenticator (a lost phone): the user sets up a new one at the next sign-in."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, **options):
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user named {options['username']}.", returncode=2)
        if not two_factor.enrolled(user):
            raise CommandError(f"{user.username} has no authenticator.", returncode=2)
        two_factor.reset(actor=None, user=user)
        self.stdout.write(f"The authenticator of {user.username} was removed; the reset is in the audit log.")
