"""Direct loss as staff write it (1,250,000 or 125万) and as the record page shows it
(125.00万元（1,250,000.00元）); the model and the API keep yuan."""

from decimal import Decimal

import pytest
from django.test import Client

from yingji.accidents.models import Accident
from yingji.accidents.money import format_yuan, parse_yuan
from yingji.accidents.tests.factories import accident_factory
from yingji.accidents.tests.test_views import form_data
from yingji.accounts.tests.factories import web_login


@pytest.mark.parametrize(
    ("typed", "yuan"),
    [
        ("1250000", Decimal("1250000")),
        ("1,250,000", Decimal("1250000")),
        ("1,250,000.50", Decimal("1250000.50")),
        ("1 250 000", Decimal("1250000")),
        ("１，２５０，０００", Decimal("1250000")),  # full-width, as a Chinese IME types it
        ("125万", Decimal("1250000")),
        ("125万元", Decimal("1250000")),
        ("12.5 万", Decimal("125000")),
        ("1.2亿", Decimal("120000000")),
        ("8500元", Decimal("8500")),
    ],
)
def test_a_loss_is_read_in_yuan_or_wan(typed, yuan):
    assert parse_yuan(typed) == yuan


@pytest.mark.parametrize("typed", ["", "万", "abc", "1,2x", "12万5", "1..5"])
def test_what_is_not_an_amount_is_refused(typed):
    with pytest.raises(ValueError):
        parse_yuan(typed)


@pytest.mark.parametrize(
    ("yuan", "shown"),
    [
        (Decimal("1250000"), "125.00万元（1,250,000.00元）"),
        (Decimal("1234567.89"), "123.46万元（1,234,567.89元）"),
        (Decimal("10000"), "1.00万元（10,000.00元）"),
        (Decimal("8500"), "8,500.00元"),
        (Decimal("0"), "0.00元"),
    ],
)
def test_a_loss_reads_in_wan_with_the_yuan_beside(yuan, shown):
    assert format_yuan(yuan) == shown


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["125万", "1,250,000"])
def test_the_registration_form_takes_wan_and_separators(bureau, typed):
    client = Client()
    assert web_login(client, bureau.username)
    answer = client.post("/accidents/new/", form_data(direct_loss=typed))
    assert answer.status_code == 302
    assert Accident.objects.get().direct_loss == Decimal("1250000")


@pytest.mark.django_db
def test_the_registration_form_says_what_it_could_not_read(bureau):
    client = Client()
    assert web_login(client, bureau.username)
    answer = client.post("/accidents/new/", form_data(direct_loss="一百万"))
    assert answer.status_code == 400
    assert "125万" in answer.content.decode()
    assert not Accident.objects.exists()


@pytest.mark.django_db
def test_the_grade_preview_reads_wan(bureau):
    client = Client()
    assert web_login(client, bureau.username)
    # 1亿 is 特别重大 by loss (Decree 493 Art. 3: 1亿元以上).
    assert "特别重大" in client.get("/accidents/grade/", {"direct_loss": "10,000万"}).content.decode()


@pytest.mark.django_db
def test_the_record_page_shows_the_loss_in_wan_and_the_api_in_yuan(api, bureau):
    accident = accident_factory(actor=bureau, direct_loss=Decimal("1250000"))
    client = Client()
    assert web_login(client, bureau.username)
    page = client.get(f"/accidents/{accident.pk}/").content.decode()
    # The card's figure in 万元, the exact yuan beside its label.
    assert 'data-testid="direct-loss">125.00万元<' in page and "（1,250,000.00元）</span>" in page
    assert "1,250,000.00</td>" in page  # the history table, with separators
    assert api(bureau).get(f"/api/v1/accidents/{accident.pk}").json()["direct_loss"] == "1250000.00"
