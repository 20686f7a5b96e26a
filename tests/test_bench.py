"""The benchmark runs end to end on a tiny board, and its ratios and table report every target."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import NORTHSHIRE

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench" / "run.py"
QUICK_RUN = [sys.executable, str(BENCH), "--quick", "--repeat", "1"]
RATIO_NAMES = [
    "render/floor",
    "render/briefing_only",
    "render/stock",
    "render_x100/render",
    "render_all/serial",
]
LIMIT_NAMES = ["validate", "validate_x100", "make test"]


def load_bench():
    """bench/run.py is a script, not part of the package: load it from its file."""
    if "bench_run" not in sys.modules:  # dataclasses look their module up in sys.modules
        spec = importlib.util.spec_from_file_location("bench_run", BENCH)
        module = importlib.util.module_from_spec(spec)
        sys.modules["bench_run"] = module
        spec.loader.exec_module(module)
    return sys.modules["bench_run"]


def made_up_results(bench, medians: dict[str, float], peaks: dict[str, float]) -> dict:
    return {
        "settings": {"factor": 100},
        "measurements": {
            name: {"runs_s": [seconds], "median_s": seconds}
            | ({"peak_rss_mb": peaks[name]} if name in peaks else {})
            for name, seconds in medians.items()
        },
        "ratios": bench.ratios(medians),
        "limits": bench.limits(medians),
        "memory_target": bench.memory_target(peaks),
    }


def test_ratios_are_medians_divided_and_checked_against_targets():
    bench = load_bench()
    medians = {"floor": 2.0, "stock": 10.0, "render": 5.0, "render_x100": 6.0}
    medians |= {"render_all": 6.0, "serial": 10.0, "briefing_only": 4.0}
    assert bench.ratios(medians) == {
        "render/floor": {"value": 2.5, "target": "<= 1.4", "met": False},
        "render/briefing_only": {"value": 1.25, "target": "<= 1.4", "met": True},
        "render/stock": {"value": 0.5, "target": "<= 0.55", "met": True},
        "render_x100/render": {"value": 1.2, "target": "<= 1.6", "met": True},
        "render_all/serial": {"value": 0.6, "target": "<= 0.65", "met": True},
    }


def test_time_limits_compare_medians_in_seconds():
    bench = load_bench()
    assert bench.limits({"validate": 1.2, "validate_x100": 4.0, "make_test": 300.0}) == {
        "validate": {"value": 1.2, "target": "< 1.5 s", "met": True},
        "validate_x100": {"value": 4.0, "target": "< 4 s", "met": False},
        "make test": {"value": 300.0, "target": "< 240 s", "met": False},
    }


def test_ratios_of_unmeasured_figures_are_none():
    bench = load_bench()
    assert bench.ratios({"render": 5.0})["render/floor"] == {
        "value": None,
        "target": "<= 1.4",
        "met": None,
    }
    assert bench.limits({})["make test"]["met"] is None
    assert bench.memory_target({})["met"] is None


def test_table_shows_every_measurement_ratio_and_verdict():
    bench = load_bench()
    medians = {"floor": 2.0, "stock": 10.0, "render": 5.0, "render_x100": 12.5}
    medians |= {"render_all": 6.0, "serial": 10.0, "validate": 1.0, "make_test": 250.0}
    text = bench.table(made_up_results(bench, medians, {"render": 300.0, "render_x100": 1100.0}))
    lines = {line.split()[0]: line.split() for line in text.splitlines() if line.strip()}
    assert lines["render_x100"][:3] == ["render_x100", "12.50", "1100"]
    assert lines["render/floor"][1:] == ["2.50", "<=", "1.4", "NOT", "MET"]
    assert lines["render_x100/render"][1:] == ["2.50", "<=", "1.6", "NOT", "MET"]
    assert lines["validate"][-4:] == ["<", "1.5", "s", "met"]
    assert lines["validate_x100"][1:] == ["n/a", "<", "4", "s", "not", "measured"]
    assert lines["make"][2:] == ["250.00", "<", "240", "s", "NOT", "MET"]
    assert lines["render/stock"][-1] == "met"
    assert lines["render_all/serial"][-1] == "met"
    assert "peak RSS render_x100 (MB)     1100  < 1024    NOT MET" in text


@pytest.mark.pipeline
def test_bench_quick_run_on_a_tiny_board_reports_every_figure(tmp_path, edit):
    # Northshire's last two meetings: two are enough to render side by side, and `render_all`
    # and `serial` then render two meetings each, not three.
    data = tmp_path / "data"
    shutil.copytree(NORTHSHIRE, data)
    edit(data / "board.yml", "[2026-03-10, 2026-04-14, 2026-05-12]", "[2026-04-14, 2026-05-12]")
    out = tmp_path / "results.json"
    result = subprocess.run(
        [*QUICK_RUN, "--data", str(data), "--out", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for name in RATIO_NAMES + LIMIT_NAMES[:2]:
        assert name in result.stdout
    assert "peak RSS render_x100 (MB)" in result.stdout
    assert result.stdout.count("n/a") == 1  # make test: not run by --quick
    results = json.loads(out.read_text(encoding="utf-8"))
    every_but_the_suite = [name for name in load_bench().MEASUREMENTS if name != "make_test"]
    assert list(results["measurements"]) == every_but_the_suite
    for figures in results["measurements"].values():
        assert len(figures["runs_s"]) == 1
        assert figures["median_s"] > 0
    assert results["measurements"]["render_x100"]["peak_rss_mb"] > 0
    assert sorted(results["ratios"]) == sorted(RATIO_NAMES)
    assert list(results["limits"]) == LIMIT_NAMES
    assert results["limits"]["validate"]["value"] > 0
    assert results["limits"]["validate_x100"]["value"] > 0
    assert results["limits"]["make test"]["value"] is None
    assert all(r["value"] > 0 for r in results["ratios"].values())
    assert results["settings"]["factor"] == 2
    assert results["settings"]["meetings"] == ["2026-04-14", "2026-05-12"]
    assert results["settings"]["briefing_alone"] == ["render_all", "serial"]
    assert results["machine"]["cpu_count"] >= 1
