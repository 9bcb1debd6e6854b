"""The pages: the case list with its filters and chips, the create form, the case page with
the actions its reader may take; the to-do items and the reminders."""

import datetime

import pytest

from yingji.accounts.tests.factories import web_login
from yingji.enforcement import reminders
from yingji.enforcement.tests.factories import open_case, walk
from yingji.notifications.models import Notification
from yingji.notifications.todo import todo_for

pytestmark = pytest.mark.django_db
D = datetime.date


def test_the_list_filters_by_stage_and_overdue(client, bureau, officer, crew, enterprises):
    late = walk(open_case(officer, enterprises["A"], crew), officer=officer, approver=bureau,
                until="approve_filing", today=D(2026, 3, 2))  # fmt: skip
    open_case(officer, enterprises["B"], crew)
    web_login(client, "bureau")
    page = client.get("/enforcement/", {"overdue": "true"}).content.decode()
    assert f"/enforcement/{late.pk}/" in page and "东岸商贸有限公司" not in page
    assert 'data-filter="overdue"' in page  # the chip
    assert "/enforcement/table/?region=430102" in page
    filing = client.get("/enforcement/", {"status": "filing"}).content.decode()
    assert "东岸商贸有限公司" in filing and f"/enforcement/{late.pk}/" not in filing


def test_the_case_page_offers_only_the_readers_actions(client, bureau, officer, crew, enterprises):
    case = open_case(officer, enterprises["A"], crew)
    web_login(client, "officer1")
    page = client.get(f"/enforcement/{case.pk}/").content.decode()
    assert "do-approve_filing" not in page and "东岸建筑工程有限公司" in page
    client.logout()
    web_login(client, "bureau")
    page = client.get(f"/enforcement/{case.pk}/").content.decode()
    assert "do-approve_filing" in page and "do-transfer" in page
    response = client.post(f"/enforcement/{case.pk}/actions/approve_filing/", {"note": "同意立案"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "investigation" and case.number.startswith("(芙)应急立〔")


def test_a_refused_action_on_the_page_says_why(client, bureau, officer, crew, enterprises):
    case = open_case(officer, enterprises["A"], crew)
    web_login(client, "officer1")
    response = client.post(f"/enforcement/{case.pk}/actions/give_notice/", follow=True)
    assert response.status_code == 200 and "环节，不能“" in response.content.decode()


def test_the_create_form_opens_a_case_prefilled_from_a_hazard(client, bureau, officer, crew, enterprises):
    from yingji.hazards.models import Hazard
    from yingji.hazards.tests.factories import hazard_factory

    hazard = hazard_factory(actor=bureau, enterprise=enterprises["A"], description="安全出口上锁")
    Hazard.objects.filter(pk=hazard.pk).update(status="rectifying", deadline=D(2026, 11, 1))
    web_login(client, "officer1")
    form = client.get("/enforcement/new/", {"hazard": hazard.pk}).content.decode()
    assert "安全出口上锁" in form and f'name="hazard_id" value="{hazard.pk}"' in form
    response = client.post("/enforcement/new/", {
        "hazard_id": hazard.pk, "enterprise_id": enterprises["A"].pk, "source": "hazard", "facts": "安全出口上锁，逾期未整改",
        "violation_code": "hazard_not_eliminated", "act_on": "2026-11-02", "officer_ids": [u.pk for u in crew],
    })  # fmt: skip
    assert response.status_code == 302
    bad = client.post(
        "/enforcement/new/", {"enterprise_id": enterprises["A"].pk, "facts": "x", "officer_ids": [crew[0].pk]}
    )
    assert bad.status_code == 400 and "执法人员不得少于两人" in bad.content.decode()


def test_outside_cases_are_404_on_the_pages(client, officer, crew, enterprises, other_street):
    case = open_case(officer, enterprises["A"], crew)
    web_login(client, "wenyilu")
    assert client.get(f"/enforcement/{case.pk}/").status_code == 404


def test_each_step_is_a_todo_for_whoever_acts(bureau, officer, crew, enterprises):
    case = open_case(officer, enterprises["A"], crew)
    assert [i.kind for i in todo_for(bureau)] == ["case_approve"]
    assert todo_for(officer) == []  # the filing waits on the approver
    case = walk(case, officer=officer, approver=bureau, until="approve_filing", today=D(2026, 11, 2))
    items = todo_for(officer)
    assert [(i.kind, i.due) for i in items] == [("case_step", D(2027, 1, 31))]  # 90 days from filing


def test_reminders_before_the_step_falls_due_and_once_a_day(bureau, officer, crew, enterprises):
    walk(open_case(officer, enterprises["A"], crew), officer=officer, approver=bureau, until="approve_decision",
         today=D(2026, 9, 30))  # fmt: skip  # service due 10-15
    assert reminders.remind(D(2026, 10, 10)) == 0
    assert reminders.remind(D(2026, 10, 13)) == 2  # the two officers (the handler is one of them)
    assert reminders.remind(D(2026, 10, 13)) == 0
    assert Notification.objects.filter(kind="case_due").count() >= 2
    assert reminders.remind(D(2026, 10, 16)) > 0
    assert Notification.objects.filter(kind="case_overdue").exists()


def test_the_table_link_downloads_the_xlsx(client, bureau):
    web_login(client, "bureau")
    response = client.get("/enforcement/table/", {"region": "430102", "year": 2026, "period": "year"})
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxml")


def test_the_overdue_hazard_offers_filing_and_its_timeline_lists_the_case(
    client, bureau, officer, crew, enterprises, street
):
    from yingji.enforcement.services import open_case_from_hazard
    from yingji.hazards.models import Hazard
    from yingji.hazards.tests.factories import hazard_factory

    hazard = hazard_factory(actor=bureau, enterprise=enterprises["A"], description="安全出口上锁")
    Hazard.objects.filter(pk=hazard.pk).update(status="rectifying", deadline=D(2026, 1, 5))
    web_login(client, "officer1")
    page = client.get(f"/hazards/{hazard.pk}/").content.decode()
    assert f"/enforcement/new/?hazard={hazard.pk}" in page
    case = open_case_from_hazard(
        actor=officer, hazard=Hazard.objects.get(pk=hazard.pk), officer_ids=[u.pk for u in crew]
    )
    page = client.get(f"/hazards/{hazard.pk}/").content.decode()
    assert f"/enforcement/{case.pk}/" in page
    client.logout()
    assert web_login(client, "street")  # reads the hazard, may not file
    page = client.get(f"/hazards/{hazard.pk}/").content.decode()
    assert "/enforcement/new/?hazard=" not in page and f"/enforcement/{case.pk}/" in page


def test_the_approvers_are_told_and_every_action_is_audited(bureau, officer, crew, enterprises,
                                                            django_capture_on_commit_callbacks):  # fmt: skip
    from yingji.audit.models import AuditEntry

    with django_capture_on_commit_callbacks(execute=True):
        case = open_case(officer, enterprises["A"], crew)
        walk(case, officer=officer, approver=bureau, until="end_investigation")
    assert Notification.objects.filter(user=bureau, kind="case_approval").exists()  # the review waits on them
    actions = set(AuditEntry.objects.filter(object_id=str(case.pk)).values_list("action", flat=True))
    assert {"create", "case.approve_filing", "case.end_investigation", "document.issue"} <= actions


def test_a_case_from_a_failed_checklist_item_is_prefilled_with_the_finding(
    client, bureau, officer, crew, enterprises
):
    from yingji.inspections.models import ChecklistItem, InspectionResult
    from yingji.inspections.tests.factories import inspection_factory

    inspection = inspection_factory(actor=bureau, enterprise=enterprises["A"])
    item = ChecklistItem.objects.filter(legal_basis__gt="").first()
    if item is None:
        pytest.skip("no checklist loaded")
    result = InspectionResult.objects.create(
        inspection=inspection, item=item, outcome="fail", note="现场发现：" + item.text[:40]
    )
    web_login(client, "officer1")
    form = client.get(
        "/enforcement/new/", {"inspection": inspection.pk, "result": result.pk}
    ).content.decode()
    assert "现场发现：" in form and item.legal_basis in form
