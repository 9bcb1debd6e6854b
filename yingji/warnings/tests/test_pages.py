"""The warnings pages: the duty officer issues from the form, the detail page lists each
recipient's 叫应, the street acknowledges with one button, the duty officer records a call,
the contacts register takes a person; the SMS link's page works signed out."""

import pytest

from yingji.warnings import links
from yingji.warnings.models import Contact, EarlyWarning, Recipient
from yingji.warnings.tests.conftest import DONGAN, WENYILU, ahead

pytestmark = pytest.mark.django_db


def _client(client, user):
    client.force_login(user)
    return client


def test_the_duty_officer_issues_from_the_form(client, duty, people):
    page = _client(client, duty).get("/warnings/")
    assert page.status_code == 200 and "发布预警" in page.content.decode()
    response = client.post("/warnings/", {
        "type": "rainstorm", "level": "orange", "stage": "warning", "source": "meteorology",
        "region_codes": [DONGAN, WENYILU], "valid_to": ahead(), "content": "强降雨",
    })  # fmt: skip
    warning = EarlyWarning.objects.get()
    assert response.status_code == 302 and response.url == f"/warnings/{warning.pk}/"
    detail = client.get(response.url).content.decode()
    assert "暴雨" in detail and "橙色（二级）" in detail and "已叫应0人次，共3人次" in detail


def test_a_bad_form_says_what_is_wrong(client, duty, people):
    page = _client(client, duty).post("/warnings/", {"type": "rainstorm", "level": "orange", "stage": "warning", "source": "meteorology", "valid_to": ahead(), "content": "x"})  # fmt: skip
    assert page.status_code == 200 and "请至少选择一个区域。" in page.content.decode()
    assert not EarlyWarning.objects.exists()


def test_the_street_acknowledges_and_the_duty_officer_records_a_call(client, orange, street, duty):
    c = _client(client, street)
    assert "叫应确认（收到）" in c.get(f"/warnings/{orange['id']}/").content.decode()
    c.post(f"/warnings/{orange['id']}/acknowledge/")
    assert Recipient.objects.get(name="张三").ack_channel == "app"
    zhao = Recipient.objects.get(name="赵六")
    c = _client(client, duty)
    assert f'data-testid="call-{zhao.pk}"' in c.get(f"/warnings/{orange['id']}/").content.decode()
    c.post(f"/warnings/{orange['id']}/acknowledge/", {"recipient_id": zhao.pk})
    zhao.refresh_from_db()
    assert zhao.ack_channel == "call" and zhao.recorded_by == duty
    c.post(f"/warnings/{orange['id']}/lift/")
    assert EarlyWarning.objects.get().status == "lifted"


def test_the_link_page_works_signed_out(client, orange):
    li = Recipient.objects.get(name="李四")
    page = client.get(f"/warnings/ack/{links.token(li)}/").content.decode()
    assert "收到" in page and "李四" in page
    page = client.post(f"/warnings/ack/{links.token(li)}/").content.decode()
    assert "确认收到" in page
    assert client.get("/warnings/ack/forged/").status_code == 404


def test_the_contacts_register(client, street, people):
    c = _client(client, street)
    page = c.get("/warnings/contacts/").content.decode()
    assert "张三" in page and "赵六" not in page  # 文艺路's person is outside 东岸
    c.post("/warnings/contacts/", {"region_code": DONGAN, "name": "钱七", "phone": "13900000009", "role": "info_officer"})  # fmt: skip
    assert Contact.objects.filter(name="钱七", region_id=DONGAN).exists()


def test_roles(client, enterprise_user, outsider, orange):
    assert _client(client, enterprise_user).get("/warnings/").status_code == 403
    assert _client(client, outsider).get(f"/warnings/{orange['id']}/").status_code == 404


def test_the_map_colours_each_street_by_its_highest_warning(client, duty, bureau, call, people):
    from yingji.warnings.maps import warning_map
    from yingji.warnings.tests.conftest import rainstorm

    call(duty, "post", "/api/v1/warnings", rainstorm(level="blue", region_codes=[DONGAN, WENYILU]))
    call(duty, "post", "/api/v1/warnings", rainstorm(level="orange", region_codes=[DONGAN]))
    lifted = call(duty, "post", "/api/v1/warnings", rainstorm(level="red", region_codes=[WENYILU]))[1]
    call(duty, "post", f"/api/v1/warnings/{lifted['id']}/actions/lift")
    levels = {r["code"]: r["values"]["level"] for r in warning_map(bureau)["regions"]}
    assert levels[DONGAN] == 3 and levels[WENYILU] == 1  # orange over blue; the red is lifted
    assert sum(1 for v in levels.values() if v) == 2
    page = _client(client, duty).get(f"/warnings/?region={DONGAN}").content.decode()
    assert page.count('data-testid="level"') == 2  # the map's link lists the two over 东岸
