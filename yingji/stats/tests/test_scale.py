"""The rule of province scale (stats/scale.py): every registered indicator says how it stays
fast — a rollup, a ratio, a small table, a benchmark figure under the target, or pending with
what will bring it under. A new indicator over a big table that says nothing fails here."""

import pytest
from django.apps import apps
from django.db.models import Count

from yingji.hazards.models import Hazard
from yingji.stats import scale
from yingji.stats.catalog import CATALOG, Measure


def test_every_indicator_says_how_it_stays_fast_at_province_scale():
    assert [key for key in CATALOG if scale.how_fast(key) is None] == []


def test_the_hazard_headline_numbers_come_from_rollups():
    for key in ("hazards.found", "hazards.rectified", "hazards.major_found", "hazards.major_rectified"):
        assert scale.how_fast(key) == "rollup", key


def test_small_tables_are_models_that_stay_small():
    for label, rows in scale.SMALL_TABLES.items():
        assert apps.get_model(label) is not None and rows <= scale.SMALL_ROWS, label
    assert "hazards.Hazard" not in scale.SMALL_TABLES and "inspections.Inspection" not in scale.SMALL_TABLES


def test_pending_and_measured_name_registered_indicators_without_a_rollup():
    for key in [*scale.PENDING, *scale.MEASURED]:
        assert key in CATALOG and getattr(CATALOG[key], "rollup", None) is None, key


@pytest.fixture
def unclassified():
    CATALOG["hazards.unclassified"] = Measure(
        "hazards.unclassified", "x", "处", Hazard, "found_at", lambda: Count("*")
    )
    yield "hazards.unclassified"
    del CATALOG["hazards.unclassified"]


def test_a_new_indicator_over_the_hazards_without_a_rollup_breaks_the_rule(unclassified):
    assert scale.how_fast(unclassified) is None
