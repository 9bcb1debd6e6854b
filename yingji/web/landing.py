"""What each role sees first after login (the dashboard proper comes with the stats module)."""

from django.utils.translation import gettext as _

from yingji.accounts.choices import OrgKind, Role
from yingji.accounts.models import Organisation, User
from yingji.core.industries import Industry
from yingji.enterprises.tally import count_for
from yingji.regions.models import Region, RegionLevel, child_level
from yingji.regions.scoping import Jurisdiction
from yingji.regions.selectors import region_full_name
from yingji.stats.kept import kept


def landing_context(user) -> dict:
    jurisdiction = Jurisdiction.of(user)
    enterprises = kept(("enterprises",), user, lambda: count_for(user))
    context = {
        "jurisdiction_name": region_full_name(jurisdiction.region)
        if jurisdiction.region
        else _("All of China"),
        "role_label": Role(user.role).label,
        "facts": [(_("Enterprises in your jurisdiction"), enterprises)],
    }
    if user.organisation_id:
        from yingji.notifications.views import unread_count

        context["facts"].append((_("Unread notifications"), unread_count(user)))
    if user.role == Role.ADMIN:
        context["facts"] = [
            (_("Regions"), Region.objects.count()),
            (_("Organisations"), Organisation.objects.count()),
            (_("Users"), User.objects.count()),
            (_("Enterprises"), enterprises),
        ]
    elif user.role in (Role.BUREAU, Role.LEADER, Role.DUTY, Role.INSPECTOR):
        orgs = Organisation.objects.for_user(user)
        context["facts"] += [
            (_parts_label(jurisdiction.region), Region.objects.filter(parent_id=jurisdiction.region).count()),
            (_("Member departments"), orgs.filter(kind=OrgKind.DEPARTMENT).count()),
        ]
    elif user.role == Role.DEPARTMENT:
        context["industries"] = [Industry(code).label for code in user.organisation.industries]
    elif user.role == Role.ENTERPRISE:
        context["enterprise"] = user.organisation.enterprise
    return context


def _parts_label(region: str | None) -> str:
    """What the region is made of: a county's streets, a city's counties, a province's cities."""
    level = child_level(region or "")
    return RegionLevel(level).label if level in RegionLevel.values else _("Streets and townships")
