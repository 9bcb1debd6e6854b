"""The retention periods (docs/personal-information.md), applied on 15 June 2027 at noon: a row
one day past its period loses the person's data, a row one day short of it keeps them; a second
run finds nothing; a dry run counts and changes nothing."""

import datetime
import zoneinfo
from decimal import Decimal

import pytest

from yingji.accounts.choices import Role
from yingji.accounts.models import User
from yingji.accounts.tests.factories import user_factory
from yingji.audit.models import AuditEntry
from yingji.complaints.models import Complaint, PublicHit
from yingji.emergency import special
from yingji.emergency.models import SpecialPerson
from yingji.enterprises.models import Enterprise
from yingji.enterprises.tests.factories import enterprise_factory
from yingji.notifications.models import SmsMessage
from yingji.privacy.services import retention_purge
from yingji.privacy.tests.conftest import DONGAN, _complaint
from yingji.warnings import contacts
from yingji.warnings.models import Contact

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2027, 6, 15, 12, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Shanghai"))
DAY = datetime.timedelta(days=1)
ERASED = "（已删除）"


def local(*day):
    return datetime.datetime(*day, 12, 0, tzinfo=NOW.tzinfo)


def purge(**kwargs):
    return retention_purge(actor=None, now=NOW, **kwargs)


@pytest.fixture
def complaints(bureau):
    """Concluded 3 years and a day before, exactly 3 years before, long ago with a reward not
    yet paid, and never concluded."""
    made = {key: _complaint(bureau, "周举报", "13700000000") for key in ("past", "within", "reward", "open")}
    Complaint.objects.filter(pk=made["past"].pk).update(status="closed", closed_on=datetime.date(2024, 6, 14))
    Complaint.objects.filter(pk=made["within"].pk).update(
        status="closed", closed_on=datetime.date(2024, 6, 15)
    )
    Complaint.objects.filter(pk=made["reward"].pk).update(
        status="closed", closed_on=datetime.date(2020, 1, 10), reward_amount=Decimal(500),
        reward_decided_on=datetime.date(2020, 1, 20), verification="true",
    )  # fmt: skip
    Complaint.objects.filter(pk=made["open"].pk).update(received_on=datetime.date(2019, 5, 1))
    return made


def reporter(complaint):
    c = Complaint.objects.get(pk=complaint.pk)
    return c.reporter_name, c.reporter_phone


def test_a_reporter_is_forgotten_three_years_after_the_complaint_is_concluded(complaints):
    purge()
    assert reporter(complaints["past"]) == ("", "")
    assert reporter(complaints["within"]) == ("周举报", "13700000000")
    assert reporter(complaints["reward"]) == ("周举报", "13700000000")  # still owed a reward
    assert reporter(complaints["open"]) == ("周举报", "13700000000")


def test_the_reporter_is_forgotten_once_the_reward_is_paid(complaints):
    Complaint.objects.filter(pk=complaints["reward"].pk).update(reward_paid_on=datetime.date(2020, 2, 1))
    purge()
    assert reporter(complaints["reward"]) == ("", "")


def test_public_form_addresses_go_after_30_days(db):
    old = PublicHit.objects.create(address="10.0.0.1", at=NOW - 30 * DAY - datetime.timedelta(minutes=1))
    recent = PublicHit.objects.create(address="10.0.0.2", at=NOW - 29 * DAY)
    purge()
    assert list(PublicHit.objects.values_list("pk", flat=True)) == [recent.pk] and old.pk != recent.pk


def test_texts_go_after_180_days(db):
    old, recent = SmsMessage.objects.create(phone="13700000000", text="a"), SmsMessage.objects.create(phone="13700000001", text="b")  # fmt: skip
    SmsMessage.objects.filter(pk=old.pk).update(created_at=NOW - 181 * DAY)
    SmsMessage.objects.filter(pk=recent.pk).update(created_at=NOW - 179 * DAY)
    purge()
    assert list(SmsMessage.objects.values_list("phone", flat=True)) == ["13700000001"]


def test_a_warnings_recipients_are_forgotten_three_years_after_it_was_sent(records):
    from yingji.warnings.models import Recipient

    his, hers = (Recipient.objects.get(contact=c) for c in records["contact"])
    Recipient.objects.filter(pk=his.pk).update(sent_at=local(2024, 6, 14))
    Recipient.objects.filter(pk=hers.pk).update(sent_at=local(2024, 6, 16))
    purge()
    assert Recipient.objects.filter(pk=his.pk).values_list("name", "phone").get() == (ERASED, "")
    assert Recipient.objects.get(pk=hers.pk).phone == "13900001111"


def test_a_contact_who_left_the_register_is_forgotten_after_a_year(bureau):
    def contact(name, phone, active, changed):
        made = contacts.contact_create(actor=bureau, region_code=DONGAN, name=name, phone=phone, role="grid")
        Contact.objects.filter(pk=made.pk).update(active=active, updated_at=changed)
        return made.pk

    left_long_ago = contact("甲", "13700000001", False, local(2026, 6, 14))
    left_lately = contact("乙", "13700000002", False, local(2026, 6, 16))
    serving = contact("丙", "13700000003", True, local(2020, 1, 1))
    purge()
    names = dict(Contact.objects.values_list("pk", "name"))
    assert (names[left_long_ago], names[left_lately], names[serving]) == (ERASED, "乙", "丙")


def test_a_closed_enterprises_contact_persons_go_three_years_after_it_closed(db):
    def enterprise(status, changed):
        made = enterprise_factory(region=DONGAN, status=status, phone="0731-84000000", safety_manager="钱安全",
                                  safety_manager_phone="13700000009", legal_representative="孙法人")  # fmt: skip
        Enterprise.objects.filter(pk=made.pk).update(updated_at=changed)
        return made.pk

    closed_long_ago = enterprise("closed", local(2024, 6, 14))
    closed_lately = enterprise("closed", local(2024, 6, 16))
    operating = enterprise("operating", local(2019, 1, 1))
    purge()
    fields = ("phone", "safety_manager", "safety_manager_phone", "legal_representative")
    rows = {pk: row for pk, *row in Enterprise.objects.values_list("pk", *fields)}
    assert rows[closed_long_ago] == ["", "", "", "孙法人"]  # the registered representative is public
    assert rows[closed_lately] == rows[operating] == ["0731-84000000", "钱安全", "13700000009", "孙法人"]


def test_a_deactivated_accounts_phone_goes_two_years_after_its_last_sign_in(bureau):
    def account(name, active, last_login):
        user = user_factory(role=Role.INSPECTOR, org=bureau.organisation, username=name)
        User.objects.filter(pk=user.pk).update(phone="13700000005", is_active=active, last_login=last_login)
        return user.pk

    gone = account("gone", False, local(2025, 6, 14))
    account("gone_lately", False, local(2025, 6, 16))
    account("active", True, local(2020, 1, 1))
    purge()
    phones = dict(User.objects.values_list("username", "phone"))
    assert (phones["gone"], phones["gone_lately"], phones["active"]) == ("", "13700000005", "13700000005")
    assert User.objects.get(pk=gone).username == "gone"  # who acted stays known


def test_the_special_groups_register_is_never_purged_by_age(street):
    person = special.person_create(actor=street, region_code=DONGAN, name="王奶奶", category="elderly_alone",
                                   risk_area="low_lying", id_number="430102195001011234", phone="13700000007")  # fmt: skip
    SpecialPerson.objects.filter(pk=person.pk).update(updated_at=NOW - 4000 * DAY, registered_on="2015-01-01")
    purge()
    assert SpecialPerson.objects.get(pk=person.pk).id_number == "430102195001011234"


def test_each_rule_applied_is_audited_by_count_and_ids_without_the_data(complaints):
    last = AuditEntry.objects.order_by("-id").first().pk
    purge()
    entry = AuditEntry.objects.get(pk__gt=last)
    assert (entry.action, entry.object_type, entry.object_id) == (
        "privacy.retention", "complaints.complaint", "complaint_reporter")  # fmt: skip
    assert entry.after == {"rule": "complaint_reporter", "fields": ["reporter_name", "reporter_phone"],
                           "records": 1, "ids": [complaints["past"].pk]}  # fmt: skip
    assert "周举报" not in str(entry.after) and "13700000000" not in str(entry.after)


def test_a_second_run_finds_nothing_and_writes_nothing(complaints):
    assert purge().total == 1
    entries = AuditEntry.objects.count()
    assert purge().total == 0 and AuditEntry.objects.count() == entries


def test_a_dry_run_counts_and_changes_nothing(complaints):
    PublicHit.objects.create(address="10.0.0.1", at=NOW - 40 * DAY)
    entries = AuditEntry.objects.count()
    planned = purge(dry_run=True)
    assert dict(planned.counts) == {("complaint_reporter", "cleared"): 1, ("public_hit", "deleted"): 1}
    assert reporter(complaints["past"]) == ("周举报", "13700000000") and PublicHit.objects.count() == 1
    assert AuditEntry.objects.count() == entries
    assert purge().counts == planned.counts


def test_the_worker_applies_the_periods_every_night():
    from yingji.jobs.schedule import registered

    entry = {e.name: e for e in registered()}["privacy.purge"]
    assert entry.daily_at == datetime.time(3, 45)
