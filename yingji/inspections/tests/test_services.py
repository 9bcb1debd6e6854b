"""inspection_record: the visit, its results, the hazards it registers and its photos, in one
transaction; every problem a 400 under its field, and nothing written."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory
from yingji.audit.models import AuditEntry
from yingji.core.errors import ApplicationError
from yingji.hazards.models import Hazard, HazardEvent
from yingji.hazards.tests.images import jpeg_bytes, png_bytes
from yingji.inspections import selectors, services
from yingji.inspections.models import Inspection, InspectionPhoto, InspectionResult
from yingji.inspections.tests.factories import TODAY, inspection_factory, item, template

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def errors_of(call) -> dict:
    with pytest.raises(ApplicationError) as error:
        call()
    assert error.value.status == 400
    return error.value.errors


def nothing_written():
    return not (Inspection.objects.exists() or Hazard.objects.exists() or InspectionPhoto.objects.exists())


def construction_results(outcomes: dict[str, str]) -> list[dict]:
    return [
        {"item_id": item("construction", code).pk, "outcome": o, "note": ""} for code, o in outcomes.items()
    ]


def test_it_records_results_and_registers_the_hazards_they_propose(inspector, street, enterprises):
    wall_ties, ledger = item("construction", "CN-09"), item("construction", "CN-15")
    inspection = inspection_factory(
        actor=inspector,
        enterprise=enterprises["A"],
        inspectors=[inspector, street],
        template=template("construction"),
        results=construction_results(
            {"CN-01": "pass", "CN-09": "fail", "CN-15": "fail", "CN-05": "not_applicable"}
        ),
        hazards=[
            {
                "item_id": wall_ties.pk,
                "description": "3号楼外脚手架第12层连墙件整层缺失",
                "location": "3号楼",
            },
            {"item_id": ledger.pk, "description": "未建立隐患排查治理台账", "deadline": TODAY + 10 * DAY},
            {"description": "临时配电箱未上锁", "location": "生活区"},
        ],
    )
    assert inspection.results.count() == 4
    major, general, free = inspection.hazards.order_by("pk")
    assert (major.level, major.location, major.category) == ("major", "3号楼", "物的不安全状态")
    assert "建质规〔2022〕2号 第六条第（二）项" in major.note
    assert general.level == "general" and general.deadline == TODAY + 10 * DAY
    assert free.level == "general" and free.category == "" and free.description == "临时配电箱未上锁"
    for hazard in (major, general, free):
        assert hazard.source == "inspection" and hazard.found_at == inspection.inspected_on
        assert hazard.reported_by == inspector and hazard.enterprise == enterprises["A"]
        assert HazardEvent.objects.filter(
            hazard=hazard, action="register"
        ).exists()  # through hazard_register
    assert InspectionResult.objects.get(inspection=inspection, item=wall_ties).hazard == major
    assert InspectionResult.objects.get(inspection=inspection, item=ledger).hazard == general
    assert not InspectionResult.objects.filter(
        inspection=inspection, outcome="pass", hazard__isnull=False
    ).exists()


def test_it_copies_region_and_industry_and_counts_person_times(inspector, street, bureau, enterprises):
    inspection = inspection_factory(
        actor=inspector, enterprise=enterprises["B"], inspectors=[inspector.pk, street.pk]
    )
    assert (inspection.region_id, inspection.industry) == ("430102015", "commerce_trade")
    assert inspection.inspector_count == 2 and set(inspection.inspectors.all()) == {inspector, street}
    assert inspection.organisation == inspector.organisation and inspection.created_by == inspector
    alone = inspection_factory(actor=bureau, enterprise=enterprises["C"])
    assert alone.inspector_count == 1 and list(alone.inspectors.all()) == [bureau]  # the recorder by default
    totals = selectors.inspection_totals(Inspection.objects.all())
    assert (totals["inspections"], totals["person_times"], totals["enterprises"]) == (2, 3, 2)


@pytest.mark.parametrize(("kind", "source"), [("leader", "leader_check"), ("unannounced", "inspection")])
def test_the_hazard_source_follows_the_inspection_type(bureau, enterprises, kind, source):
    inspection = inspection_factory(
        actor=bureau, enterprise=enterprises["B"], type=kind, hazards=[{"description": "灭火器过期"}]
    )
    assert inspection.hazards.get().source == source


def test_an_enterprise_records_its_own_self_check(enterprise_user, enterprises):
    inspection = inspection_factory(
        actor=enterprise_user,
        enterprise=enterprises["A"],
        type="self_check",
        hazards=[{"description": "安全帽破损"}],
    )
    assert inspection.hazards.get().source == "self_check"
    assert inspection.inspectors.get() == enterprise_user


def test_an_enterprise_records_nothing_else(enterprise_user, enterprises):
    with pytest.raises(PermissionDenied):
        inspection_factory(actor=enterprise_user, enterprise=enterprises["A"], type="daily")
    errors = errors_of(
        lambda: inspection_factory(actor=enterprise_user, enterprise=enterprises["B"], type="self_check")
    )
    assert "enterprise_id" in errors
    assert nothing_written()


@pytest.mark.parametrize("role", [Role.LEADER, Role.DUTY])
def test_leaders_and_duty_officers_only_read(bureau, enterprises, role):
    reader = user_factory(role=role, org=bureau.organisation)
    with pytest.raises(PermissionDenied):
        inspection_factory(actor=reader, enterprise=enterprises["A"])
    assert nothing_written()


def test_a_leader_can_be_named_among_the_inspectors(bureau, enterprises):
    leader = user_factory(role=Role.LEADER, org=bureau.organisation)
    inspection = inspection_factory(
        actor=bureau, enterprise=enterprises["A"], type="leader", inspectors=[leader, bureau]
    )
    assert inspection.inspector_count == 2


def test_outside_enterprises_and_future_dates_are_refused(street, enterprises):
    assert "enterprise_id" in errors_of(lambda: inspection_factory(actor=street, enterprise=enterprises["C"]))
    errors = errors_of(
        lambda: inspection_factory(actor=street, enterprise=enterprises["A"], inspected_on=TODAY + DAY)
    )
    assert list(errors) == ["inspected_on"]
    assert nothing_written()


def test_inspectors_must_be_people_of_the_jurisdiction(street, other_street, enterprise_user, enterprises):
    errors = errors_of(
        lambda: inspection_factory(
            actor=street, enterprise=enterprises["A"], inspectors=[street, other_street]
        )
    )
    assert "inspector_ids" in errors
    errors = errors_of(
        lambda: inspection_factory(
            actor=street, enterprise=enterprises["A"], inspectors=[street, enterprise_user]
        )
    )
    assert str(enterprise_user) in errors["inspector_ids"][0]
    assert nothing_written()


def test_results_must_belong_to_the_chosen_checklist(inspector, enterprises):
    gas_item = item("gas", "GS-01")
    errors = errors_of(
        lambda: inspection_factory(
            actor=inspector,
            enterprise=enterprises["A"],
            template=template("construction"),
            results=[*construction_results({"CN-01": "pass"}), {"item_id": gas_item.pk, "outcome": "pass"}],
        )
    )
    assert list(errors) == ["results.1.item_id"]
    errors = errors_of(
        lambda: inspection_factory(
            actor=inspector, enterprise=enterprises["A"], results=construction_results({"CN-01": "pass"})
        )
    )
    assert list(errors) == ["template"]
    errors = errors_of(
        lambda: inspection_factory(
            actor=inspector,
            enterprise=enterprises["A"],
            template=template("construction"),
            results=construction_results({"CN-01": "maybe"}) + construction_results({"CN-01": "pass"}),
        )
    )
    assert set(errors) == {"results.0.outcome", "results.1.item_id"}
    assert nothing_written()


def test_every_problem_is_reported_at_once_under_its_field(inspector, enterprises):
    errors = errors_of(
        lambda: inspection_factory(
            actor=inspector,
            enterprise=enterprises["A"],
            inspected_on=TODAY + DAY,
            template=template("construction"),
            results=construction_results({"CN-01": "pass", "CN-15": "fail"}),
            hazards=[
                {"item_id": item("construction", "CN-01").pk, "description": "合格项不应产生隐患"},
                {"item_id": item("construction", "CN-15").pk, "description": " "},
                {"description": "期限早于检查日期", "deadline": TODAY - 10 * DAY},
                {"description": "等级不对", "level": "huge"},
            ],
            photos=[SimpleUploadedFile("site.jpg", b"not really a jpeg", "image/jpeg")],
        )
    )
    assert set(errors) == {
        "inspected_on",
        "hazards.0.item_id",
        "hazards.1.description",
        "hazards.2.deadline",
        "hazards.3.level",
        "photos",
    }
    assert nothing_written() and not AuditEntry.objects.exists()


def test_a_major_criterion_registered_as_general_needs_a_reason(inspector, enterprises):
    wall_ties = item("construction", "CN-09")
    results = construction_results({"CN-09": "fail"})
    draft = {"item_id": wall_ties.pk, "description": "连墙件缺失一处", "level": "general"}
    kwargs = {"actor": inspector, "enterprise": enterprises["A"], "template": template("construction")}
    errors = errors_of(lambda: inspection_factory(results=results, hazards=[draft], **kwargs))
    assert list(errors) == ["hazards.0.downgrade_reason"]
    assert "建质规〔2022〕2号 第六条第（二）项" in errors["hazards.0.downgrade_reason"][0]
    inspection = inspection_factory(
        results=results, hazards=[draft | {"downgrade_reason": "仅缺失一处，已当场补设"}], **kwargs
    )
    hazard = inspection.hazards.get()
    assert hazard.level == "general" and "仅缺失一处，已当场补设" in hazard.note


def test_a_hazard_registration_problem_names_its_draft(inspector, enterprises):
    errors = errors_of(
        lambda: inspection_factory(
            actor=inspector,
            enterprise=enterprises["A"],
            hazards=[{"description": "部位太长", "location": "长" * 300}],
        )
    )
    assert list(errors) == ["hazards.0.location"]
    assert nothing_written()


def test_the_inspection_is_audited_with_its_results(inspector, enterprises):
    inspection = inspection_factory(
        actor=inspector,
        enterprise=enterprises["A"],
        template=template("construction"),
        results=construction_results({"CN-01": "pass"}),
        hazards=[{"description": "临边防护缺失"}],
    )
    entry = AuditEntry.objects.get(object_type="inspections.inspection", object_id=str(inspection.pk))
    assert entry.action == "create" and entry.region_code == "430102015"
    assert entry.after["results"] == {str(item("construction", "CN-01").pk): "pass"}
    assert entry.after["hazard_ids"] == [inspection.hazards.get().pk]


def test_photos_are_judged_by_content_not_name(inspector, enterprises):
    inspection = inspection_factory(
        actor=inspector,
        enterprise=enterprises["A"],
        photos=[SimpleUploadedFile("现场.png", png_bytes(), "image/png")],
    )
    assert inspection.photos.get().content_type == "image/png"
    for name, content in (("fake.jpg", b"MZ\x90\x00 a program"), ("doc.jpg", b"%PDF-1.7 a document")):
        upload = SimpleUploadedFile(name, content, "image/jpeg")
        with pytest.raises(ApplicationError) as error:
            services.inspection_add_photos(actor=inspector, inspection=inspection, photos=[upload])
        assert name in error.value.errors["photos"][0]
    assert inspection.photos.count() == 1


def test_the_same_photo_twice_is_kept_once_and_audited(inspector, enterprises):
    inspection = inspection_factory(actor=inspector, enterprise=enterprises["A"])
    photo = jpeg_bytes()
    first = services.inspection_add_photos(
        actor=inspector, inspection=inspection, photos=[SimpleUploadedFile("a.jpg", photo, "image/jpeg")]
    )
    again = services.inspection_add_photos(
        actor=inspector, inspection=inspection, photos=[SimpleUploadedFile("b.jpg", photo, "image/jpeg")]
    )
    assert first == again and inspection.photos.count() == 1
    assert first[0].uploaded_by == inspector and len(first[0].sha256) == 64
    assert AuditEntry.objects.filter(object_type="inspections.inspectionphoto").count() == 1


def test_photos_of_a_supervisory_inspection_are_not_the_enterprises_to_add(
    inspector, enterprise_user, enterprises
):
    inspection = inspection_factory(actor=inspector, enterprise=enterprises["A"])
    with pytest.raises(PermissionDenied):
        services.inspection_add_photos(
            actor=enterprise_user,
            inspection=inspection,
            photos=[SimpleUploadedFile("a.jpg", jpeg_bytes(), "image/jpeg")],
        )
