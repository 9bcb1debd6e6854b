import pytest

from yingji.accounts.tests.factories import web_login
from yingji.hazards.tests.factories import hazard_factory
from yingji.notifications.views import unread_count

pytestmark = pytest.mark.django_db


def test_the_bureau_sees_and_reads_its_notifications(
    client, street, bureau, enterprises, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        hazard = hazard_factory(actor=street, enterprise=enterprises["A"], level="major")
    assert unread_count(bureau) == 1 and unread_count(street) == 0
    web_login(client, "bureau")
    page = client.get("/notifications/").content.decode()
    assert f"/hazards/{hazard.pk}/" in page and "东岸建筑工程有限公司" in page
    client.post("/notifications/read/")
    assert unread_count(bureau) == 0
