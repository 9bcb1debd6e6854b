"""王小明 (ID 430102199001011234, mobile 138 1234 5678) is in nearly every register the product
keeps; 李大姐 (139 0000 1111) stands beside him in the same ones and must come through any
erasure of his data untouched."""

import datetime

import pytest
from django.utils import timezone

from yingji.accounts.choices import Role
from yingji.accounts.models import User
from yingji.accounts.tests.factories import user_factory
from yingji.complaints.services import complaint_create
from yingji.duty.models import LogEntry
from yingji.emergency import special
from yingji.enforcement.models import Case
from yingji.enterprises.tests.factories import enterprise_factory
from yingji.notifications.models import SmsMessage
from yingji.preparedness import services as preparedness
from yingji.preparedness.models import Expert
from yingji.warnings import contacts
from yingji.warnings import services as warnings

DISTRICT, DONGAN = "430102", "430102015"
ID_NUMBER, PHONE, NAME = "430102199001011234", "13812345678", "王小明"
OTHER_ID, OTHER_PHONE, OTHER_NAME = "430102196505052222", "13900001111", "李大姐"


@pytest.fixture
def duty(bureau):
    return user_factory(role=Role.DUTY, org=bureau.organisation, username="duty")


def _complaint(bureau, name, phone):
    return complaint_create(actor=bureau, values={
        "channel": "hotline_12350", "region_code": DONGAN, "content": "东岸路仓库夜间违规储存液化气瓶",
        "reporter_name": name, "reporter_phone": phone,
    })  # fmt: skip


def _special(street, name, id_number, phone, contact):
    return special.person_create(actor=street, region_code=DONGAN, name=name, category="elderly_alone",
                                 risk_area="low_lying", id_number=id_number, phone=phone, contact=contact)  # fmt: skip


@pytest.fixture
def records(bureau, street, duty):
    """Each of his records and hers, by kind; the phone typed a different way in each."""
    team = preparedness.team_create(actor=bureau, values={
        "name": "东岸街道应急抢险突击队", "level": "township", "region_code": DONGAN, "leader": NAME, "phone": PHONE,
    })  # fmt: skip
    other_team = preparedness.team_create(actor=bureau, values={
        "name": "文艺路应急分队", "level": "township", "region_code": DONGAN, "leader": OTHER_NAME,
        "phone": OTHER_PHONE,
    })  # fmt: skip
    his_contact = contacts.contact_create(actor=bureau, region_code=DONGAN, name=NAME, phone=PHONE, role="grid", slot="B")  # fmt: skip
    her_contact = contacts.contact_create(actor=bureau, region_code=DONGAN, name=OTHER_NAME, phone=OTHER_PHONE, role="flood_chief", slot="A")  # fmt: skip
    valid_to = (timezone.localtime() + datetime.timedelta(hours=12)).strftime("%Y-%m-%dT%H:%M")
    warning = warnings.issue(actor=duty, type="rainstorm", level="orange", region_codes=[DONGAN], valid_to=valid_to,
                             content="预计未来6小时东岸将出现强降雨。", source="meteorology")  # fmt: skip
    user = User.objects.get(username="street")
    user.phone = "138 1234 5678"
    user.save()
    now = timezone.now()
    return {
        "complaint": (_complaint(bureau, NAME, "138-1234-5678"), _complaint(bureau, OTHER_NAME, OTHER_PHONE)),
        "special": (
            _special(street, NAME, ID_NUMBER, PHONE, "网格员 13900001111"),
            _special(street, OTHER_NAME, OTHER_ID, OTHER_PHONE, "儿子王小明 13812345678"),
        ),
        "enterprise": (
            enterprise_factory(
                region=DONGAN,
                safety_manager=NAME,
                safety_manager_phone="+86 138 1234 5678",
                phone="0731-84123456",
                legal_representative="陈总",
            ),
            enterprise_factory(region=DONGAN, safety_manager=OTHER_NAME, safety_manager_phone=OTHER_PHONE),
        ),  # fmt: skip
        "user": (user, User.objects.get(username="bureau")),
        "contact": (his_contact, her_contact),
        "warning": warning,
        "team": (team, other_team),
        "member": (
            preparedness.member_add(actor=bureau, team=other_team, values={"name": NAME, "phone": PHONE}),
            preparedness.member_add(
                actor=bureau, team=team, values={"name": OTHER_NAME, "phone": OTHER_PHONE}
            ),
        ),
        "expert": (
            Expert.objects.create(
                name=NAME, field="flood", phone=PHONE, region_id=DISTRICT, joined_on="2024-01-01"
            ),
            Expert.objects.create(
                name=OTHER_NAME, field="flood", phone=OTHER_PHONE, region_id=DISTRICT, joined_on="2024-01-01"
            ),
        ),  # fmt: skip
        "sms": (
            SmsMessage.objects.create(phone=PHONE, text="验证码"),
            SmsMessage.objects.create(phone=OTHER_PHONE, text="验证码"),
        ),  # fmt: skip
        "log": (
            LogEntry.objects.create(
                region_id=DISTRICT,
                at=now,
                kind="received",
                counterpart=f"群众{NAME} {PHONE}",
                content="来电反映东岸路积水，回电 138 1234 5678。",
            ),
            LogEntry.objects.create(
                region_id=DISTRICT,
                at=now,
                kind="received",
                counterpart=f"群众{OTHER_NAME}",
                content=f"来电反映文艺路积水，回电 {OTHER_PHONE}。",
            ),
        ),  # fmt: skip
        "case": Case.objects.create(
            region_id=DISTRICT,
            industry="commerce_trade",
            party_kind="person",
            party_name=NAME,
            party_address="东岸路1号",
            source="inspection",
            facts="未经培训上岗作业",
            act_on="2026-03-01",
            issuer=bureau.organisation,
        ),  # fmt: skip
    }
