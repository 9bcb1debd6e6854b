"""Login lockout behind the reverse proxy: the client's address comes from X-Forwarded-For only
when the request comes from a trusted proxy (FORWARDED_ALLOW_IPS); a username is locked from one
address at a time; one address is locked for every username after repeated failures."""

import pytest
from django.test import Client, RequestFactory

from yingji.accounts.client_address import client_address
from yingji.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"  # nginx on the same machine, as the README recommends
A, B, C = "198.51.100.7", "203.0.113.20", "192.0.2.33"
STRANGER = "203.0.113.99"  # not a proxy we trust


@pytest.fixture(autouse=True)
def limits(settings):
    settings.FORWARDED_ALLOW_IPS = [PROXY]
    settings.AXES_FAILURE_LIMIT = 5
    settings.YINGJI_LOGIN_ADDRESS_FAILURE_LIMIT = 20
    settings.AXES_COOLOFF_TIME = 15 / 60


def token(username, password, *, forwarded_for=None, remote=PROXY):
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    return Client(headers=headers, REMOTE_ADDR=remote).post(
        "/api/v1/auth/token", {"username": username, "password": password}, "application/json"
    )


def page_login(username, password, *, forwarded_for):
    client = Client(headers={"X-Forwarded-For": forwarded_for}, REMOTE_ADDR=PROXY)
    return client.post("/login/", {"username": username, "password": password})


def test_five_failures_from_one_client_lock_that_client_only(street):
    for _ in range(4):
        assert token("street", "wrong", forwarded_for=A).status_code == 401
    assert token("street", "wrong", forwarded_for=A).status_code == 429
    assert token("street", PASSWORD, forwarded_for=A).status_code == 429
    # Another client behind the same proxy is not locked out of the same account.
    assert token("street", PASSWORD, forwarded_for=B).status_code == 200


def test_the_locked_answer_is_json_with_retry_after(street):
    for _ in range(5):
        token("street", "wrong", forwarded_for=A)
    response = token("street", PASSWORD, forwarded_for=A)
    assert response.status_code == 429
    assert response["Retry-After"] == "900"  # the 15-minute cool-off
    assert response.json()["detail"]
    assert "token" not in response.json()


def test_the_forwarded_address_of_an_untrusted_peer_is_ignored(street):
    # Spoofing a fresh X-Forwarded-For on every try does not escape the lockout.
    for i in range(5):
        token("street", "wrong", forwarded_for=f"10.9.8.{i}", remote=STRANGER)
    assert token("street", PASSWORD, forwarded_for="10.9.9.9", remote=STRANGER).status_code == 429
    assert token("street", PASSWORD, forwarded_for=A).status_code == 200


def test_a_client_cannot_prepend_its_way_out_through_the_proxy(street):
    # nginx appends the address it saw; whatever the client wrote is on the left and ignored.
    for i in range(5):
        token("street", "wrong", forwarded_for=f"10.9.8.{i}, {A}")
    assert token("street", PASSWORD, forwarded_for=A).status_code == 429


def test_password_spraying_from_one_address_is_locked_after_the_address_limit(street):
    answers = [
        token(f"user{n}", f"guess-{attempt}", forwarded_for=A).status_code
        for attempt in range(4)
        for n in range(40)
    ]
    assert answers[:19] == [401] * 19
    assert answers[19:] == [429] * (160 - 19)  # the 20th failure locks the address
    assert token("street", PASSWORD, forwarded_for=A).status_code == 429
    # The right user from another address still logs in.
    assert token("street", PASSWORD, forwarded_for=B).status_code == 200


def test_a_success_does_not_clear_the_addresses_failures(street, bureau):
    for n in range(19):
        assert token(f"user{n}", "guess", forwarded_for=A).status_code == 401
    # The attacker holds an ordinary account and logs in with it between guesses.
    assert token("bureau", PASSWORD, forwarded_for=A).status_code == 200
    assert token("user99", "guess", forwarded_for=A).status_code == 429


def test_a_locked_pair_does_not_lock_other_users_at_that_address(street, bureau):
    for _ in range(5):
        token("street", "wrong", forwarded_for=A)
    assert token("bureau", PASSWORD, forwarded_for=A).status_code == 200


def test_the_login_page_locks_by_the_same_rules(street):
    for n in range(20):
        page_login(f"user{n}", "guess", forwarded_for=C)
    locked = page_login("street", PASSWORD, forwarded_for=C)
    assert locked.status_code == 429
    assert locked["Retry-After"] == "900"
    assert 'data-testid="locked-out"' in locked.content.decode()
    assert page_login("street", PASSWORD, forwarded_for=B).status_code == 302


def test_the_page_and_the_api_share_one_count(street):
    for _ in range(3):
        page_login("street", "wrong", forwarded_for=A)
    token("street", "wrong", forwarded_for=A)
    assert token("street", "wrong", forwarded_for=A).status_code == 429


@pytest.mark.parametrize(
    ("remote", "forwarded_for", "allowed", "expected"),
    [
        (PROXY, None, [PROXY], PROXY),
        (PROXY, A, [PROXY], A),
        (PROXY, f"{B}, {A}", [PROXY], A),  # the right-most is the one the proxy saw
        (PROXY, f"{A}, 10.0.0.5", [PROXY, "10.0.0.0/8"], A),  # skipping trusted proxies
        (PROXY, "10.0.0.4, 10.0.0.5", [PROXY, "10.0.0.0/8"], PROXY),  # nothing but proxies
        (STRANGER, A, [PROXY], STRANGER),
        (PROXY, "not-an-address", [PROXY], PROXY),
        (PROXY, f"{A}, unknown", [PROXY], PROXY),  # garbage where a proxy wrote: no client known
        ("::1", "2001:db8::7", ["::1"], "2001:db8::7"),
        (STRANGER, f"{B}, {A}", ["*"], A),  # every peer trusted: still only the last hop
        ("", A, [PROXY], A),  # a UNIX socket: only a local proxy reaches it
    ],
)
def test_the_client_address(settings, remote, forwarded_for, allowed, expected):
    settings.FORWARDED_ALLOW_IPS = allowed
    meta = {"REMOTE_ADDR": remote} | ({"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for else {})
    assert client_address(RequestFactory().get("/", **meta)) == expected
