"""Who may accept (验收) and write off (销号) a hazard: every role × level × listed, through the
action (services.hazard_act) and the buttons (permissions.actions_for). The answers are the
rule of permissions.py written out by hand, not read from its sets.

The hazard lies in 东岸街道 (430102015), at 东岸建筑 (construction). It was found by the bureau's
inspector, except for "street, found it", where 东岸街道 found it itself. "Listed" means
listed for supervision (挂牌督办) by the district bureau (芙蓉区应急管理局). A general hazard
is never listed through the actions; the rule still answers for it, set by hand.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory
from yingji.core.industries import Industry
from yingji.hazards import services
from yingji.hazards.models import Hazard
from yingji.hazards.permissions import actions_for
from yingji.hazards.tests.factories import assigned, hazard_factory

pytestmark = pytest.mark.django_db

Y, N = True, False
# persona: (general, major, general listed, major listed), the same for approve and close.
EXPECTED = {
    "admin": (Y, Y, Y, Y),
    "bureau": (Y, Y, Y, Y),
    "inspector": (Y, Y, Y, Y),
    "department in its industries": (Y, Y, N, N),
    "department outside its industries": (N, N, N, N),
    "street, found it": (Y, N, N, N),
    "street, did not find it": (N, N, N, N),
    "enterprise": (N, N, N, N),
    "leader": (N, N, N, N),
    "duty": (N, N, N, N),
}
CASES = [
    (persona, level, listed, action, EXPECTED[persona][column])
    for persona in EXPECTED
    for column, (level, listed) in enumerate(
        [("general", False), ("major", False), ("general", True), ("major", True)]
    )
    for action in ("approve", "close")
]


@pytest.fixture
def people(admin, bureau, inspector, department, street, enterprise_user):
    return {
        "admin": admin,
        "bureau": bureau,
        "inspector": inspector,
        "department in its industries": department,  # construction and gas
        "department outside its industries": user_factory(
            role=Role.DEPARTMENT, region="430102", industries=[Industry.ROAD_TRANSPORT]
        ),
        "street, found it": street,
        "street, did not find it": street,
        "enterprise": enterprise_user,
        "leader": user_factory(role=Role.LEADER, org=bureau.organisation),
        "duty": user_factory(role=Role.DUTY, org=bureau.organisation),
    }


def _hazard(finder, enterprise, *, level: str, listed_by, status: str) -> Hazard:
    hazard = hazard_factory(actor=finder, enterprise=enterprise, level=level)
    listing = (
        {"listing_level": "county", "listed_by": listed_by, "listed_on": hazard.found_at} if listed_by else {}
    )
    rectified = hazard.found_at if status == "rectified" else None
    Hazard.objects.filter(pk=hazard.pk).update(status=status, rectified_at=rectified, **listing)
    hazard.refresh_from_db()
    return hazard


@pytest.mark.parametrize(("persona", "level", "listed", "action", "allowed"), CASES)
def test_who_may_accept_and_write_off(
    people, inspector, bureau, enterprises, persona, level, listed, action, allowed
):
    user = people[persona]
    finder = people["street, found it"] if persona == "street, found it" else inspector
    status = "awaiting_review" if action == "approve" else "rectified"
    hazard = _hazard(
        finder,
        enterprises["A"],
        level=level,
        listed_by=bureau.organisation if listed else None,
        status=status,
    )

    assert (action in actions_for(user, hazard)) is allowed
    if allowed:
        done = services.hazard_act(actor=user, hazard=hazard, action=action, data={})
        assert done.status == {"approve": "rectified", "close": "closed"}[action]
    else:
        with pytest.raises((PermissionDenied, Http404)):  # 404: outside what the user may see
            services.hazard_act(actor=user, hazard=hazard, action=action, data={})
        hazard.refresh_from_db()
        assert hazard.status == status


def test_a_hazard_listed_by_a_department_is_accepted_and_written_off_by_that_department_only(
    bureau, inspector, department, enterprises
):
    hazard = _hazard(
        inspector, enterprises["A"], level="major", listed_by=department.organisation, status="rectified"
    )
    assert actions_for(bureau, hazard) == [] and actions_for(inspector, hazard) == []
    assert actions_for(department, hazard) == ["close"]


def test_a_street_accepts_what_it_assigned(street, enterprise_user, enterprises):
    """The enterprise found it (self-check); the street assigned its rectification, so the
    street accepts it — the enterprise does not accept its own evidence."""
    hazard = hazard_factory(actor=enterprise_user, enterprise=enterprises["A"], source="self_check")
    assert "rectify_on_site" not in actions_for(street, hazard)  # not the street's hazard yet
    hazard = assigned(hazard, street)
    hazard = services.hazard_act(actor=enterprise_user, hazard=hazard, action="submit", data={})
    assert actions_for(enterprise_user, hazard) == []
    with pytest.raises(PermissionDenied):
        services.hazard_act(actor=enterprise_user, hazard=hazard, action="approve", data={})
    hazard = services.hazard_act(actor=street, hazard=hazard, action="approve", data={})
    assert (hazard.status, hazard.verified_by) == ("rectified", street)


@pytest.mark.parametrize(("finder", "allowed"), [("street", True), ("inspector", False)])
def test_rejecting_and_rectifying_on_the_spot_follow_the_same_rule(
    request, street, enterprises, finder, allowed
):
    """Rejecting is the failed review and rectifying on the spot records the acceptance at once."""
    hazard = hazard_factory(actor=request.getfixturevalue(finder), enterprise=enterprises["A"])
    assert ("rectify_on_site" in actions_for(street, hazard)) is allowed
    reviewed = _hazard(
        request.getfixturevalue(finder),
        enterprises["A"],
        level="general",
        listed_by=None,
        status="awaiting_review",
    )
    assert ("reject" in actions_for(street, reviewed)) is allowed
    if not allowed:
        with pytest.raises(PermissionDenied):
            services.hazard_act(actor=street, hazard=reviewed, action="reject", data={"reason": "照片不清晰"})
