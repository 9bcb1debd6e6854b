"""Evidence you can stand on: content-checked, hashed, dated and located, never replaced."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from yingji.core.errors import ApplicationError
from yingji.hazards.evidence import evidence_attach, sniff
from yingji.hazards.tests.factories import hazard_factory
from yingji.hazards.tests.images import jpeg_bytes, png_bytes

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def upload(content: bytes, name: str = "file.jpg"):
    return SimpleUploadedFile(name, content, "application/octet-stream")


@pytest.mark.parametrize(
    ("content", "expected"),
    [(jpeg_bytes(), "image/jpeg"), (png_bytes(), "image/png"), (PDF, "application/pdf")],
)
def test_the_type_comes_from_the_content(content, expected):
    assert sniff(content)[0] == expected


@pytest.mark.parametrize(
    ("content", "name"),
    [(b"MZ\x90\x00 an executable", "photo.jpg"), (b"<html><script>", "scan.pdf"), (b"GIF89a......", "x.png")],
)
def test_anything_else_is_refused_whatever_its_name(street, enterprises, content, name):
    hazard = hazard_factory(actor=street, enterprise=enterprises["A"])
    with pytest.raises(ApplicationError) as error:
        evidence_attach(actor=street, hazard=hazard, upload=upload(content, name))
    assert "files" in error.value.errors
    assert hazard.evidence.count() == 0


def test_a_file_over_the_limit_is_refused(street, enterprises, settings):
    settings.YINGJI_MAX_UPLOAD_MB = 0
    hazard = hazard_factory(actor=street, enterprise=enterprises["A"])
    with pytest.raises(ApplicationError):
        evidence_attach(actor=street, hazard=hazard, upload=upload(jpeg_bytes()))


def test_a_photo_keeps_its_hash_capture_time_position_and_a_thumbnail(street, enterprises):
    hazard = hazard_factory(actor=street, enterprise=enterprises["A"])
    content = jpeg_bytes()
    evidence = evidence_attach(actor=street, hazard=hazard, upload=upload(content, "现场.jpg"))
    assert evidence.sha256 == hashlib.sha256(content).hexdigest()
    assert evidence.uploaded_by == street and evidence.original_name == "现场.jpg"
    assert evidence.captured_at.isoformat().startswith("2026-03-05T09:30:00")
    assert (float(evidence.latitude), float(evidence.longitude)) == (28.19, 113.035)
    assert evidence.thumbnail.name and evidence.file.read() == content


def test_a_photo_without_exif_still_counts(street, enterprises):
    hazard = hazard_factory(actor=street, enterprise=enterprises["A"])
    evidence = evidence_attach(actor=street, hazard=hazard, upload=upload(jpeg_bytes(exif=False)))
    assert evidence.captured_at is None and evidence.latitude is None


def test_a_pdf_has_no_thumbnail(street, enterprises):
    hazard = hazard_factory(actor=street, enterprise=enterprises["A"])
    evidence = evidence_attach(actor=street, hazard=hazard, upload=upload(PDF, "方案.pdf"))
    assert evidence.content_type == "application/pdf" and not evidence.thumbnail


def test_superseding_keeps_the_old_file(api, street, enterprises):
    hazard = hazard_factory(actor=street, enterprise=enterprises["A"])
    old = evidence_attach(actor=street, hazard=hazard, upload=upload(jpeg_bytes(exif=False)))
    response = api(street).post(
        f"/api/v1/hazards/{hazard.pk}/evidence/{old.pk}/supersede", {"file": upload(jpeg_bytes(), "new.jpg")}
    )
    assert response.status_code == 200, response.content
    old.refresh_from_db()
    assert old.superseded_by_id == response.json()["id"]
    assert hazard.evidence.count() == 2
    again = api(street).post(
        f"/api/v1/hazards/{hazard.pk}/evidence/{old.pk}/supersede", {"file": upload(PDF)}
    )
    assert again.status_code == 404  # a superseded file is not superseded twice
