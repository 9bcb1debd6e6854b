"""Every complaint indicator against records built for it (批次 and 件, closed, found true,
rewards paid, past the deadline), the work-summary paragraph and its problem, the to-do kinds."""

import datetime

import pytest

from yingji.complaints import services
from yingji.complaints.models import Complaint
from yingji.complaints.tests.conftest import act
from yingji.notifications.todo import todo_for
from yingji.stats.catalog import CATALOG, Query
from yingji.stats.periods import period_of

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def records(bureau, street, outsider, take_in):
    """2026: c1 (3-1, 2件) true, closed 3-15, reward 1,000 paid 3-20; c2 (4-1, letter, 3件) partly
    true, closed 4-12, reward 4,000 paid 5-1; c3 (5-1, 1件) not true, closed 5-6; c4 (6-1, 4件)
    assigned to 东岸 with the deadline 6-20 passed; c5 (7-1, 1件) awaiting assignment.
    2025: c6 (6-1, 5件) true, closed 6-30, reward 2,000 paid 7-1. 天心区: one (2026, 1件)."""
    unit = street.organisation_id
    c1 = take_in(received_on="2026-03-01", items=2)
    c2 = take_in(received_on="2026-04-01", items=3, channel="letter")
    c3 = take_in(received_on="2026-05-01", items=1)
    c4 = take_in(received_on="2026-06-01", items=4)
    c5 = take_in(received_on="2026-07-01", items=1)
    c6 = take_in(received_on="2025-06-01", items=5)
    for c, verdict, verified, closed, reward, paid in (
        (c1, "true", "2026-03-10", "2026-03-15", "1000", "2026-03-20"),
        (c2, "partly_true", "2026-04-10", "2026-04-12", "4000", "2026-05-01"),
        (c3, "false", "2026-05-05", "2026-05-06", None, None),
        (c6, "true", "2025-06-20", "2025-06-30", "2000", "2025-07-01"),
    ):
        act(bureau, c, "assign", unit_id=unit, deadline="2027-01-01")
        act(street, c, "verify", verification=verdict, result="核查", verified_on=verified)
        act(bureau, c, "close", closed_on=closed)
        if reward:
            act(bureau, c, "reward", amount=reward, decided_on=closed)
            act(bureau, c, "pay_reward", paid_on=paid)
    act(bureau, c4, "assign", unit_id=unit, deadline="2027-01-01")
    Complaint.objects.filter(pk=c4.pk).update(deadline=D(2026, 6, 20))
    services.complaint_create(
        actor=outsider,
        values={"channel": "visit", "region_code": "430103", "content": "x", "received_on": "2026-02-01"},
    )
    return {"c4": c4, "c5": c5}


def _value(user, key, year=2026, **filters):
    return CATALOG[key].value(Query(user=user, period=period_of(year, "year"), filters=filters))


@pytest.mark.parametrize(
    ("key", "expected", "expected_2025"),
    [
        ("complaints.received", 5, 1),
        ("complaints.items", 11, 5),
        ("complaints.closed", 3, 1),
        ("complaints.closed_items", 6, 5),
        ("complaints.verified_true", 5, 5),  # 查实: true and partly true, by items
        ("complaints.rewards_paid", 5000, 2000),  # yuan, on the day paid
        ("complaints.overdue", 1, 0),
    ],
)
def test_indicators_count_what_was_built(bureau, records, key, expected, expected_2025):
    assert _value(bureau, key) == expected
    assert _value(bureau, key, year=2025) == expected_2025


def test_dimensions_scoping_and_links(bureau, street, outsider, records):
    assert _value(bureau, "complaints.received", channel="letter") == 1
    assert _value(bureau, "complaints.received", region="430102001") == 0
    assert _value(street, "complaints.received") == 4  # assigned to it: c1–c4
    assert _value(outsider, "complaints.received") == 1
    query = Query(user=bureau, period=period_of(2026, "year"))
    assert (
        CATALOG["complaints.received"].url(query)
        == "/complaints/?received_from=2026-01-01&received_to=2026-12-31"
    )
    assert "found_true=true" in CATALOG["complaints.verified_true"].url(query)


def test_the_work_summary_paragraph_and_problem(bureau, records):
    from yingji.reports.summary import build_summary

    doc = build_summary(
        user=bureau, region_code="430102", year=2026, period_code="year", as_of=D(2026, 12, 3)
    )
    text = " ".join(p for _h, paragraphs in doc.sections for p in paragraphs)
    assert "共收到安全生产举报投诉5批次11件，已办结3批次6件，查实5件，发放举报奖励0.5万元。" in text
    assert "举报投诉核查不够及时，截至12月3日，仍有1批次举报投诉超过办理期限未核查。" in text


def test_the_to_do_of_the_unit_and_of_the_handler(bureau, street, other_street, inspector, records):
    street_items = [i for i in todo_for(street) if i.kind == "complaint_verify"]
    assert [(i.object_id, i.due) for i in street_items] == [(records["c4"].pk, D(2026, 6, 20))]
    assert street_items[0].url == f"/complaints/{records['c4'].pk}/"
    handler_items = [i for i in todo_for(bureau) if i.kind == "complaint_assign"]
    assert [i.object_id for i in handler_items] == [records["c5"].pk]
    assert not [i for i in todo_for(other_street) if i.kind.startswith("complaint")]
    assert not [i for i in todo_for(inspector) if i.kind == "complaint_assign"]


def test_the_daily_reminders_tell_the_unit_and_once_overdue_the_handlers(bureau, street, records):
    from yingji.complaints.reminders import remind
    from yingji.notifications.models import Notification

    assert remind(D(2026, 12, 3)) == 2  # c4, overdue: the street's user and the bureau's handler
    assert remind(D(2026, 12, 3)) == 0  # once a day
    kinds = set(Notification.objects.filter(user__in=[bureau, street]).values_list("user__username", "kind"))
    assert kinds == {("bureau", "complaint_overdue"), ("street", "complaint_overdue")}
