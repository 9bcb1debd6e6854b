"""Who may write to the registry. Jurisdiction is checked before (outside is 404); these
predicates decide 403 for a record the user can see, and which fields a form offers.

- admin, bureau, inspector: register and change enterprises in their jurisdiction;
- department: the same, for the industries it supervises only;
- street: the same, inside its street;
- enterprise: changes its own address, phones and safety manager, nothing else;
- leader, duty: read only.
"""

from yingji.accounts.choices import Role

REGISTRARS = frozenset({Role.ADMIN, Role.BUREAU, Role.INSPECTOR, Role.DEPARTMENT, Role.STREET})
# What an enterprise keeps up to date itself; the rest is the regulator's record.
SELF_SERVICE_FIELDS = ("address", "phone", "safety_manager", "safety_manager_phone")


def can_register(user) -> bool:
    return user.is_authenticated and user.role in REGISTRARS


def can_edit(user) -> bool:
    """May change some fields of an enterprise the user can see."""
    return can_register(user) or (user.is_authenticated and user.role == Role.ENTERPRISE)


def editable_fields(user, all_fields: tuple[str, ...]) -> tuple[str, ...]:
    if can_register(user):
        return all_fields
    if can_edit(user):
        return SELF_SERVICE_FIELDS
    return ()
