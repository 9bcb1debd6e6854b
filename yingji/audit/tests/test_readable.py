"""The audit log as a bureau clerk reads it: actions, record types and fields in Chinese,
people by name, coded values by their labels, one local time format, filters as selects."""

import datetime
import re

import pytest

from yingji.accounts.tests.factories import web_login
from yingji.audit.models import AuditEntry
from yingji.hazards.tests.factories import assigned, hazard_factory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(client, bureau, enterprises):
    bureau.name = "王小明"
    bureau.save()
    hazard = hazard_factory(actor=bureau, enterprise=enterprises["A"], description="配电箱未上锁" * 20)
    assigned(hazard, bureau)
    web_login(client, "bureau")
    return client.get("/audit/").content.decode()


def test_actions_records_and_fields_are_named_in_chinese(page):
    assert "整改" in page  # hazard.assign: 下达整改 (or its catalogue's words), not the code
    assert ">hazard.assign<" not in page and "hazards.hazard #" not in page
    assert "隐患 #" in page
    assert "状态</b>" in page  # the status field by its verbose name…
    assert "status</b>" not in page


def test_coded_values_show_as_their_labels(page):
    assert "整改中" in page  # status rectifying, not "rectifying"
    assert "→ rectifying" not in page


def test_people_are_named(page):
    assert "王小明" in page


def test_stored_times_are_shown_in_local_time_and_blank_fields_left_out(page):
    # No ISO time as stored (2026-03-01T01:05:00Z); a bare "T0" could be in the CSRF token.
    assert not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", page) and "Z</div>" not in page
    assert "撤销理由" not in page  # blank at creation, not changed since


def test_referenced_records_are_named(page):
    assert "东岸建筑工程有限公司" in page  # the hazard's enterprise, not its id
    assert "东岸街道" in page  # its region, not 430102015


def test_long_values_fold_into_details(page):
    assert "<details>" in page and "配电箱未上锁配电箱未上锁" in page


def test_action_and_record_type_are_chosen_from_selects(page):
    assert '<select name="action"' in page and '<select name="object_type"' in page
    assert '<option value="hazards.hazard">隐患</option>' in page


def test_times_are_shown_in_shanghai_time_to_the_minute(client, bureau, enterprises):
    at = datetime.datetime(2026, 6, 30, 17, 5, 42, tzinfo=datetime.UTC)
    AuditEntry.objects.create(
        at=at,
        actor=bureau,
        action="create",
        object_type="enterprises.enterprise",
        object_id="1",
        object_repr="东岸建筑工程有限公司",
        region_code="430102015",
    )
    web_login(client, "bureau")
    page = client.get("/audit/").content.decode()
    assert '<td class="nowrap" data-testid="audit-time">2026-07-01 01:05</td>' in page


def test_a_person_is_found_by_name_or_user_name(client, bureau, inspector, enterprises):
    bureau.name = "王小明"
    bureau.save()
    hazard_factory(actor=bureau, enterprise=enterprises["A"], description="王小明登记的隐患")
    hazard_factory(actor=inspector, enterprise=enterprises["B"], description="检查员登记的隐患")
    web_login(client, "bureau")
    for person in ("王小明", "bureau"):
        page = client.get("/audit/", {"actor": person}).content.decode()
        assert "王小明登记的隐患" in page and "检查员登记的隐患" not in page
