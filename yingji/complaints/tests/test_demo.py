"""The demo's three years of complaints: about sixty a year, consistent with the workflow, some
linked to the demo's inspections and hazards, a few rewards; the reporter stored encrypted."""

import datetime

import pytest
from django.db import connection

from yingji.complaints.models import Complaint
from yingji.core import demo

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 22)


@pytest.fixture
def built():
    return demo.build(seed=7, size="small", today=TODAY, log=lambda _: None)


def test_three_years_of_complaints_in_their_states(built):
    years = [Complaint.objects.filter(received_on__year=y).count() for y in (2024, 2025)]
    assert all(40 <= n <= 80 for n in years)
    assert (
        Complaint.objects.filter(received_on__lt=TODAY - datetime.timedelta(days=3 * 365 + 10)).count() == 0
    )
    states = set(Complaint.objects.values_list("status", flat=True))
    assert (
        states == {"received", "assigned", "verified", "closed"}
        or {"received", "assigned", "closed"} <= states
    )
    linked = Complaint.objects.filter(hazard__isnull=False)
    assert linked.count() >= 10
    assert all(c.inspection_id == c.hazard.inspection_id for c in linked.select_related("hazard"))
    assert all(c.received_on <= c.hazard.found_at for c in linked.select_related("hazard"))
    assert Complaint.objects.filter(reward_paid_on__isnull=False).count() >= 3
    for c in Complaint.objects.filter(status="closed"):
        assert c.received_on <= c.verified_on <= c.closed_on <= TODAY and c.verification
    assert not Complaint.objects.filter(reward_amount__isnull=False, verification="false").exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT reporter_name FROM complaints_complaint WHERE reporter_name <> '' LIMIT 5")
        assert all(not any(ch in row[0] for ch in "先生女士") for row in cursor.fetchall())
