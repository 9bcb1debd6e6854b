"""The records the permission matrix calls its endpoints on, one maker per kind of record.

Each maker builds one record on a side and returns the path parameters that name it:
  "in"  — inside 芙蓉区, in 东岸街道 where the record has a street (enterprise A: construction);
  "out" — across the border in 天心区 (enterprise D), made by the outsider bureau.
`pk` is the record's id, `sub` a second id under it (a penalty of a case, a photo of an
inspection). The records are made through the services, as a user would, with the factories
of each app's tests where there are some.
"""

import datetime
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from yingji.accidents.tests.factories import accident_factory
from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory
from yingji.hazards.tests.factories import hazard_factory
from yingji.inspections.tests.factories import inspection_factory

DISTRICT, DONGAN, TIANXIN, TIANXIN_STREET = "430102", "430102015", "430103", "430103002"
TZ = datetime.timezone(datetime.timedelta(hours=8))


def side_of(p: SimpleNamespace, side: str) -> SimpleNamespace:
    """Who makes the record, where, and about which enterprise."""
    if side == "in":
        return SimpleNamespace(
            bureau=p.bureau, street=p.street, county=DISTRICT, region=DONGAN, enterprise=p.enterprises["A"]
        )
    if not hasattr(p, "outsider_street"):
        p.outsider_street = user_factory(
            role=Role.STREET, username="tianxin-street", region=TIANXIN_STREET, name="天心区街道"
        )
    return SimpleNamespace(
        bureau=p.outsider,
        street=p.outsider_street,
        county=TIANXIN,
        region=TIANXIN_STREET,
        enterprise=p.enterprises["D"],
    )


def _jpeg(name: str) -> SimpleUploadedFile:
    from yingji.hazards.tests.images import jpeg_bytes

    return SimpleUploadedFile(name, jpeg_bytes(), content_type="image/jpeg")


def user(p, side):
    return {"pk": (p.inspector if side == "in" else p.outsider).pk}


def token(p, side):
    from yingji.accounts.models import ApiToken

    owner = p.bureau if side == "in" else p.outsider
    p.token_for(owner)
    return {"pk": ApiToken.objects.filter(user=owner).latest("pk").pk}


def enterprise(p, side):
    return {"pk": side_of(p, side).enterprise.pk}


def inspection(p, side):
    s = side_of(p, side)
    return {"pk": inspection_factory(actor=s.bureau, enterprise=s.enterprise).pk}


def inspection_photo(p, side):
    from yingji.inspections import services

    s = side_of(p, side)
    made = inspection_factory(actor=s.bureau, enterprise=s.enterprise)
    services.inspection_add_photos(actor=s.bureau, inspection=made, photos=[_jpeg("site.jpg")])
    return {"pk": made.pk, "sub": made.photos.get().pk}


def draw(p, side):
    from yingji.inspections import planning_services

    s = side_of(p, side)
    made = planning_services.random_draw(actor=s.bureau, region=s.region, enterprises=1, officers=0, seed=7)
    return {"pk": made.pk}


def enforcement_plan(p, side):
    from yingji.inspections import planning_services

    s = side_of(p, side)
    return {"pk": planning_services.plan_create(actor=s.bureau, year=2026, rows=[]).pk}


def hazard(p, side):
    s = side_of(p, side)
    return {"pk": hazard_factory(actor=s.bureau, enterprise=s.enterprise).pk}


def hazard_evidence(p, side):
    from yingji.hazards import services
    from yingji.hazards.tests.factories import assigned

    s = side_of(p, side)
    made = assigned(hazard_factory(actor=s.bureau, enterprise=s.enterprise), s.bureau)
    services.hazard_act(actor=s.bureau, hazard=made, action="submit", data={}, files=[_jpeg("after.jpg")])
    return {"pk": made.pk, "sub": made.evidence.get().pk}


def accident(p, side):
    s = side_of(p, side)
    return {"pk": accident_factory(actor=s.bureau, region_code=s.region).pk}


def accident_measure(p, side):
    from yingji.accidents import services

    s = side_of(p, side)
    made = accident_factory(actor=s.bureau, region_code=s.region)
    measure = services.accident_add_measure(actor=s.bureau, accident=made, description="整改")
    return {"pk": made.pk, "sub": measure.pk}


def case(p, side):
    from yingji.enforcement.tests.factories import open_case

    s = side_of(p, side)
    crew = _officers(s.bureau)
    return {"pk": open_case(crew[0], s.enterprise, crew).pk}


def _officers(bureau) -> list:
    found = []
    for n in (1, 2):
        officer = user_factory(role=Role.INSPECTOR, org=bureau.organisation)
        officer.enforcement_cert_no = f"{bureau.organisation.region_id}{n:04d}{officer.pk}"
        officer.save()
        found.append(officer)
    return found


def warning(p, side):
    from yingji.warnings import services

    s = side_of(p, side)
    made = services.issue(
        actor=s.bureau,
        type="rainstorm",
        level="blue",
        region_codes=[s.region],
        valid_from=timezone.now(),
        valid_to=timezone.now() + datetime.timedelta(hours=12),
        content="强降雨",
        source="meteorology",
    )
    return {"pk": made.pk}


def contact(p, side):
    from yingji.warnings import contacts

    s = side_of(p, side)
    made = contacts.contact_create(
        actor=s.bureau, region_code=s.region, name="王主任", phone="13900000000", role="leader"
    )
    return {"pk": made.pk}


def event(p, side):
    from yingji.emergency import services

    s = side_of(p, side)
    made = services.event_create(
        actor=s.bureau,
        type="flood",
        title="内涝",
        place="路口",
        region_code=s.region,
        occurred_at=timezone.now() - datetime.timedelta(hours=2),
    )
    return {"pk": made.pk}


def response(p, side):
    from yingji.emergency import responses

    s = side_of(p, side)
    return {"pk": responses.response_start(actor=s.bureau, type="flood", level="IV", region_code=s.county).pk}


def evacuation(p, side):
    from yingji.emergency import services

    s = side_of(p, side)
    made = services.evacuation_create(
        actor=s.bureau, region_code=s.region, date=timezone.localdate(), people=5
    )
    return {"pk": made.pk}


def special_person(p, side):
    from yingji.emergency import special

    s = side_of(p, side)
    made = special.person_create(
        actor=s.bureau,
        region_code=s.region,
        name="王奶奶",
        category="sick",
        risk_area="low_lying",
        id_number="430102195001011234",
    )
    return {"pk": made.pk}


def shift(p, side):
    from yingji.duty import services

    s = side_of(p, side)
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=1)
    made = services.shift_create(
        actor=s.bureau,
        region_code=s.county,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=12),
        leader=s.bureau.username,
        officers=[user_factory(role=Role.DUTY, org=s.bureau.organisation).username],
    )
    return {"pk": made.pk}


def log_entry(p, side):
    from yingji.duty import services

    s = side_of(p, side)
    return {"pk": services.log_add(actor=s.bureau, kind="received", content="接报", open=True).pk}


def team(p, side):
    from yingji.preparedness.tests.factories import team as make

    s = side_of(p, side)
    return {"pk": make(s.bureau, region=s.region).pk}


def expert(p, side):
    from yingji.preparedness import services

    s = side_of(p, side)
    values = {"name": "甲", "field": "flood", "phone": "13800001111", "region_code": s.county}
    return {"pk": services.expert_create(actor=s.bureau, values=values | {"joined_on": "2025-01-01"}).pk}


def plan(p, side):
    from yingji.preparedness.tests.factories import plan as make

    s = side_of(p, side)
    return {"pk": make(s.bureau, region=s.county).pk}


def plan_with_file(p, side):
    from yingji.preparedness import services

    s = side_of(p, side)
    made = plan(p, side)
    record = services.Plan.objects.get(pk=made["pk"])
    services.plan_attach(actor=s.bureau, plan=record, upload=SimpleUploadedFile("plan.pdf", b"%PDF-1.4 x"))
    return made


def drill(p, side):
    from yingji.preparedness.tests.factories import drill as make

    s = side_of(p, side)
    return {"pk": make(s.bureau, region=s.county).pk}


def warehouse(p, side):
    from yingji.supplies import services

    s = side_of(p, side)
    values = {"name": "储备点", "region_code": s.region, "address": "路8号", "established_on": "2025-05-01"}
    return {"pk": services.warehouse_create(actor=s.bureau, values=values).pk}


def supply_item(p, side):
    from yingji.supplies.models import SupplyItem

    return {"pk": SupplyItem.objects.order_by("pk").first().pk}


def training_event(p, side):
    from yingji.training import services

    s = side_of(p, side)
    values = {"kind": "training", "title": "培训", "held_on": "2026-03-05", "sessions": 1, "participants": 9}
    return {"pk": services.event_create(actor=s.bureau, values=values | {"region_code": s.county}).pk}


def exam(p, side):
    from yingji.training import services

    s = side_of(p, side)
    values = {"held_on": "2026-04-01", "operation": "welding", "candidates": 4, "passed": 3}
    return {"pk": services.exam_create(actor=s.bureau, values=values | {"region_code": s.county}).pk}


def community(p, side):
    from yingji.training import services

    s = side_of(p, side)
    values = {"name": "社区", "region_code": s.region, "started_on": "2023-01-01"}
    return {"pk": services.community_create(actor=s.street, values=values).pk}


def complaint(p, side):
    from yingji.complaints import services

    s = side_of(p, side)
    values = {
        "channel": "hotline_12350",
        "region_code": s.region,
        "content": "车间内违规存放油漆桶",
        "reporter_name": "张三",
        "reporter_phone": "13800000000",
    }
    return {"pk": services.complaint_create(actor=s.bureau, values=values).pk}


def campaign(p, side):
    from yingji.campaigns import services

    s = side_of(p, side)
    starts = datetime.date(2026, 11, 2)
    made = services.campaign_create(
        actor=s.bureau,
        name="专项整治",
        region_code=s.county,
        starts_on=starts,
        ends_on=starts + datetime.timedelta(days=27),
        cycle="weekly",
        participant_ids=[s.street.organisation_id],
        fields=[{"key": "work", "label": "其他工作", "kind": "text"}],
    )
    return {"pk": made.pk, "start": "2026-11-02", "period": "2026-11-02"}


def task(p, side):
    from yingji.tasks import services

    s = side_of(p, side)
    made = services.task_create(
        actor=s.bureau, organisation=s.street.organisation_id, title="检查", due_on="2026-12-31"
    )
    return {"pk": made.pk}


def meeting(p, side):
    from yingji.meetings import services

    s = side_of(p, side)
    made = services.meeting_create(
        actor=s.bureau,
        region_code=s.county,
        kind="dispatch",
        title="调度会",
        held_on="2026-06-01",
        chair="副区长",
    )
    return {"pk": made.pk}


def scheme(p, side):
    from yingji.assessments import services

    s = side_of(p, side)
    made = services.scheme_create(
        actor=s.bureau,
        region_code=s.county,
        year=2026,
        name="考核",
        unit_ids=[s.street.organisation_id],
        items=[{"label": "工作落实", "points": "30"}],
    )
    return {"pk": made.pk}


def notice(p, side):
    from yingji.notices import services

    s = side_of(p, side)
    made = services.issue(
        actor=s.bureau, region_code=s.county, kind="other", title="通报", paragraphs=["正文"]
    )
    return {"pk": made.pk}


def notification(p, side):
    from yingji.notifications.models import Notification

    owner = p.bureau if side == "in" else p.outsider
    return {"pk": Notification.objects.create(user=owner, kind="test", title="消息").pk}


def job(p, side):
    from yingji.jobs.models import Job

    owner = p.bureau if side == "in" else p.outsider
    return {"pk": Job.objects.create(user=owner, kind="export", func="x").pk}


def draft(p, side):
    from yingji.reports import drafts

    s = side_of(p, side)
    return {"pk": drafts.draft_create(actor=s.bureau, region=s.county, year=2026, period="year").pk}


def region(p, side):
    return {"code": DONGAN if side == "in" else TIANXIN_STREET}


def county(p, side):
    return {"code": DISTRICT if side == "in" else TIANXIN}


def case_penalty(p, side):
    from yingji.enforcement.tests.factories import open_case, walk

    s = side_of(p, side)
    crew = _officers(s.bureau)
    filed = walk(
        open_case(crew[0], s.enterprise, crew), officer=crew[0], approver=s.bureau, until="approve_filing"
    )
    return {"pk": filed.pk, "sub": filed.penalties.get().pk}
