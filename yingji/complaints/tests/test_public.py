"""The public side without a login: filing (201 with a receipt), the lookup (status and result
only), the rate limit per client address (429 with Retry-After), the web form with its
CAPTCHA drawn here, checked uploads, the receipt and lookup pages."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from PIL import Image

from yingji.complaints import services
from yingji.complaints.models import Captcha, Complaint
from yingji.complaints.tests.conftest import act

pytestmark = pytest.mark.django_db
URL = "/api/v1/public/complaints"
BODY = {"content": "某仓库夜间违规储存烟花爆竹", "region_code": "430102015", "place": "东岸路8号",
        "enterprise_name": "东岸商贸有限公司", "reporter_name": "陈某", "reporter_phone": "13512345678",
        "anonymous": False}  # fmt: skip


def _file(client=None, address="10.0.0.1", **changes):
    client = client or Client(REMOTE_ADDR=address)
    return client.post(URL, BODY | changes, content_type="application/json", REMOTE_ADDR=address)


def test_filing_answers_a_hard_to_guess_receipt(enterprises, bureau, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        answer = _file()
    assert answer.status_code == 201, answer.content
    receipt = answer.json()["receipt"]
    assert answer.json() == {"receipt": receipt}
    assert len(receipt) == 12 and set(receipt) <= set(services.RECEIPT_ALPHABET)
    complaint = Complaint.objects.get(receipt=receipt)
    assert (complaint.channel, complaint.status, complaint.created_by) == ("web", "received", None)
    assert complaint.enterprise == enterprises["B"]  # named exactly: matched
    assert complaint.reporter_phone == "13512345678"
    from yingji.notifications.models import Notification

    assert Notification.objects.filter(user=bureau, kind="complaint_received").exists()


def test_the_lookup_answers_status_and_result_only(bureau, street):
    receipt = _file().json()["receipt"]
    answer = Client().get(f"{URL}/{receipt.lower()}")
    assert answer.status_code == 200
    assert answer.json() == {"receipt": receipt, "received_on": answer.json()["received_on"],
                             "status": "received", "status_label": "待交办", "result": None}  # fmt: skip
    complaint = Complaint.objects.get(receipt=receipt)
    act(
        bureau,
        complaint,
        "assign",
        unit_id=street.organisation_id,
        deadline=timezone.localdate() + datetime.timedelta(days=5),
    )
    act(street, complaint, "verify", verification="true", result="经核查属实，已责令停业整改")
    assert Client().get(f"{URL}/{receipt}").json()["result"] is None  # not until closed
    act(bureau, complaint, "close")
    assert Client().get(f"{URL}/{receipt}").json()["result"] == "经核查属实，已责令停业整改"
    assert Client().get(f"{URL}/AAAAAAAAAAAA").status_code == 404
    assert Client().get(f"{URL}/short").status_code == 404


def test_anonymous_and_required_contact():
    answer = _file(anonymous=True)
    complaint = Complaint.objects.get(receipt=answer.json()["receipt"])
    assert complaint.anonymous and complaint.reporter_name == complaint.reporter_phone == ""
    assert _file(reporter_phone="").status_code == 400
    assert _file(region_code="999999").status_code == 400
    assert _file(region_code="43").status_code == 400  # a province is not a place
    assert _file(content="").status_code == 400


def test_five_an_hour_per_address_then_429_with_retry_after():
    for _i in range(services.PUBLIC_LIMIT):
        assert _file(address="10.0.0.9").status_code == 201
    refused = _file(address="10.0.0.9")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 3600
    assert refused.json()["detail"]
    assert _file(address="10.0.0.10").status_code == 201  # another address is not held back
    assert Complaint.objects.count() == services.PUBLIC_LIMIT + 1


def _form(client, **changes):
    page = client.get("/complaints/report/")
    assert page.status_code == 200
    key = page.context["challenge"].key
    answer = Captcha.objects.get(key=key).answer  # the server-side store: never in the page
    assert answer not in page.content.decode()
    data = {k: v for k, v in BODY.items() if k != "anonymous"} | {
        "captcha_key": key,
        "captcha": answer.lower(),
    }
    return client.post("/complaints/report/", data | changes, REMOTE_ADDR="10.1.1.1")


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (20, 20), (200, 0, 0)).save(out, "PNG")
    return out.getvalue()


def test_the_web_form_files_with_the_captcha_and_shows_the_receipt():
    client = Client()
    photo = SimpleUploadedFile("现场.png", _png(), content_type="image/png")
    answer = _form(client, files=[photo])
    assert answer.status_code == 302 and answer["Location"] == "/complaints/report/receipt/"
    complaint = Complaint.objects.get()
    assert complaint.attachments.get().content_type == "image/png"
    page = client.get("/complaints/report/receipt/")
    assert complaint.receipt in page.content.decode()


def test_a_wrong_or_reused_captcha_files_nothing():
    client = Client()
    assert _form(client, captcha="nope").status_code == 400
    page = client.get("/complaints/report/")
    key = page.context["challenge"].key
    answer = Captcha.objects.get(key=key).answer
    data = {k: v for k, v in BODY.items() if k != "anonymous"} | {"captcha_key": key, "captcha": answer}
    assert client.post("/complaints/report/", data).status_code == 302
    assert client.post("/complaints/report/", data).status_code == 400  # used once
    assert Complaint.objects.count() == 1


def test_uploads_are_checked_by_content():
    fake = SimpleUploadedFile("photo.jpg", b"MZ\x90\x00 not an image", content_type="image/jpeg")
    answer = _form(Client(), files=[fake])
    assert answer.status_code == 400 and Complaint.objects.count() == 0
    assert "files" in answer.context["errors"]


def test_the_captcha_picture_and_the_lookup_page(bureau):
    client = Client()
    key = client.get("/complaints/report/").context["challenge"].key
    picture = client.get(f"/complaints/captcha/{key}/")
    assert picture.status_code == 200 and picture["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(picture.content)).size == (180, 60)
    assert client.get("/complaints/captcha/nothing/").status_code == 404
    receipt = _file().json()["receipt"]
    page = client.get("/complaints/lookup/", {"receipt": receipt})
    assert page.status_code == 200 and "待交办" in page.content.decode()
    assert client.get("/complaints/lookup/", {"receipt": "ZZZZZZZZZZZZ"}).status_code == 404


def test_the_form_is_rate_limited_too():
    for _i in range(services.PUBLIC_LIMIT):
        _file(address="10.1.1.1")
    answer = _form(Client())
    assert answer.status_code == 429 and answer["Retry-After"]
