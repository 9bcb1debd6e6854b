"""The hazard loop's to-do kinds: what each role must do next about hazards it can see."""

from django.db.models import Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yingji.accounts.choices import Role
from yingji.hazards.choices import HazardAction, HazardLevel, HazardStatus
from yingji.hazards.models import Hazard, HazardEvent
from yingji.hazards.permissions import AUTHORITIES, SUPERVISORS
from yingji.notifications.todo import TodoItem, TodoKind, register
from yingji.regions.scoping import Jurisdiction

COUNTY_CODE_LENGTH = 6

TO_RECTIFY = (HazardStatus.REPORTED, HazardStatus.RECTIFYING)
OPEN = (HazardStatus.REPORTED, HazardStatus.RECTIFYING, HazardStatus.AWAITING_REVIEW)


def _items(kind: str, title: str, hazards) -> list[TodoItem]:
    # Only what an item shows, as tuples: a county's list is a few hundred hazards.
    rows = hazards.order_by("deadline", "pk").values_list("pk", "deadline", "description", "enterprise__name")
    return [
        TodoItem(
            kind=kind,
            title=title % {"enterprise": enterprise, "description": description[:40]},
            object_id=pk,
            due=deadline,
            url=f"/hazards/{pk}/",
        )
        for pk, deadline, description, enterprise in rows
    ]


def _last_verdict():
    """The latest submission or rejection of each hazard: 'reject' means evidence came back."""
    events = HazardEvent.objects.filter(
        hazard=OuterRef("pk"), action__in=(HazardAction.SUBMIT, HazardAction.REJECT)
    )
    return Coalesce(Subquery(events.order_by("-at", "-id").values("action")[:1]), Value(""))


def _enterprise_hazards(user):
    # With a deadline: one reported but not yet assigned waits on the supervisor, not on them.
    hazards = Hazard.objects.for_user(user).filter(status__in=TO_RECTIFY, deadline__isnull=False)
    return hazards.annotate(verdict=_last_verdict())


def rectify(user):
    if user.role != Role.ENTERPRISE:
        return []
    hazards = _enterprise_hazards(user).exclude(verdict=HazardAction.REJECT)
    return _items("hazard_rectify", _("Rectify: %(description)s"), hazards)


def rejected(user):
    if user.role != Role.ENTERPRISE:
        return []
    hazards = _enterprise_hazards(user).filter(verdict=HazardAction.REJECT)
    return _items("hazard_rejected", _("Evidence rejected, rectify again: %(description)s"), hazards)


def acceptable_by(user):
    """permissions.may_accept as a query: the hazards whose rectification this user judges."""
    not_listed = Q(listed_on__isnull=True)
    if user.role == Role.ADMIN:
        return Q()
    if user.role in AUTHORITIES:
        return not_listed | Q(listed_by_id=user.organisation_id)
    if user.role == Role.STREET:
        in_charge = HazardEvent.objects.filter(
            hazard=OuterRef("pk"),
            action__in=("register", "import", HazardAction.ASSIGN),
            actor__organisation_id=user.organisation_id,
        )
        return not_listed & Q(level=HazardLevel.GENERAL) & Exists(in_charge)
    return Q(pk__in=[])


def _above_county(user) -> bool:
    """A city's or province's office: it may judge any hazard inside it, but the counties and
    streets do that work; what waits on it is what it listed itself (a province holds thousands
    of hazards awaiting acceptance at any time)."""
    return len(Jurisdiction.of(user).region or "") < COUNTY_CODE_LENGTH


def _waiting_on(user) -> Q:
    if user.role in AUTHORITIES and _above_county(user):
        return Q(listed_by_id=user.organisation_id)
    return Q()


def to_accept(user):
    if user.role not in SUPERVISORS or user.role == Role.ADMIN:
        return []
    hazards = Hazard.objects.for_user(user).filter(
        acceptable_by(user), _waiting_on(user), status=HazardStatus.AWAITING_REVIEW
    )
    return _items("hazard_accept", _("Accept the rectification: %(enterprise)s, %(description)s"), hazards)


def extensions(user):
    if user.role not in (Role.BUREAU, Role.INSPECTOR, Role.DEPARTMENT, Role.STREET):
        return []
    hazards = Hazard.objects.for_user(user).filter(
        _waiting_on(user), status=HazardStatus.RECTIFYING, extension_requested_until__isnull=False
    )
    return _items(
        "hazard_extension", _("Decide the extension request: %(enterprise)s, %(description)s"), hazards
    )


def street_overdue(user):
    if user.role != Role.STREET:
        return []
    return _items(
        "hazard_overdue",
        _("Overdue: %(enterprise)s, %(description)s"),
        Hazard.objects.for_user(user).overdue(),
    )


def leader_major(user):
    if user.role != Role.LEADER:
        return []
    hazards = Hazard.objects.for_user(user).filter(level=HazardLevel.MAJOR, status__in=OPEN)
    return _items("hazard_major", _("Major hazard open: %(enterprise)s, %(description)s"), hazards)


for kind in (
    TodoKind("hazard_rectify", gettext_lazy("Hazards to rectify"), rectify),
    TodoKind("hazard_rejected", gettext_lazy("Rejected evidence"), rejected),
    TodoKind("hazard_accept", gettext_lazy("Rectifications to accept"), to_accept),
    TodoKind("hazard_extension", gettext_lazy("Extension requests to decide"), extensions),
    TodoKind("hazard_overdue", gettext_lazy("Overdue hazards"), street_overdue),
    TodoKind("hazard_major", gettext_lazy("Major and listed hazards"), leader_major),
):
    register(kind)
