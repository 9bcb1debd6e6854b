import secrets

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from yingji.accounts import services
from yingji.accounts.choices import ROLE_ORG_KIND, OrgKind, Role
from yingji.accounts.models import Organisation
from yingji.core.errors import ApplicationError
from yingji.enterprises.models import Enterprise
from yingji.regions.models import Region
from yingji.regions.selectors import region_full_name

DEFAULT_ORG_NAMES = {OrgKind.BUREAU: "{region}应急管理局", OrgKind.STREET: "{region}办事处"}


def fail(message: str) -> CommandError:
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = "Add a user with a role, in an organisation of a region (admins need neither)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--region", help="region code of the organisation, e.g. 430102 or 430102015")
        parser.add_argument(
            "--org", help="organisation name (for an enterprise user: the enterprise's name or USCC)"
        )
        parser.add_argument("--industries", default="", help="a new department's industries, comma-separated")
        parser.add_argument("--name", default="", help="the person's full name")
        parser.add_argument("--password", help="generated and printed when left out")

    def handle(self, *args, **options):
        with translation.override("en"):  # the command line speaks English, like its --help
            self._add(**options)

    def _add(self, *, username, role, region, org, industries, name, password, **options):
        organisation = None if role == Role.ADMIN else self._organisation(role, region, org, industries)
        generated = password is None
        password = password or secrets.token_urlsafe(12)
        try:
            user = services.user_create(
                actor=None,
                username=username,
                role=role,
                organisation=organisation,
                password=password,
                name=name,
            )
        except ApplicationError as e:
            raise fail("; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in e.errors.items())) from None
        where = f" in {organisation.name}" if organisation else ""
        self.stdout.write(self.style.SUCCESS(f"User {user.username} ({role}){where} added."))
        if generated:
            self.stdout.write(f"Password: {password}")

    def _organisation(self, role: str, region_code: str | None, org_name: str | None, industries: str):
        if not region_code:
            raise fail(f"A {role} user needs --region CODE.")
        region = Region.objects.filter(code=region_code).first()
        if region is None:
            raise fail(
                f"Unknown region code {region_code!r}: use a statistical division code such as 430102."
            )
        kind = ROLE_ORG_KIND[role]
        if kind == OrgKind.ENTERPRISE:
            return self._enterprise_org(region, org_name)
        if not org_name:
            if kind == OrgKind.DEPARTMENT:
                raise fail("A department user needs --org NAME (the member department).")
            org_name = DEFAULT_ORG_NAMES[kind].format(region=region.name)
        existing = Organisation.objects.filter(region=region, name=org_name).first()
        if existing:
            if existing.kind != kind:
                raise fail(f"{org_name} is a {existing.kind} organisation; a {role} user needs a {kind} one.")
            return existing
        try:
            return services.organisation_create(
                actor=None,
                name=org_name,
                kind=kind,
                region_code=region.code,
                industries=[i.strip() for i in industries.split(",") if i.strip()],
            )
        except ApplicationError as e:
            raise fail(e.message) from None

    def _enterprise_org(self, region: Region, org_name: str | None):
        if not org_name:
            raise fail("An enterprise user needs --org with the enterprise's name or USCC.")
        enterprise = Enterprise.objects.in_region(region.code).filter(uscc=org_name.upper()).first()
        enterprise = enterprise or Enterprise.objects.in_region(region.code).filter(name=org_name).first()
        if enterprise is None:
            raise fail(f"No enterprise {org_name!r} in {region_full_name(region.code)}.")
        existing = Organisation.objects.filter(enterprise=enterprise).first()
        return existing or services.organisation_create(
            actor=None,
            name=enterprise.name,
            kind=OrgKind.ENTERPRISE,
            region_code=enterprise.region_id,
            enterprise=enterprise,
        )
