"""The web shell: login, Chinese first, navigation by role, and the security around it."""

import pytest
from django.test import Client

from yingji.accounts.tests.factories import PASSWORD, web_login

pytestmark = pytest.mark.django_db


def logged_in(username: str) -> Client:
    client = Client()
    assert web_login(client, username)
    return client


def test_pages_need_a_login(client):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_the_ui_is_chinese_even_when_the_browser_asks_for_english(client):
    page = client.get("/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="zh-hans">' in page
    assert "登录" in page


def test_english_is_one_click_away(client, bureau):
    web_login(client, "bureau")
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    page = client.get("/").content.decode()
    assert '<html lang="en">' in page and "Welcome" in page and "Log out" in page


@pytest.mark.parametrize(
    ("persona", "sees", "does_not_see"),
    [
        ("bureau", ["企业", "审计日志"], []),
        ("street", ["企业"], ["审计日志"]),
        ("department", ["企业"], ["审计日志"]),
        ("enterprise_user", [], ["审计日志", 'href="/enterprises/"']),
        ("admin", ["审计日志"], []),
    ],
)
def test_navigation_follows_the_role(request, persona, sees, does_not_see, enterprises):
    user = request.getfixturevalue(persona)
    page = logged_in(user.username).get("/").content.decode()
    nav = page.split('<nav class="nav"')[1].split("</nav>")[0]
    for text in sees:
        assert text in nav
    for text in does_not_see:
        assert text not in nav


def test_each_role_lands_on_its_own_page(enterprise_user, department, bureau, enterprises):
    assert "东岸建筑工程有限公司" in logged_in("enterprise").get("/").content.decode()
    assert "建筑施工" in logged_in("department").get("/").content.decode()
    page = logged_in("bureau").get("/").content.decode()
    assert "湖南省长沙市芙蓉区" in page and "街道" in page


def test_login_and_logout(client, bureau):
    response = client.post("/login/", {"username": "bureau", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.post("/logout/").status_code == 302
    assert client.get("/").status_code == 302


def test_forms_need_the_csrf_token(bureau):
    client = Client(enforce_csrf_checks=True)
    assert client.post("/login/", {"username": "bureau", "password": PASSWORD}).status_code == 403
    page = client.get("/login/").content.decode()
    assert 'name="csrfmiddlewaretoken"' in page


def test_repeated_failed_logins_lock_the_account(client, bureau, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/login/", {"username": "bureau", "password": "wrong-password"})
    response = client.post("/login/", {"username": "bureau", "password": PASSWORD})
    assert response.status_code == 429
    assert "锁定" in response.content.decode()
    assert client.get("/").status_code == 302


def test_security_headers(client):
    response = client.get("/login/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_sessions_time_out(settings):
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST and settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_weak_passwords_are_refused(bureau):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("12345678901", "password123", "short"):
        with pytest.raises(ValidationError):
            validate_password(weak, bureau)


def test_every_message_has_a_chinese_translation():
    from pathlib import Path

    po = (Path(__file__).parents[2] / "locale/zh_Hans/LC_MESSAGES/django.po").read_text()
    entries = po.split("\n\n")[1:]
    untranslated = [e for e in entries if e.splitlines()[-1] in ('msgstr ""', 'msgstr[0] ""')]
    assert not untranslated, untranslated[:3]  # plurals too: Chinese has the one form, msgstr[0]
    assert "#, fuzzy" not in "\n\n".join(entries)
