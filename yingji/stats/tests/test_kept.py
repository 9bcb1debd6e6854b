"""Kept page numbers (yingji/stats/kept.py): a jurisdiction's numbers are computed once and
given again until a change inside the jurisdiction — and never given once one has happened."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from conftest import DISTRICT, DONGAN, TIANXIN, TIANXIN_STREET, WENYILU
from yingji.audit.services import audit_event
from yingji.enterprises.services import enterprise_update
from yingji.hazards.tests.factories import hazard_factory
from yingji.stats import kept as kept_module
from yingji.stats.kept import kept

pytestmark = pytest.mark.django_db


class Counter:
    """A computation that says how often it ran."""

    def __init__(self):
        self.runs = 0

    def __call__(self):
        self.runs += 1
        return {"run": self.runs}


def ask(user, compute, name=("page",)):
    return kept(name, user, compute)


def test_asked_again_with_nothing_changed_it_is_not_computed_again(bureau):
    compute = Counter()
    assert ask(bureau, compute) == {"run": 1}
    with CaptureQueriesContext(connection) as queries:
        assert ask(bureau, compute) == {"run": 1}
    assert compute.runs == 1
    assert len(queries) == 1  # the look at the audit log, nothing else


@pytest.mark.parametrize("region", [DISTRICT, DONGAN, WENYILU, ""])
def test_a_change_inside_the_jurisdiction_or_of_no_region_recomputes(bureau, region):
    compute = Counter()
    ask(bureau, compute)
    audit_event(actor=None, action="update", object_type="hazards.hazard", object_id="1", region_code=region)
    assert ask(bureau, compute) == {"run": 2}


@pytest.mark.parametrize("region", [TIANXIN, TIANXIN_STREET, "4301", "43"])
def test_a_change_outside_it_keeps_the_numbers(bureau, region):
    # A change in the neighbouring district, or entered for the city or the province as a
    # whole, is not inside 芙蓉区's subtree: its numbers count records of 芙蓉区 only.
    compute = Counter()
    ask(bureau, compute)
    audit_event(actor=None, action="update", object_type="hazards.hazard", object_id="1", region_code=region)
    assert ask(bureau, compute) == {"run": 1}


def test_a_change_in_a_street_recomputes_the_district_and_that_street_not_the_other(
    bureau, street, other_street
):
    district, dongan, wenyilu = Counter(), Counter(), Counter()
    for user, compute in ((bureau, district), (street, dongan), (other_street, wenyilu)):
        ask(user, compute)
    audit_event(actor=None, action="create", object_type="hazards.hazard", object_id="1", region_code=DONGAN)
    for user, compute in ((bureau, district), (street, dongan), (other_street, wenyilu)):
        ask(user, compute)
    assert (district.runs, dongan.runs, wenyilu.runs) == (2, 2, 1)


def test_sign_ins_downloads_and_refusals_change_no_number(bureau, street):
    compute = Counter()
    ask(bureau, compute)
    for action in ("sign_in", "sign_out", "sign_in_failed", "download", "denied"):
        audit_event(actor=None, action=action, object_type="security", object_id="street", region_code=DONGAN)
    assert ask(bureau, compute) == {"run": 1}


def test_a_record_moved_out_of_the_jurisdiction_recomputes_the_one_it_left(
    enterprises, street, other_street, admin
):
    # Its new region is 文艺路's, its entry says so; 东岸 lost an enterprise all the same.
    dongan, wenyilu = Counter(), Counter()
    ask(street, dongan), ask(other_street, wenyilu)
    enterprise_update(actor=admin, enterprise=enterprises["A"], region_code=WENYILU)
    ask(street, dongan), ask(other_street, wenyilu)
    assert (dongan.runs, wenyilu.runs) == (2, 2)


def test_a_hazard_registered_through_the_service_recomputes(bureau, enterprises):
    compute = Counter()
    ask(bureau, compute)
    hazard_factory(actor=bureau, enterprise=enterprises["A"])
    assert ask(bureau, compute) == {"run": 2}


def test_numbers_are_kept_per_jurisdiction_role_language_and_name(bureau, outsider, department, street):
    compute = Counter()
    for user in (bureau, outsider, department, street):
        ask(user, compute)
    assert compute.runs == 4  # a department of the same district has its own (its industries)
    with translation.override("en"):
        ask(bureau, compute)
    ask(bureau, compute, name=("other page",))
    assert compute.runs == 6


def test_kept_numbers_end_with_the_day(bureau, monkeypatch):
    compute = Counter()
    ask(bureau, compute)
    tomorrow = kept_module.timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(kept_module.timezone, "localdate", lambda: tomorrow)
    assert ask(bureau, compute) == {"run": 2}


def test_kept_numbers_are_recomputed_after_the_kept_seconds(bureau, monkeypatch, settings):
    # Time alone changes some numbers (a warning expires at noon): nothing is kept longer.
    settings.YINGJI_KEPT_SECONDS = 300
    compute = Counter()
    ask(bureau, compute)
    now = kept_module.time.time()
    monkeypatch.setattr(kept_module.time, "time", lambda: now + 299)
    assert ask(bureau, compute) == {"run": 1}
    monkeypatch.setattr(kept_module.time, "time", lambda: now + 301)
    assert ask(bureau, compute) == {"run": 2}


def test_nothing_is_kept_when_the_setting_is_zero(bureau, settings):
    settings.YINGJI_KEPT_SECONDS = 0
    compute = Counter()
    ask(bureau, compute), ask(bureau, compute)
    assert compute.runs == 2


def test_a_computation_that_fails_keeps_nothing(bureau):
    def failing():
        raise ValueError("bad question")

    with pytest.raises(ValueError, match="bad question"):
        ask(bureau, failing)
    assert ask(bureau, Counter()) == {"run": 1}


def test_the_home_page_shows_a_new_hazard_at_once(client, bureau, enterprises):
    client.force_login(bureau)

    def found() -> int:
        cards = client.get("/").context["cards"]
        return next(card["value"] for card in cards if card["key"] == "hazards.found")

    before = found()
    hazard_factory(actor=bureau, enterprise=enterprises["A"])
    assert found() == before + 1


def test_the_stats_api_answers_a_new_hazard_at_once(api, bureau, enterprises):
    path = "/api/v1/stats?indicators=hazards.found"

    def found() -> int:
        return api(bureau).get(path).json()["indicators"]["hazards.found"]["value"]

    before = found()
    hazard_factory(actor=bureau, enterprise=enterprises["A"])
    assert found() == before + 1
