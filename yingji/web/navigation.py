"""Navigation by role: each entry names the roles that see it (None: every signed-in user)."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from yingji.accounts.choices import AUDIT_READERS, Role
from yingji.reports.permissions import REPORT_READERS
from yingji.web.permissions import USER_MANAGERS, for_templates


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    roles: frozenset | None = None


NAV = [
    NavItem(_("Home"), "home"),
    NavItem(
        _("Enterprises"),
        "enterprises:list",
        frozenset(
            {Role.ADMIN, Role.BUREAU, Role.INSPECTOR, Role.DEPARTMENT, Role.STREET, Role.LEADER, Role.DUTY}
        ),
    ),
    NavItem(
        _("Accidents"),
        "accidents:list",
        frozenset(
            {Role.ADMIN, Role.BUREAU, Role.INSPECTOR, Role.DEPARTMENT, Role.STREET, Role.LEADER, Role.DUTY}
        ),
    ),
    NavItem(_("Inspections"), "inspections:list"),
    NavItem(_("Hazards"), "hazards:list"),
    NavItem(_("Work summary"), "reports:work-summary", REPORT_READERS),
    NavItem(_("Notifications"), "notifications:list", frozenset(Role) - {Role.ADMIN}),
    NavItem(_("Audit log"), "audit:list", frozenset(AUDIT_READERS)),
    NavItem(_("Users"), "accounts:users", USER_MANAGERS),
    NavItem(_("API"), "api:openapi-view", frozenset({Role.ADMIN})),  # documentation for integrators
]


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "can": for_templates(None)}
    items = [
        {"label": item.label, "url": reverse(item.url_name), "active": request.path == reverse(item.url_name)}
        for item in NAV
        if item.roles is None or user.role in item.roles
    ]
    return {"nav_items": items, "can": for_templates(user)}
