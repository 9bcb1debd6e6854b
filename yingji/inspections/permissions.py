"""Who may record inspections. Jurisdiction is checked first (outside is 404 or a 400 on the
enterprise); these predicates decide 403."""

from yingji.accounts.choices import Role
from yingji.inspections.choices import InspectionType

RECORDERS = frozenset({Role.ADMIN, Role.BUREAU, Role.INSPECTOR, Role.DEPARTMENT, Role.STREET})


def can_record(user, type: str | None = None) -> bool:
    """Supervisors record every type; an enterprise records only its own self-checks;
    leaders and duty officers only read. Without a type: whether the user records at all."""
    if user.role in RECORDERS:
        return True
    return user.role == Role.ENTERPRISE and type in (None, InspectionType.SELF_CHECK)


def types_for(user) -> list[tuple[str, str]]:
    return [(value, label) for value, label in InspectionType.choices if can_record(user, value)]


def can_add_photos(user, inspection) -> bool:
    return can_record(user, inspection.type)
