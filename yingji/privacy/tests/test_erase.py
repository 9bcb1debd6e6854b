"""Erasure on request (PIPL art. 47): given his ID number or phone, every record of 王小明 is
found; what nobody must keep is deleted, what the bureau keeps loses his name and number, the
case file the law requires stays as it is; the audit log says what was done, not what he was."""

import json

import pytest
from django.db import connection

from yingji.accounts.models import User
from yingji.audit.models import AuditEntry
from yingji.complaints.models import Complaint
from yingji.core.errors import ApplicationError
from yingji.duty.models import LogEntry
from yingji.emergency.models import SpecialPerson
from yingji.enforcement.models import Case
from yingji.enterprises.models import Enterprise
from yingji.notifications.models import SmsMessage
from yingji.preparedness.models import Expert, Team, TeamMember
from yingji.privacy.identifiers import person_of
from yingji.privacy.services import personal_data_erase
from yingji.privacy.tests.conftest import ID_NUMBER, NAME, OTHER_ID, OTHER_NAME, OTHER_PHONE, PHONE
from yingji.warnings.models import Contact, Recipient

pytestmark = pytest.mark.django_db
ERASED = "（已删除）"


def erase(**identifiers):
    return personal_data_erase(actor=None, person=person_of(**identifiers), reference="2027-001")


def fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


def test_his_data_is_found_and_erased_everywhere_it_lives(records):
    erase(id_number=ID_NUMBER, phone=PHONE)

    his, hers = records["complaint"]
    assert (fresh(his).reporter_name, fresh(his).reporter_phone) == ("", "")
    assert not SpecialPerson.objects.filter(pk=records["special"][0].pk).exists()
    assert fresh(records["special"][1]).contact == f"儿子王小明 {ERASED}"  # her contact was his number
    enterprise = fresh(records["enterprise"][0])
    assert (enterprise.safety_manager, enterprise.safety_manager_phone) == ("", "")
    assert (enterprise.phone, enterprise.legal_representative) == ("0731-84123456", "陈总")  # not his
    assert fresh(records["user"][0]).phone == ""
    contact = fresh(records["contact"][0])
    assert (contact.name, contact.phone, contact.active) == (ERASED, "", False)
    assert not Recipient.objects.filter(phone__contains="5678").exists()
    assert (fresh(records["team"][0]).leader, fresh(records["team"][0]).phone) == ("", "")
    assert not TeamMember.objects.filter(pk=records["member"][0].pk).exists()
    assert not Expert.objects.filter(pk=records["expert"][0].pk).exists()
    assert not SmsMessage.objects.filter(phone=PHONE).exists()
    log = fresh(records["log"][0])
    assert (log.counterpart, log.content) == (f"群众{NAME} {ERASED}", f"来电反映东岸路积水，回电 {ERASED}。")


def test_the_phone_alone_finds_him_however_it_was_typed(records):
    outcome = erase(phone="+86 138-1234-5678")
    assert fresh(records["complaint"][0]).reporter_phone == ""  # typed 138-1234-5678
    assert fresh(records["user"][0]).phone == ""  # typed 138 1234 5678
    assert fresh(records["enterprise"][0]).safety_manager_phone == ""  # typed +86 138 1234 5678
    assert outcome.counts[("emergency.specialperson", "deleted")] == 1


def test_the_id_number_alone_finds_his_special_group_entry(records):
    erase(id_number=ID_NUMBER.lower())  # a lower-case x would be the same number
    assert not SpecialPerson.objects.filter(pk=records["special"][0].pk).exists()
    assert fresh(records["complaint"][0]).reporter_phone == "138-1234-5678"  # a complaint holds no ID number


def test_the_records_the_bureau_keeps_remain(records):
    erase(id_number=ID_NUMBER, phone=PHONE, name=NAME)

    complaint = fresh(records["complaint"][0])
    assert complaint.content == "东岸路仓库夜间违规储存液化气瓶" and complaint.receipt
    told = Recipient.objects.filter(warning_id=records["warning"].pk, contact=records["contact"][0])
    assert told.count() == 1 and told.get().name == ERASED and told.get().sent_at
    case = fresh(records["case"])
    assert (case.party_name, case.party_address, case.facts) == (NAME, "东岸路1号", "未经培训上岗作业")
    assert LogEntry.objects.filter(pk=records["log"][0].pk).exists()


def test_a_case_file_is_reported_as_kept_by_law(records):
    outcome = erase(phone=PHONE, name=NAME)
    assert outcome.counts[("enforcement.case", "kept by law")] == 1
    assert AuditEntry.objects.get(action="privacy.keep").object_id == str(records["case"].pk)


def test_the_encrypted_columns_hold_nothing_afterwards(records):
    erase(phone=PHONE)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reporter_name, reporter_phone FROM complaints_complaint WHERE id = %s",
            [records["complaint"][0].pk],
        )
        assert cursor.fetchone() == ("", "")  # no token of an empty text left behind


def test_the_audit_log_says_what_was_done_without_his_data(records):
    last = AuditEntry.objects.order_by("-id").first().pk
    erase(id_number=ID_NUMBER, phone=PHONE, name=NAME)

    written = AuditEntry.objects.filter(pk__gt=last)
    text = json.dumps([[e.object_repr, e.object_id, e.before, e.after] for e in written], ensure_ascii=False)
    for personal in (NAME, ID_NUMBER, PHONE, "1234 5678", "1234-5678", "5678"):
        assert personal not in text
    complaint = written.get(object_type="complaints.complaint")
    assert complaint.action == "privacy.clear" and complaint.actor_username == "system"
    assert complaint.after == {"erased": ["reporter_name", "reporter_phone"], "basis": "PIPL art. 47",
                               "request": "2027-001"}  # fmt: skip
    assert complaint.region_code == "430102015"
    special = written.get(object_type="emergency.specialperson", action="privacy.delete")
    assert special.after["erased"] == "record deleted"
    request = written.get(action="privacy.erasure_request")
    assert request.object_id == "2027-001" and request.after["by"] == ["id_number", "phone", "name"]


def test_she_is_untouched(records):
    erase(id_number=ID_NUMBER, phone=PHONE, name=NAME)

    assert fresh(records["complaint"][1]).reporter_phone == OTHER_PHONE
    assert fresh(records["special"][1]).id_number == OTHER_ID
    assert fresh(records["enterprise"][1]).safety_manager_phone == OTHER_PHONE
    assert fresh(records["user"][1]).pk
    assert (fresh(records["contact"][1]).name, fresh(records["contact"][1]).active) == (OTHER_NAME, True)
    assert Recipient.objects.filter(phone=OTHER_PHONE).exists()
    assert fresh(records["team"][1]).phone == OTHER_PHONE
    assert TeamMember.objects.filter(pk=records["member"][1].pk).exists()
    assert Expert.objects.filter(pk=records["expert"][1].pk).exists()
    assert SmsMessage.objects.filter(phone=OTHER_PHONE).exists()
    assert fresh(records["log"][1]).content == f"来电反映文艺路积水，回电 {OTHER_PHONE}。"


def test_a_number_inside_a_longer_number_is_not_his(records):
    LogEntry.objects.filter(pk=records["log"][1].pk).update(content=f"工单号 9{PHONE}0")
    erase(phone=PHONE)
    assert fresh(records["log"][1]).content == f"工单号 9{PHONE}0"


def test_a_dry_run_counts_and_changes_nothing(records):
    entries = AuditEntry.objects.count()
    tables = _snapshot()

    planned = personal_data_erase(actor=None, person=person_of(phone=PHONE, name=NAME), dry_run=True)

    assert _snapshot() == tables and AuditEntry.objects.count() == entries
    done = erase(phone=PHONE, name=NAME)
    assert planned.counts == done.counts and planned.total > 0


def test_erasing_again_finds_nothing_left(records):
    erase(id_number=ID_NUMBER, phone=PHONE)
    again = erase(id_number=ID_NUMBER, phone=PHONE)
    assert again.total == 0


def test_only_an_administrator_erases(records, bureau, admin):
    with pytest.raises(ApplicationError) as refused:
        personal_data_erase(actor=bureau, person=person_of(phone=PHONE))
    assert refused.value.status == 403 and fresh(records["user"][0]).phone
    personal_data_erase(actor=admin, person=person_of(phone=PHONE))
    assert AuditEntry.objects.filter(action="privacy.clear", actor_username="admin").exists()


@pytest.mark.parametrize(
    ("identifiers", "field"),
    [({}, "non_field_errors"), ({"name": NAME}, "non_field_errors"), ({"id_number": "43010219900101"}, "id_number"),
     ({"phone": "123"}, "phone")],
)  # fmt: skip
def test_a_request_must_name_the_person_by_a_number(identifiers, field):
    with pytest.raises(ApplicationError) as refused:
        person_of(**identifiers)
    assert field in refused.value.errors


def _snapshot():
    models = (Complaint, SpecialPerson, Enterprise, User, Contact, Recipient, Team, TeamMember, Expert,
              SmsMessage, LogEntry, Case)  # fmt: skip
    return {m: sorted(map(str, m.objects.values_list())) for m in models}
