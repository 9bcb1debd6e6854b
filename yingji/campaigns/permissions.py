"""Who may do what with campaigns. The committee office (安委办) sits in the bureau: it creates
campaigns and sees every roll-up; a participant's own users submit its forms."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from yingji.accounts.choices import Role

READERS = frozenset({Role.ADMIN, Role.BUREAU, Role.INSPECTOR, Role.DEPARTMENT, Role.STREET, Role.LEADER, Role.DUTY})  # fmt: skip
WRITERS = frozenset({Role.ADMIN, Role.BUREAU})
SUBMITTERS = frozenset({Role.BUREAU, Role.DEPARTMENT, Role.STREET})


def _has(user, roles) -> bool:
    return bool(user and user.is_authenticated and user.role in roles)


def can_read(user) -> bool:
    return _has(user, READERS)


def can_write(user) -> bool:
    return _has(user, WRITERS)


def can_submit(user, campaign) -> bool:
    return _has(user, SUBMITTERS) and campaign.participants.filter(pk=user.organisation_id).exists()


def can_see_rollup(user, campaign) -> bool:
    """The roll-up is the office's: the bureau over the campaign's region (not a participant
    looking at its peers)."""
    from yingji.regions.scoping import Jurisdiction

    return _has(user, READERS - {Role.DEPARTMENT, Role.STREET}) and Jurisdiction.of(user).contains_region(campaign.region_id)  # fmt: skip


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("Your role may not do this."))
