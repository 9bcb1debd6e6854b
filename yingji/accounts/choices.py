from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("System administrator")
    BUREAU = "bureau", _("Bureau staff")
    INSPECTOR = "inspector", _("Law-enforcement inspector")
    DEPARTMENT = "department", _("Member department")
    STREET = "street", _("Street / township office")
    ENTERPRISE = "enterprise", _("Enterprise")
    LEADER = "leader", _("District leader")
    DUTY = "duty", _("Duty officer")


class OrgKind(models.TextChoices):
    BUREAU = "bureau", _("Emergency-management bureau")
    DEPARTMENT = "department", _("Member department")
    STREET = "street", _("Street / township office")
    ENTERPRISE = "enterprise", _("Enterprise")


# The organisation a user of each role belongs to. Admins need none.
ROLE_ORG_KIND = {
    Role.BUREAU: OrgKind.BUREAU,
    Role.INSPECTOR: OrgKind.BUREAU,
    Role.LEADER: OrgKind.BUREAU,
    Role.DUTY: OrgKind.BUREAU,
    Role.DEPARTMENT: OrgKind.DEPARTMENT,
    Role.STREET: OrgKind.STREET,
    Role.ENTERPRISE: OrgKind.ENTERPRISE,
}

# Roles that supervise (may act on records of others in their jurisdiction).
SUPERVISING_ROLES = frozenset({Role.BUREAU, Role.INSPECTOR, Role.DEPARTMENT, Role.STREET})
# Roles that may read the audit log.
AUDIT_READERS = frozenset({Role.ADMIN, Role.BUREAU})
