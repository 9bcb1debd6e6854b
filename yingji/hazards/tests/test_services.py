"""The hazard closed loop: every transition, allowed and refused, and who may take it."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.utils import timezone

from yingji.audit.models import AuditEntry
from yingji.core.errors import ApplicationError, Conflict
from yingji.hazards import services
from yingji.hazards.choices import TRANSITIONS, HazardStatus
from yingji.hazards.models import Hazard, HazardEvent
from yingji.hazards.tests.factories import PLAN, assigned, hazard_factory
from yingji.hazards.tests.images import jpeg_bytes
from yingji.notifications.models import Notification

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def act(hazard, actor, action, **data):
    return services.hazard_act(actor=actor, hazard=hazard, action=action, data=data)


def photo(name="after.jpg"):
    return SimpleUploadedFile(name, jpeg_bytes(), "image/jpeg")


# --- registration -------------------------------------------------------------------------


def test_registration_copies_region_and_industry_and_starts_the_timeline(street, enterprises):
    hazard = hazard_factory(actor=street, enterprise=enterprises["A"])
    assert (hazard.region_id, hazard.industry, hazard.status) == ("430102015", "construction", "reported")
    assert list(hazard.events.values_list("action", "to_status")) == [("register", "reported")]
    assert AuditEntry.objects.filter(object_type="hazards.hazard", action="create").count() == 1


def test_a_hazard_cannot_be_found_in_the_future(street, enterprises):
    with pytest.raises(ApplicationError) as error:
        hazard_factory(actor=street, enterprise=enterprises["A"], found_at=TODAY + datetime.timedelta(days=1))
    assert "found_at" in error.value.errors


def test_registering_for_an_enterprise_outside_the_jurisdiction_is_refused(street, enterprises):
    with pytest.raises(ApplicationError) as error:
        hazard_factory(actor=street, enterprise=enterprises["C"])
    assert "enterprise_id" in error.value.errors


def test_the_bureau_is_notified_of_a_major_hazard(
    street, bureau, enterprises, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        hazard_factory(actor=street, enterprise=enterprises["A"], level="major")
        hazard_factory(actor=street, enterprise=enterprises["A"], level="general")
    notes = Notification.objects.all()
    assert [(n.user, n.title) for n in notes] == [(bureau, "重大隐患登记：东岸建筑工程有限公司")]


# --- the happy path ----------------------------------------------------------------------


def test_general_hazard_full_loop(street, enterprise_user, bureau, enterprises):
    hazard = hazard_factory(actor=street, enterprise=enterprises["A"])
    hazard = assigned(hazard, street)
    assert (hazard.status, hazard.responsible) == ("rectifying", "李四")
    hazard = act(hazard, enterprise_user, "submit", note="已加锁", rectified_at=TODAY)
    assert hazard.status == "awaiting_review"
    hazard = act(hazard, bureau, "approve")
    assert (hazard.status, hazard.rectified_at, hazard.verified_at, hazard.verified_by) == (
        "rectified",
        TODAY,
        TODAY,
        bureau,
    )
    hazard = act(hazard, bureau, "close")
    assert (hazard.status, hazard.closed_at) == ("closed", TODAY)
    timeline = list(hazard.events.values_list("action", "from_status", "to_status"))
    assert timeline == [
        ("register", "", "reported"),
        ("assign", "reported", "rectifying"),
        ("submit", "rectifying", "awaiting_review"),
        ("approve", "awaiting_review", "rectified"),
        ("close", "rectified", "closed"),
    ]
    assert AuditEntry.objects.filter(object_id=str(hazard.pk), action__startswith="hazard.").count() == 4


def test_reject_sends_it_back_to_rectifying_with_the_reason(street, enterprise_user, enterprises):
    hazard = assigned(hazard_factory(actor=street, enterprise=enterprises["A"]), street)
    hazard = act(hazard, enterprise_user, "submit", note="done")
    hazard = act(hazard, street, "reject", reason="照片不清晰")
    assert hazard.status == "rectifying"
    assert hazard.events.last().note == "照片不清晰"


def test_reject_needs_a_reason(street, enterprise_user, enterprises):
    hazard = act(
        assigned(hazard_factory(actor=street, enterprise=enterprises["A"]), street), enterprise_user, "submit"
    )
    with pytest.raises(ApplicationError) as error:
        act(hazard, street, "reject")
    assert "reason" in error.value.errors


@pytest.mark.parametrize("start", ["reported", "rectifying"])
def test_a_general_hazard_can_be_rectified_on_the_spot(street, enterprises, start):
    hazard = hazard_factory(actor=street, enterprise=enterprises["A"])
    if start == "rectifying":
        hazard = assigned(hazard, street)
    hazard = act(hazard, street, "rectify_on_site")
    assert (hazard.status, hazard.rectified_at) == ("rectified", TODAY)


def test_a_major_hazard_cannot_be_rectified_on_the_spot(street, enterprises):
    hazard = hazard_factory(actor=street, enterprise=enterprises["A"], level="major")
    with pytest.raises(Conflict):
        act(hazard, street, "rectify_on_site")


def test_assign_needs_measures_responsible_and_deadline(street, enterprises):
    hazard = hazard_factory(actor=street, enterprise=enterprises["A"])
    with pytest.raises(ApplicationError) as error:
        act(hazard, street, "assign", measures="加锁")
    assert set(error.value.errors) == {"responsible", "deadline"}
    with pytest.raises(ApplicationError) as error:
        act(
            hazard,
            street,
            "assign",
            measures="x",
            responsible="y",
            deadline=hazard.found_at - datetime.timedelta(1),
        )
    assert "deadline" in error.value.errors


# --- the state table ---------------------------------------------------------------------


def _in_state(status, actor, enterprise):
    hazard = hazard_factory(actor=actor, enterprise=enterprise)
    Hazard.objects.filter(pk=hazard.pk).update(
        status=status, rectified_at=TODAY if status in ("rectified", "closed") else None
    )
    hazard.refresh_from_db()
    return hazard


REFUSED = [
    (a, s)
    for a, (allowed_from, _to) in TRANSITIONS.items()
    for s in HazardStatus.values
    if s not in allowed_from
]


@pytest.mark.parametrize(("action", "status"), REFUSED)
def test_an_action_from_a_state_it_does_not_start_from_is_409_naming_the_state(
    admin, enterprises, action, status
):
    hazard = _in_state(status, admin, enterprises["A"])
    with pytest.raises(Conflict) as error:
        act(hazard, admin, action, reason="x")
    assert str(HazardStatus(status).label) in error.value.message
    hazard.refresh_from_db()
    assert hazard.status == status


# --- major hazards -----------------------------------------------------------------------


def test_a_major_hazard_needs_its_treatment_plan_before_assignment(street, enterprises):
    hazard = hazard_factory(actor=street, enterprise=enterprises["A"], level="major")
    with pytest.raises(ApplicationError) as error:
        act(hazard, street, "assign", measures="x", responsible="y", deadline=TODAY)
    assert "plan" in error.value.errors
    services.hazard_set_plan(actor=street, hazard=hazard, **PLAN)
    assert act(hazard, street, "assign", measures="x", responsible="y", deadline=TODAY).status == "rectifying"


def test_the_treatment_plan_has_all_six_items(street, enterprises):
    hazard = hazard_factory(actor=street, enterprise=enterprises["A"], level="major")
    with pytest.raises(ApplicationError) as error:
        services.hazard_set_plan(actor=street, hazard=hazard, **(PLAN | {"safety_measures": ""}))
    assert "safety_measures" in error.value.errors


def test_a_major_hazard_is_submitted_with_evidence_files(street, enterprise_user, enterprises):
    hazard = assigned(hazard_factory(actor=street, enterprise=enterprises["A"], level="major"), street)
    with pytest.raises(ApplicationError) as error:
        act(hazard, enterprise_user, "submit", note="done")
    assert "files" in error.value.errors
    hazard = services.hazard_act(
        actor=enterprise_user, hazard=hazard, action="submit", data={}, files=[photo()]
    )
    assert hazard.status == "awaiting_review"
    assert hazard.evidence.get().event.action == "submit"


def test_listing_a_major_hazard_and_closing_it_needs_the_listing_authority(
    street, bureau, department, enterprises
):
    hazard = hazard_factory(actor=street, enterprise=enterprises["A"], level="major")
    hazard = act(hazard, department, "list", level="county")
    assert (hazard.listing_level, hazard.listed_by, hazard.listed_on) == (
        "county",
        department.organisation,
        TODAY,
    )
    with pytest.raises(Conflict):
        act(hazard, bureau, "list", level="county")
    hazard = assigned(hazard, street)
    hazard = services.hazard_act(actor=street, hazard=hazard, action="submit", data={}, files=[photo()])
    # Accepting is the listing authority's on-site review too (Order 16 Art. 23), not only the
    # write-off: the bureau, which did not list it, does neither.
    for action in ("approve", "reject"):
        with pytest.raises(PermissionDenied):
            act(hazard, bureau, action, reason="r")
    hazard = act(hazard, department, "approve")
    with pytest.raises(PermissionDenied):
        act(hazard, bureau, "close")
    assert act(hazard, department, "close").status == "closed"


def test_only_major_hazards_are_listed_and_only_by_bureau_or_department(street, bureau, enterprises):
    general = hazard_factory(actor=street, enterprise=enterprises["A"])
    with pytest.raises(Conflict):
        act(general, bureau, "list", level="county")
    major = hazard_factory(actor=street, enterprise=enterprises["A"], level="major")
    with pytest.raises(PermissionDenied):
        act(major, street, "list", level="county")
    with pytest.raises(ApplicationError) as error:
        act(major, bureau, "list", level="nation")
    assert "level" in error.value.errors


# --- extensions and cancelling -----------------------------------------------------------


def test_extension_requested_then_granted_moves_the_deadline(street, enterprise_user, enterprises):
    hazard = assigned(hazard_factory(actor=street, enterprise=enterprises["A"]), street)
    old = hazard.deadline
    later = old + datetime.timedelta(days=15)
    hazard = act(hazard, enterprise_user, "request_extension", until=later, reason="等待配件")
    assert hazard.extension_requested_until == later and hazard.deadline == old
    hazard = act(hazard, street, "grant_extension")
    assert (hazard.deadline, hazard.extension_requested_until) == (later, None)


def test_extension_denied_keeps_the_deadline(street, enterprise_user, enterprises):
    hazard = assigned(hazard_factory(actor=street, enterprise=enterprises["A"]), street)
    old = hazard.deadline
    act(hazard, enterprise_user, "request_extension", until=old + datetime.timedelta(days=5), reason="r")
    hazard = act(hazard, street, "deny_extension", reason="不同意")
    assert (hazard.deadline, hazard.extension_requested_until) == (old, None)


def test_granting_without_a_request_is_409(street, enterprises):
    hazard = assigned(hazard_factory(actor=street, enterprise=enterprises["A"]), street)
    with pytest.raises(Conflict):
        act(hazard, street, "grant_extension")


def test_an_extension_must_move_the_deadline_later(street, enterprise_user, enterprises):
    hazard = assigned(hazard_factory(actor=street, enterprise=enterprises["A"]), street)
    with pytest.raises(ApplicationError) as error:
        act(hazard, enterprise_user, "request_extension", until=hazard.deadline, reason="r")
    assert "until" in error.value.errors


def test_only_the_bureau_cancels_and_with_a_reason(street, bureau, enterprises):
    hazard = hazard_factory(actor=street, enterprise=enterprises["A"])
    with pytest.raises(PermissionDenied):
        act(hazard, street, "cancel", reason="重复登记")
    with pytest.raises(ApplicationError):
        act(hazard, bureau, "cancel")
    hazard = act(hazard, bureau, "cancel", reason="重复登记")
    assert (hazard.status, hazard.cancel_reason) == ("cancelled", "重复登记")


# --- who may act -------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["assign", "rectify_on_site", "cancel"])
def test_the_enterprise_may_only_submit_and_ask_for_time(enterprise_user, street, enterprises, action):
    hazard = hazard_factory(actor=street, enterprise=enterprises["A"])
    with pytest.raises(PermissionDenied):
        act(hazard, enterprise_user, action, measures="x", responsible="y", deadline=TODAY, reason="r")


@pytest.mark.parametrize("persona", ["bureau", "inspector", "department", "street"])
def test_every_supervising_role_may_assign(request, persona, admin, enterprises):
    user = request.getfixturevalue(persona)
    hazard = hazard_factory(actor=admin, enterprise=enterprises["A"])
    assert assigned(hazard, user).status == "rectifying"


def test_a_leader_is_read_only(bureau, enterprises):
    from yingji.accounts.tests.factories import user_factory

    leader = user_factory(role="leader", org=bureau.organisation)
    hazard = hazard_factory(actor=bureau, enterprise=enterprises["A"])
    with pytest.raises(PermissionDenied):
        act(hazard, leader, "rectify_on_site")
    with pytest.raises(PermissionDenied):
        hazard_factory(actor=leader, enterprise=enterprises["A"])


def test_outside_the_jurisdiction_the_hazard_does_not_exist(street, other_street, outsider, enterprises):
    hazard = hazard_factory(actor=street, enterprise=enterprises["A"])
    for user in (other_street, outsider):
        with pytest.raises(Http404):
            act(hazard, user, "rectify_on_site")
    assert HazardEvent.objects.filter(hazard=hazard).count() == 1


# --- overdue is derived ------------------------------------------------------------------


def test_overdue_is_derived_from_the_deadline_and_state(street, enterprises):
    hazard = assigned(
        hazard_factory(actor=street, enterprise=enterprises["A"], found_at=TODAY - datetime.timedelta(30)),
        street,
        days=5,
    )
    assert hazard.overdue_on(TODAY)
    assert not hazard.overdue_on(hazard.deadline)
    assert list(Hazard.objects.overdue(TODAY)) == [hazard]
    act(hazard, street, "rectify_on_site")
    assert list(Hazard.objects.overdue(TODAY)) == []
