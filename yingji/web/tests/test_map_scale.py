"""The map's colour scale starts at the smallest value shown, not at 0 (charts.js, run in node)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

CHARTS = Path(__file__).resolve().parents[2] / "static" / "js" / "charts.js"
NODE = shutil.which("node")


def colour_scale(values, unit):
    script = (
        "const vm = require('vm'); const fs = require('fs');"
        "const window = { addEventListener() {} }; vm.createContext(window); window.window = window;"
        f"vm.runInContext(fs.readFileSync({json.dumps(str(CHARTS))}, 'utf8'), window);"
        f"process.stdout.write(JSON.stringify(window.YingjiCharts.colourScale({json.dumps(values)}, {json.dumps(unit)})));"
    )
    return json.loads(subprocess.run([NODE, "-e", script], check=True, capture_output=True, text=True).stdout)


pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")


def test_the_scale_runs_from_the_smallest_to_the_largest_value_shown():
    assert colour_scale([12, 30, 47], "") == {"min": 12, "max": 47}


def test_a_rate_runs_from_the_smallest_rate_to_100_percent():
    assert colour_scale([80, 95.5], "%") == {"min": 80, "max": 100}


def test_regions_without_a_value_do_not_pull_the_scale_to_0():
    assert colour_scale([None, 5, 9], "") == {"min": 5, "max": 9}


def test_one_value_or_none_still_draws():
    assert colour_scale([7, 7], "") == {"min": 7, "max": 8}
    assert colour_scale([None], "") == {"min": 0, "max": 1}
