"""The complaint's workflow through the API: intake, assignment with a deadline, verification
with its links, closing, the reward decided and paid, the reporter told; each refused
transition a 409, each role's limits a 403, bad input a 400, outside records a 404."""

import datetime

import pytest
from django.utils import timezone

from yingji.audit.models import AuditEntry
from yingji.complaints.models import Complaint
from yingji.complaints.tests.conftest import act
from yingji.hazards.tests.factories import hazard_factory
from yingji.inspections.tests.factories import inspection_factory

pytestmark = pytest.mark.django_db
URL = "/api/v1/complaints"


def _deadline(days=15):
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def test_a_handler_takes_a_complaint_in_as_one_batch_of_items(api, bureau, enterprises):
    answer = api(bureau).post(
        URL,
        {"channel": "letter", "enterprise_id": enterprises["A"].pk, "content": "无证动火；消防通道堵塞",
         "items": 2, "reporter_name": "李四", "reporter_phone": "13900000000"},
        content_type="application/json",
    )  # fmt: skip
    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert body["region_code"] == enterprises["A"].region_id  # the enterprise's region by default
    assert (body["items"], body["status"], body["channel"]) == (2, "received", "letter")
    assert len(body["receipt"]) == 12
    assert body["next_actions"] == ["assign"]
    entry = AuditEntry.objects.get(action="create", object_type="complaints.complaint")
    assert entry.actor == bureau


def test_the_whole_path_from_assignment_to_the_reporter_told(api, bureau, street, take_in, enterprises):
    complaint = take_in(enterprise_id=enterprises["A"].pk)
    inspection = inspection_factory(actor=bureau, enterprise=enterprises["A"])
    hazard = hazard_factory(actor=bureau, enterprise=enterprises["A"], inspection=inspection)
    client = api(bureau)
    steps = [
        ("assign", {"unit_id": street.organisation_id, "deadline": _deadline()}, "assigned"),
        ("verify", {"verification": "true", "result": "属实，已责令整改", "inspection_id": inspection.pk,
                    "hazard_id": hazard.pk, "case_id": 77}, "verified"),
        ("close", {}, "closed"),
        ("reward", {"amount": "500"}, "closed"),
        ("pay_reward", {}, "closed"),
        ("notify_reporter", {"how": "phone"}, "closed"),
    ]  # fmt: skip
    for action, data, status in steps:
        answer = client.post(f"{URL}/{complaint.pk}/actions/{action}", data, content_type="application/json")
        assert answer.status_code == 200, (action, answer.content)
        assert answer.json()["status"] == status
    body = answer.json()
    assert (body["inspection_id"], body["hazard_id"], body["case_id"]) == (inspection.pk, hazard.pk, 77)
    assert body["reward_amount"] == "500.00"
    assert body["reward_paid_on"] == body["reporter_notified_on"] == timezone.localdate().isoformat()
    assert body["next_actions"] == []
    events = client.get(f"{URL}/{complaint.pk}/events").json()
    assert [e["action"] for e in events] == ["create"] + [s[0] for s in steps]
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"complaint.assign", "complaint.verify", "complaint.close", "complaint.pay_reward"} <= actions


# (state reached, action refused): every transition the workflow does not allow, by hand.
REFUSED = [
    ("received", "verify"),
    ("received", "close"),
    ("received", "reward"),
    ("received", "pay_reward"),
    ("received", "notify_reporter"),
    ("assigned", "close"),
    ("assigned", "reward"),
    ("assigned", "pay_reward"),
    ("assigned", "notify_reporter"),
    ("verified", "assign"),
    ("verified", "verify"),
    ("verified", "pay_reward"),  # no reward decided
    ("closed", "assign"),
    ("closed", "verify"),
    ("closed", "close"),
    ("verified_false", "reward"),  # not found true
    ("rewarded", "reward"),  # decided already
    ("paid", "pay_reward"),  # paid already
    ("notified", "notify_reporter"),  # told already
]


def _reach(state, bureau, street, complaint):
    deadline = _deadline()
    if state == "received":
        return
    act(bureau, complaint, "assign", unit_id=street.organisation_id, deadline=deadline)
    if state == "assigned":
        return
    verdict = "false" if state == "verified_false" else "partly_true"
    act(street, complaint, "verify", verification=verdict, result="核查结果")
    if state in ("verified", "verified_false"):
        return
    if state in ("rewarded", "paid"):
        act(bureau, complaint, "reward", amount="300")
    if state == "paid":
        act(bureau, complaint, "pay_reward")
    if state == "notified":
        act(bureau, complaint, "notify_reporter", how="sms")
    if state == "closed":
        act(bureau, complaint, "close")


@pytest.mark.parametrize(("state", "action"), REFUSED)
def test_refused_transitions_answer_409(api, bureau, street, take_in, state, action):
    complaint = take_in()
    _reach(state, bureau, street, complaint)
    data = {"unit_id": street.organisation_id, "deadline": _deadline(), "verification": "true",
            "result": "x", "amount": "100", "how": "phone"}  # fmt: skip
    answer = api(bureau).post(f"{URL}/{complaint.pk}/actions/{action}", data, content_type="application/json")
    assert answer.status_code == 409, answer.content
    assert answer.json()["detail"]


def test_a_complaint_may_be_reassigned_before_it_is_verified(api, bureau, street, department, take_in):
    complaint = take_in()
    act(bureau, complaint, "assign", unit_id=street.organisation_id, deadline=_deadline())
    act(bureau, complaint, "assign", unit_id=department.organisation_id, deadline=_deadline(20))
    complaint.refresh_from_db()
    assert complaint.handling_unit_id == department.organisation_id


@pytest.mark.parametrize(
    ("action", "data", "field"),
    [
        ("assign", {"deadline": "2030-01-01"}, "unit_id"),
        ("assign", {"unit_id": 10**9, "deadline": "2030-01-01"}, "unit_id"),
        ("assign", {"unit_id": "STREET"}, "deadline"),
        ("assign", {"unit_id": "STREET", "deadline": "2001-01-01"}, "deadline"),
        ("assign", {"unit_id": "STREET", "deadline": "soon"}, "deadline"),
    ],
)
def test_bad_assignments_answer_400_by_field(api, bureau, street, take_in, action, data, field):
    complaint = take_in()
    data = {k: (street.organisation_id if v == "STREET" else v) for k, v in data.items()}
    answer = api(bureau).post(f"{URL}/{complaint.pk}/actions/{action}", data, content_type="application/json")
    assert answer.status_code == 400
    assert field in answer.json()["errors"]


def test_a_unit_outside_the_jurisdiction_is_refused(api, bureau, outsider, take_in):
    complaint = take_in()
    answer = api(bureau).post(
        f"{URL}/{complaint.pk}/actions/assign",
        {"unit_id": outsider.organisation_id, "deadline": _deadline()},
        content_type="application/json",
    )
    assert answer.status_code == 400 and "unit_id" in answer.json()["errors"]


def test_verification_needs_a_verdict_and_a_result(api, bureau, street, take_in):
    complaint = take_in()
    act(bureau, complaint, "assign", unit_id=street.organisation_id, deadline=_deadline())
    url = f"{URL}/{complaint.pk}/actions/verify"
    assert (
        "result"
        in api(street).post(url, {"verification": "true"}, content_type="application/json").json()["errors"]
    )
    assert (
        api(street)
        .post(url, {"verification": "maybe", "result": "x"}, content_type="application/json")
        .status_code
        == 400
    )
    assert api(bureau).post(f"{URL}/{complaint.pk}/actions/reward", {"amount": "0"},
                            content_type="application/json").status_code in (400, 409)  # fmt: skip


def test_the_handling_unit_verifies_and_only_handlers_do_the_rest(
    api, bureau, inspector, street, other_street, take_in
):
    complaint = take_in()
    assert (
        api(street)
        .post(f"{URL}/{complaint.pk}/actions/assign", {}, content_type="application/json")
        .status_code
        == 404
    )
    assert api(inspector).post(
        f"{URL}/{complaint.pk}/actions/assign", {"unit_id": street.organisation_id, "deadline": _deadline()},
        content_type="application/json",
    ).status_code == 403  # fmt: skip
    act(bureau, complaint, "assign", unit_id=street.organisation_id, deadline=_deadline())
    verify = {"verification": "true", "result": "属实"}
    assert (
        api(inspector)
        .post(f"{URL}/{complaint.pk}/actions/verify", verify, content_type="application/json")
        .status_code
        == 403
    )
    assert (
        api(street)
        .post(f"{URL}/{complaint.pk}/actions/close", {}, content_type="application/json")
        .status_code
        == 403
    )
    answer = api(street).post(f"{URL}/{complaint.pk}/actions/verify", verify, content_type="application/json")
    assert answer.status_code == 200
    assert api(other_street).get(f"{URL}/{complaint.pk}").status_code == 404


def test_scoping_region_and_assignment(
    api, bureau, inspector, street, other_street, department, enterprise_user, outsider, admin, take_in
):
    mine = take_in()
    assigned = take_in(region_code="430102001")
    act(bureau, assigned, "assign", unit_id=other_street.organisation_id, deadline=_deadline())

    def ids(user):
        return {row["id"] for row in api(user).get(URL).json()["results"]}

    assert ids(bureau) == ids(inspector) == ids(admin) == {mine.pk, assigned.pk}
    assert ids(other_street) == {assigned.pk}  # a street sees what is assigned to it
    assert ids(street) == ids(department) == ids(enterprise_user) == ids(outsider) == set()
    for user in (street, department, enterprise_user, outsider):
        assert api(user).get(f"{URL}/{mine.pk}").status_code == 404
    assert api(bureau).get(f"{URL}/{10**30}").status_code in (400, 404)


def test_intake_input_is_checked(api, bureau, inspector, outsider):
    client = api(bureau)
    base = {"channel": "visit", "region_code": "430102015", "content": "x"}
    assert (
        client.post(URL, base | {"region_code": "430103"}, content_type="application/json").status_code == 400
    )
    assert client.post(URL, base | {"channel": "fax"}, content_type="application/json").status_code == 400
    assert client.post(URL, base | {"content": ""}, content_type="application/json").status_code == 400
    assert client.post(URL, base | {"items": 0}, content_type="application/json").status_code == 400
    assert (
        client.post(URL, base | {"received_on": "2999-01-01"}, content_type="application/json").status_code
        == 400
    )
    answer = client.post(URL, base | {"reporter_phone": "call me"}, content_type="application/json")
    assert answer.status_code == 400 and "reporter_phone" in answer.json()["errors"]
    assert api(inspector).post(URL, base, content_type="application/json").status_code == 403
    assert Complaint.objects.count() == 0


def test_anonymous_keeps_no_identity(api, bureau):
    answer = api(bureau).post(
        URL,
        {"channel": "hotline_12350", "region_code": "430102", "content": "x", "anonymous": True,
         "reporter_name": "张三", "reporter_phone": "13800000000"},
        content_type="application/json",
    )  # fmt: skip
    complaint = Complaint.objects.get(pk=answer.json()["id"])
    assert (complaint.reporter_name, complaint.reporter_phone) == ("", "")
    act(bureau, complaint, "assign", unit_id=bureau.organisation_id, deadline=_deadline())
    act(bureau, complaint, "verify", verification="false", result="不属实")
    url = f"{URL}/{complaint.pk}/actions/notify_reporter"
    assert api(bureau).post(url, {"how": "phone"}, content_type="application/json").status_code == 400
    assert api(bureau).post(url, {"how": "receipt"}, content_type="application/json").status_code == 200


def test_list_filters(api, bureau, street, take_in):
    late = take_in(content="油漆桶", channel="letter")
    act(bureau, late, "assign", unit_id=street.organisation_id, deadline=_deadline())
    Complaint.objects.filter(pk=late.pk).update(deadline=timezone.localdate() - datetime.timedelta(days=1))
    other = take_in(content="电焊")

    def ids(**params):
        return [row["id"] for row in api(bureau).get(URL, params).json()["results"]]

    assert ids(overdue="true") == [late.pk]
    assert ids(overdue="false") == [other.pk]
    assert ids(channel="letter") == [late.pk]
    assert ids(q=other.receipt.lower()) == [other.pk]
    assert ids(q="电焊") == [other.pk]
    assert ids(status="assigned", unit=street.organisation_id) == [late.pk]
    assert api(bureau).get(URL, {"status": "lost"}).status_code == 400
    body = api(bureau).get(f"{URL}/{late.pk}").json()
    assert body["overdue"] is True and body["handling_unit_name"] == street.organisation.name
