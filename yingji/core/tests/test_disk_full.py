"""An upload onto a full disk (issue 15, the disk-full drill in bench/load/faults.py): a 507 with
a clear message, the photo's row not written, and no half-written file left on the disk, which
Django's own FileSystemStorage leaves. The disk is the boundary faked here: Django's write stops
part-way with ENOSPC, as it does on a full filesystem."""

import errno

import pytest
from django.core.files import storage as django_storage
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from yingji.core.storage import FileSystemStorage
from yingji.hazards.tests.images import jpeg_bytes
from yingji.inspections.models import InspectionPhoto
from yingji.inspections.tests.factories import inspection_factory

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_disk(monkeypatch, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = settings.STORAGES | {"default": {"BACKEND": "yingji.core.storage.FileSystemStorage"}}

    def half_then_full(self, name, content):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        with open(self.path(name), "xb") as f:  # O_EXCL, as Django opens it
            f.write(b"\xff\xd8 part of a photo")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(django_storage.FileSystemStorage, "_save", half_then_full)
    return tmp_path


def files_in(folder):
    return [p for p in folder.rglob("*") if p.is_file()]


def test_the_storage_leaves_no_half_written_file(full_disk):
    with pytest.raises(OSError, match="No space"):
        FileSystemStorage(location=full_disk).save("photos/a.jpg", ContentFile(b"photo"))
    assert files_in(full_disk) == []


def test_it_keeps_a_file_that_was_there_before(full_disk):
    # Django would pick another name; whatever fails then, the file there before stays.
    (full_disk / "a.jpg").write_bytes(b"someone else's")
    with pytest.raises(OSError):
        FileSystemStorage(location=full_disk)._save("a.jpg", ContentFile(b"photo"))
    assert files_in(full_disk) == [full_disk / "a.jpg"]
    assert (full_disk / "a.jpg").read_bytes() == b"someone else's"


def test_a_photo_upload_onto_a_full_disk_is_a_507(api, inspector, enterprises, full_disk, settings):
    settings.LANGUAGE_CODE = "en"
    inspection = inspection_factory(actor=inspector, enterprise=enterprises["A"])
    client = api(inspector)
    client.raise_request_exception = False
    photo = SimpleUploadedFile("现场.jpg", jpeg_bytes(), "image/jpeg")
    response = client.post(f"/api/v1/inspections/{inspection.pk}/photos", {"photos": [photo]})
    assert response.status_code == 507
    assert "disk is full" in response.json()["detail"]
    assert not InspectionPhoto.objects.exists()
    assert files_in(full_disk) == []
