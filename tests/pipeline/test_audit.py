"""Audit: byte-identical re-renders, the run record, verify, render --all and the archive index."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from tests.conftest import NORTHSHIRE
from tests.pipeline.conftest import REPO, run_cli

pytestmark = pytest.mark.pipeline


def _render_elsewhere(root, env: dict[str, str]):
    """Northshire's latest meeting rendered (without area pages) in a folder of its own."""
    import subprocess
    import sys

    root.mkdir()
    shutil.copytree(NORTHSHIRE, root / "data")
    result = subprocess.run(
        [sys.executable, "-m", "boardbrief", "render", "2026-05-12", "--no-area-pages",
         "--data", "data", "--out", "out"],
        cwd=root, capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, **env},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return root / "out" / "2026-05-12"


def test_render_twice_anywhere_gives_identical_bytes(tmp_path, rendered_without_area_pages):
    """The session's render, in its folder and this run's time zone and locale, against one in
    another folder, another time zone (twelve or more hours away) and the C locale."""
    import time

    first = rendered_without_area_pages["folder"]
    far = "Pacific/Auckland" if time.strftime("%z") not in ("+1200", "+1300") else "Europe/London"
    second = _render_elsewhere(tmp_path / "two", {"TZ": far, "LANG": "C"})
    for name in ("briefing.html", "figures.json"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    roots = (str(tmp_path), str(first.parents[1]))
    for folder in (first, second):
        html = (folder / "briefing.html").read_text(encoding="utf-8")
        assert not [root for root in roots if root in html]  # no absolute path
        assert "2026-11-28" not in html  # no wall-clock date (today, when this was written)


def test_run_record_lists_the_inputs_read_and_the_outputs(rendered_sample):
    record = json.loads((rendered_sample["folder"] / "run.json").read_text(encoding="utf-8"))
    data = REPO / "data"
    expected = sorted(
        str(p.relative_to(data)) for p in data.rglob("*") if p.is_file() and p.suffix != ".md"
    ) + sorted(str(p.relative_to(data)) for p in (data / "commentary").glob("*.md"))
    assert sorted(i["path"] for i in record["inputs"]) == sorted(expected)
    assert "README.md" not in {i["path"] for i in record["inputs"]}
    assert record["parameters"]["meeting_date"] == "2026-11-05"
    assert record["kernel"] == "boardbrief"
    assert record["environment"]["packages"]["pandas"]
    areas = ("access", "identifying_need", "outcomes", "strategy", "engagement")
    assert set(record["outputs"]) == {
        "briefing.html",
        "briefing.ipynb",
        "figures.json",
        "families.html",
        *(f"areas/{area}.{suffix}" for area in areas for suffix in ("html", "ipynb")),
    }
    assert record["duration_seconds"] > 0


def test_archive_index_links_every_briefing(rendered_sample):
    index = (rendered_sample["folder"].parent / "index.html").read_text(encoding="utf-8")
    assert '<a href="2026-11-05/briefing.html">5 November 2026</a>' in index
    assert "<script" not in index


def _copy(tmp_path, rendered):
    data = tmp_path / "data"
    out = tmp_path / "briefings"
    shutil.copytree(rendered["data"], data)
    shutil.copytree(rendered["out"], out)
    return data, out


@pytest.fixture
def archive(tmp_path, rendered):
    """A copy of the rendered Northshire archive, area pages and all, and its data, safe to
    damage.

    Its run record is left as rendered (editing it is tampering): verify is told the copy's
    data folder with --data.
    """
    return _copy(tmp_path, rendered)


@pytest.fixture
def archive_without_area_pages(tmp_path, rendered_without_area_pages):
    """The same without area pages, for tests of what verify and render --all say about the
    briefing: verify's re-render, and render --all, then run one kernel a meeting, not two."""
    return _copy(tmp_path, rendered_without_area_pages)


@pytest.mark.transport
def test_verify_unchanged_archive_is_reproduced(archive):
    data, out = archive
    result = run_cli("verify", "2026-05-12", "--out", str(out), "--data", str(data))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("2026-05-12: reproduced")


def test_verify_of_an_archive_without_frozen_inputs_reads_data_and_names_an_edited_input(archive):
    """An archive made before meetings kept their inputs: verify re-renders from --data, says
    so, and an input edited since is named (exit 2) before anything is re-rendered."""
    data, out = archive
    shutil.rmtree(out / "2026-05-12" / "inputs")
    path = data / "actions" / "2026-05-05.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("Backlog at 300", "Backlog at 290"))
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    result = run_cli("verify", "2026-05-12", "--out", str(out), "--data", str(data))
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        "2026-05-12: inputs changed",
        f"  - re-rendered from the data folder {data} (the archive has no frozen inputs)",
        "  - actions/2026-05-05.csv: changed since the archived briefing was rendered",
    ]
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_verify_archive_from_another_library_reports_the_figure(archive_without_area_pages):
    """An archive made by a library that counted differently: verify names the figure."""
    data, out = archive_without_area_pages
    folder = out / "2026-05-12"
    figures = json.loads((folder / "figures.json").read_text(encoding="utf-8"))
    figures["actions.overdue"] = 2
    (folder / "figures.json").write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n")
    record = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    record["environment"]["packages"]["pandas"] = "0.0.1"
    from boardbrief.contract.inputs import sha256_of

    record["outputs"]["figures.json"] = sha256_of(folder / "figures.json")
    (folder / "run.json").write_text(json.dumps(record), encoding="utf-8")
    result = run_cli("verify", "2026-05-12", "--out", str(out), "--data", str(data))
    assert result.returncode == 3, result.stdout + result.stderr
    assert "figure actions.overdue: archived 2, now 1" in result.stdout
    assert "package pandas: recorded 0.0.1, now" in result.stdout


def test_render_all_renders_only_what_is_missing(archive_without_area_pages):
    data, out = archive_without_area_pages
    lean = "--no-area-pages"
    result = run_cli("render", "--all", lean, "--data", str(data), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert [line.split("/")[-2] for line in result.stdout.splitlines()] == [
        "2026-03-10",
        "2026-04-14",
    ]
    again = run_cli("render", "--all", lean, "--data", str(data), "--out", str(out))
    assert again.returncode == 0 and again.stdout == ""
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.index("12 May 2026") < index.index("14 April 2026") < index.index("10 March 2026")


def test_verify_with_a_changed_library_setting_reports_the_figure(
    archive_without_area_pages, tmp_path
):
    """Change a figure-affecting setting inside the library itself, for the re-render only.

    A `sitecustomize` module on PYTHONPATH runs at start-up in the command and in its kernel;
    it narrows what counts as 'stuck' to red only, so the Northshire amber P1 no longer is.
    """
    data, out = archive_without_area_pages
    patch = tmp_path / "patch"
    patch.mkdir()
    (patch / "sitecustomize.py").write_text(
        "import boardbrief.sections.action_plan\nboardbrief.sections.action_plan.STUCK_RATINGS = ('red',)\n",
        encoding="utf-8",
    )
    import os
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "boardbrief", "verify", "2026-05-12", "--out", str(out),
         "--data", str(data)],
        cwd=REPO, capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "PYTHONPATH": str(patch)},
    )  # fmt: skip
    assert result.returncode == 3, result.stdout + result.stderr
    assert "figure actions.stuck: archived 2, now 1" in result.stdout
    assert "the environment is the same as the one recorded" in result.stdout
    # where each file first differs, and the re-render kept to compare
    assert (
        "  - figures.json: differs from the archived copy, first at line 15, column 20: "
        "archived '  \"actions.stuck\": 2,', re-rendered '  \"actions.stuck\": 1,'"
    ) in result.stdout.splitlines()
    assert "  - briefing.html: differs from the archived copy, first at line " in result.stdout
    kept = [p for p in (out / ".verify").iterdir()]
    assert [p.name[:11] for p in kept] == ["2026-05-12-"]
    assert result.stdout.splitlines()[-1] == f"  - the re-render is kept in {kept[0]}"
    assert (kept[0] / "figures.json").read_text(encoding="utf-8") != (
        out / "2026-05-12" / "figures.json"
    ).read_text(encoding="utf-8")
