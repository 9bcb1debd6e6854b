"""The inspection pages: the scoped list, the phone form with its checklist, the record."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory, web_login
from yingji.hazards.models import Hazard
from yingji.hazards.tests.images import jpeg_bytes
from yingji.inspections.models import Inspection
from yingji.inspections.tests.factories import TODAY, inspection_factory, item

pytestmark = pytest.mark.django_db


def logged_in(username: str) -> Client:
    client = Client()
    assert web_login(client, username)
    return client


def test_the_list_is_scoped_and_counts_person_times(street, other_street, inspector, enterprises):
    inspection_factory(actor=street, enterprise=enterprises["A"], inspectors=[street], notes="东岸")
    inspection_factory(actor=inspector, enterprise=enterprises["B"], inspectors=[inspector, street])
    inspection_factory(actor=other_street, enterprise=enterprises["C"])
    response = logged_in("street").get("/inspections/")
    page = response.content.decode()
    assert "东岸建筑工程有限公司" in page and "文艺路燃气有限公司" not in page
    assert response.context["totals"]["inspections"] == 2
    assert response.context["totals"]["person_times"] == 3


def test_a_bad_filter_value_is_ignored_not_a_500(street, enterprises):
    response = logged_in("street").get("/inspections/", {"from": "yesterday", "enterprise": "x", "type": "?"})
    assert response.status_code == 200


def test_the_form_shows_the_checklist_of_the_enterprises_industry(inspector, enterprises):
    response = logged_in("inspector").get("/inspections/new/", {"enterprise": enterprises["A"].pk})
    assert response.status_code == 200
    page = response.content.decode()
    assert response.context["template"].code == "construction"
    assert "未设置连墙件" in page  # the proposed hazard of CN-09, ready in its draft
    assert 'capture="environment"' in page and 'accept="image/*"' in page
    assert f'type="date" name="inspected_on" value="{TODAY.isoformat()}"' in page  # ISO, as date inputs need
    assert response.context["form"]["inspectors"].value() == [inspector.pk]  # the inspector by default
    other = logged_in("inspector").get(
        "/inspections/new/", {"enterprise": enterprises["A"].pk, "template": "gas"}
    )
    assert other.context["template"].code == "gas"


def test_the_form_first_finds_the_enterprise(inspector, enterprises):
    response = logged_in("inspector").get("/inspections/new/", {"search": "东岸"})
    assert {e.name for e in response.context["found"]} == {"东岸建筑工程有限公司", "东岸商贸有限公司"}
    assert "天心" not in response.content.decode()


def form_data(enterprise, **extra) -> dict:
    wall_ties, licence = item("construction", "CN-09"), item("construction", "CN-01")
    return {
        "enterprise": enterprise.pk,
        "template": "construction",
        "type": "daily",
        "inspected_on": str(TODAY),
        f"outcome-{licence.pk}": "pass",
        f"outcome-{wall_ties.pk}": "fail",
        f"note-{wall_ties.pk}": "北侧",
        f"hazard-{wall_ties.pk}-description": "3号楼外架连墙件整层缺失",
        f"hazard-{wall_ties.pk}-location": "3号楼",
        f"hazard-{wall_ties.pk}-level": "major",
        f"hazard-{wall_ties.pk}-deadline": str(TODAY + datetime.timedelta(days=30)),
        # A draft of a passed item is ignored, whatever it says.
        f"hazard-{licence.pk}-description": "不应登记",
        "extra-1-description": "生活区配电箱未上锁",
        "extra-1-level": "general",
        **extra,
    }


def test_saving_the_form_records_the_inspection_its_hazards_and_photos(inspector, street, enterprises):
    data = form_data(enterprises["A"], inspectors=[inspector.pk, street.pk])
    data["photos"] = [SimpleUploadedFile("现场.jpg", jpeg_bytes(), "image/jpeg")]
    response = logged_in("inspector").post("/inspections/new/", data)
    inspection = Inspection.objects.get()
    assert response.status_code == 302 and response.url == f"/inspections/{inspection.pk}/"
    assert inspection.inspector_count == 2 and inspection.results.count() == 2
    major, extra = inspection.hazards.order_by("pk")
    assert (major.level, major.location, major.deadline) == (
        "major",
        "3号楼",
        TODAY + datetime.timedelta(days=30),
    )
    assert extra.description == "生活区配电箱未上锁" and extra.level == "general"
    assert inspection.photos.count() == 1
    page = logged_in("inspector").get(response.url).content.decode()
    assert f'href="/hazards/{major.pk}/"' in page and f'href="/hazards/{extra.pk}/"' in page
    photo = inspection.photos.get()
    served = logged_in("street").get(f"/inspections/{inspection.pk}/photos/{photo.pk}/")
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"


def test_a_refused_form_comes_back_with_everything_entered(inspector, enterprises):
    data = form_data(enterprises["A"], inspected_on=str(TODAY + datetime.timedelta(days=2)))
    wall_ties = item("construction", "CN-09")
    data[f"hazard-{wall_ties.pk}-deadline"] = str(TODAY - datetime.timedelta(days=400))
    data["photos"] = [SimpleUploadedFile("现场.jpg", jpeg_bytes(), "image/jpeg")]
    response = logged_in("inspector").post("/inspections/new/", data)
    assert response.status_code == 200 and response.context["form"].is_bound
    page = response.content.decode()
    assert "3号楼外架连墙件整层缺失" in page and "生活区配电箱未上锁" in page and "北侧" in page
    assert f'name="outcome-{wall_ties.pk}" value="fail" checked' in page
    assert response.context["photos_lost"]
    row = next(r for r in response.context["form"].rows if r["item"] == wall_ties)
    assert row["errors"]  # the deadline, shown at its item
    assert response.context["form"].errors["inspected_on"]
    assert not Inspection.objects.exists() and not Hazard.objects.exists()


def test_a_major_criterion_downgraded_without_reason_is_shown_at_its_item(inspector, enterprises):
    wall_ties = item("construction", "CN-09")
    data = form_data(enterprises["A"], **{f"hazard-{wall_ties.pk}-level": "general"})
    response = logged_in("inspector").post("/inspections/new/", data)
    assert response.status_code == 200 and response.context["form"].is_bound
    row = next(r for r in response.context["form"].rows if r["item"] == wall_ties)
    assert "建质规〔2022〕2号" in row["errors"][0]
    assert 'data-testid="form-errors"' in response.content.decode()  # and in the summary on top


def test_an_enterprise_user_records_only_its_own_self_check(enterprise_user, enterprises):
    client = logged_in("enterprise")
    response = client.get("/inspections/new/", {"enterprise": enterprises["B"].pk})
    assert response.context["enterprise"] == enterprises["A"]  # its own, whatever is asked
    assert [value for value, _label in response.context["form"].fields["type"].choices] == ["self_check"]
    response = client.post("/inspections/new/", form_data(enterprises["A"], type="daily"))
    assert response.status_code == 200 and not Inspection.objects.exists()
    response = client.post("/inspections/new/", form_data(enterprises["A"], type="self_check"))
    assert response.status_code == 302
    assert set(Inspection.objects.get().hazards.values_list("source", flat=True)) == {"self_check"}


@pytest.mark.parametrize("role", [Role.LEADER, Role.DUTY])
def test_readers_see_the_list_but_not_the_form(bureau, enterprises, role):
    user_factory(role=role, org=bureau.organisation, username="reader")
    client = logged_in("reader")
    assert client.get("/inspections/").status_code == 200
    assert client.get("/inspections/new/", {"enterprise": enterprises["A"].pk}).status_code == 403
    assert client.post("/inspections/new/", form_data(enterprises["A"])).status_code == 403


def test_outside_records_are_404(street, other_street, enterprises):
    inspection = inspection_factory(
        actor=other_street,
        enterprise=enterprises["C"],
        photos=[SimpleUploadedFile("a.jpg", jpeg_bytes(), "image/jpeg")],
    )
    photo = inspection.photos.get()
    client = logged_in("street")
    assert client.get(f"/inspections/{inspection.pk}/").status_code == 404
    assert client.get(f"/inspections/{inspection.pk}/photos/{photo.pk}/").status_code == 404
    assert client.post(f"/inspections/{inspection.pk}/photos/").status_code == 404
    assert client.get("/inspections/new/", {"enterprise": enterprises["C"].pk}).status_code == 404
    assert client.post("/inspections/new/", form_data(enterprises["C"])).status_code == 404
    assert Inspection.objects.count() == 1


def test_photos_can_be_added_later_from_the_record(inspector, enterprises):
    inspection = inspection_factory(actor=inspector, enterprise=enterprises["A"])
    client = logged_in("inspector")
    photo = SimpleUploadedFile("later.jpg", jpeg_bytes(), "image/jpeg")
    response = client.post(f"/inspections/{inspection.pk}/photos/", {"photos": [photo]})
    assert response.status_code == 302 and inspection.photos.count() == 1
    fake = SimpleUploadedFile("fake.jpg", b"GIF89a? no", "image/jpeg")
    response = client.post(f"/inspections/{inspection.pk}/photos/", {"photos": [fake]}, follow=True)
    assert "fake.jpg" in response.content.decode() and inspection.photos.count() == 1


def test_the_checklists_page_lists_every_checklist(street):
    page = logged_in("street").get("/inspections/checklists/").content.decode()
    for name in (
        "工贸企业安全检查表",
        "危险化学品企业安全检查表",
        "建筑施工安全检查表",
        "城镇燃气安全检查表",
    ):
        assert name in page
