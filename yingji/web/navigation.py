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
    order: int = 100  # where a registered module's entry goes among the others


# Everyone who works with the records, not the enterprises.
STAFF = frozenset(
    {Role.ADMIN, Role.BUREAU, Role.INSPECTOR, Role.DEPARTMENT, Role.STREET, Role.LEADER, Role.DUTY}
)

NAV = [
    NavItem(_("Home"), "home", order=10),
    NavItem(
        _("Enterprises"),
        "enterprises:list",
        STAFF,
        order=20,
    ),
    NavItem(
        _("Accidents"),
        "accidents:list",
        STAFF,
        order=30,
    ),
    NavItem(_("Inspections"), "inspections:list", order=40),
    NavItem(_("Hazards"), "hazards:list", order=50),
    NavItem(_("Work summary"), "reports:work-summary", REPORT_READERS, order=300),
    NavItem(_("Notifications"), "notifications:list", frozenset(Role) - {Role.ADMIN}, order=310),
    NavItem(_("Audit log"), "audit:list", frozenset(AUDIT_READERS), order=320),
    NavItem(_("Users"), "accounts:users", USER_MANAGERS, order=330),
    NavItem(
        _("API"), "api:openapi-view", frozenset({Role.ADMIN}), order=340
    ),  # documentation for integrators
]


# A module adds its entry from its AppConfig.ready: register_nav(NavItem(..., order=120)).
# The records come first (orders below 100), the modules' between 100 and 290, then the
# summary, notifications and administration (300 on).
def register_nav(item: NavItem) -> None:
    NAV[:] = sorted([i for i in NAV if i.url_name != item.url_name] + [item], key=lambda i: i.order)


# The modules' entries are gathered under a menu each, by their order, so that the bar stays one
# line however many modules there are: 执法 (100–129), 应急 (130–179), 综合 (180–299).
GROUPS = (
    (100, 130, _("Enforcement and supervision")),
    (130, 180, _("Emergency response")),
    (180, 300, _("Coordination")),
)


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "can": for_templates(None)}
    items, menus = [], {}
    for item in NAV:
        if item.roles is not None and user.role not in item.roles:
            continue
        url = reverse(item.url_name)
        entry = {
            "label": item.label,
            "url": url,
            "active": request.path.startswith(url) if url != "/" else request.path == url,
        }
        group = next((g for g in GROUPS if g[0] <= item.order < g[1]), None)
        if group is None:
            items.append(entry)
            continue
        if group not in menus:
            menus[group] = {"label": group[2], "menu": [], "active": False}
            items.append(menus[group])
        menus[group]["menu"].append(entry)
        menus[group]["active"] |= entry["active"]
    return {"nav_items": items, "can": for_templates(user)}
