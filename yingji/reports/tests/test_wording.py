import pytest

from yingji.accounts.tests.factories import web_login
from yingji.audit.models import AuditEntry
from yingji.reports.models import NarrativeText
from yingji.reports.narrative import DEFAULTS

pytestmark = pytest.mark.django_db


def test_the_bureau_rewords_a_part_and_restores_it(client, bureau):
    web_login(client, "bureau")
    form = dict(DEFAULTS) | {"plan": "一是{{ region_word }}继续努力。"}
    assert client.post("/reports/wording/", form).status_code == 302
    assert NarrativeText.objects.get(key="plan").text == "一是{{ region_word }}继续努力。"
    client.post("/reports/wording/", dict(DEFAULTS))
    assert not NarrativeText.objects.exists()
    assert list(
        AuditEntry.objects.filter(object_type="reports.narrativetext").values_list("action", flat=True)
    ) == ["delete", "create"]


def test_a_broken_template_is_refused_with_its_error(client, bureau):
    web_login(client, "bureau")
    response = client.post("/reports/wording/", dict(DEFAULTS) | {"plan": "{% if %}"})
    assert response.status_code == 200 and not NarrativeText.objects.exists()


def test_streets_may_not_reword(client, street):
    web_login(client, "street")
    assert client.get("/reports/wording/").status_code == 403
