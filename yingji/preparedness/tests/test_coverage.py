"""Disaster information officers: read from the contacts register (role info_officer), each
street has both an A and a B role or is flagged."""

import pytest

from yingji.preparedness.tests.factories import DONGAN, WENYILU, officer

pytestmark = pytest.mark.django_db
STREETS_IN_DISTRICT = 14  # 芙蓉区's streets in the shipped region tree


@pytest.fixture
def officers():
    """东岸: A and B; 文艺路: A only; an inactive B and a flood chief in 文艺路 do not count."""
    officer(DONGAN, "A")
    officer(DONGAN, "B")
    officer(WENYILU, "A")
    officer(WENYILU, "B", active=False)
    officer(WENYILU, "B").__class__.objects.filter(region_id=WENYILU, slot="B", active=True).update(
        role="flood_chief"
    )


def test_each_street_says_whether_it_has_an_a_and_a_b(bureau, api, officers):
    body = api(bureau).get("/api/v1/info-officers/coverage").json()
    rows = {r["region_code"]: r for r in body["results"]}
    assert len(rows) == STREETS_IN_DISTRICT
    assert (rows[DONGAN]["has_a"], rows[DONGAN]["has_b"], rows[DONGAN]["covered"]) == (True, True, True)
    assert (rows[WENYILU]["has_a"], rows[WENYILU]["has_b"], rows[WENYILU]["covered"]) == (True, False, False)
    assert (body["covered"], body["uncovered"]) == (1, STREETS_IN_DISTRICT - 1)


def test_a_street_sees_its_own_coverage_and_officers(street, other_street, api, officers):
    body = api(street).get("/api/v1/info-officers/coverage").json()
    assert [r["region_code"] for r in body["results"]] == [DONGAN]
    assert {o["slot"] for o in api(street).get("/api/v1/info-officers").json()} == {"A", "B"}
    assert [o["slot"] for o in api(other_street).get("/api/v1/info-officers").json()] == ["A"]


def test_the_region_filter_narrows_within_the_jurisdiction(bureau, outsider, api, officers):
    body = api(bureau).get(f"/api/v1/info-officers/coverage?region={WENYILU}").json()
    assert [r["region_code"] for r in body["results"]] == [WENYILU]
    assert api(outsider).get(f"/api/v1/info-officers/coverage?region={WENYILU}").json()["results"] == []
    assert api(outsider).get("/api/v1/info-officers").json() == []
