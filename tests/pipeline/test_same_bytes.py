"""What a board reads stays the same bytes when only the way it is made changes (issue #18).

The SHA-256 of every page and figures file of the sample's latest meeting and of every meeting
of the Northshire fixture (the briefing, figures.json, the families' page and each area page)
is kept in tests/fixtures/same_bytes/outputs.json. A change made for speed, or any other change
meant to leave the pages alone, must leave them byte for byte the same. A change that is meant
to alter a page updates the file, and the diff shows which pages moved:

    BOARDBRIEF_UPDATE_SAME_BYTES=1 .venv/bin/python -m pytest tests/pipeline/test_same_bytes.py
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from boardbrief import paths
from tests.conftest import FIXTURES
from tests.pipeline.conftest import fingerprint, render_once

pytestmark = pytest.mark.pipeline

RECORDED = FIXTURES / "same_bytes" / "outputs.json"
UPDATE = "BOARDBRIEF_UPDATE_SAME_BYTES"
PAGES = (paths.BRIEFING_HTML, paths.FIGURES_JSON, paths.FAMILIES_HTML)


def _what_the_board_reads(folder: Path) -> dict[str, str]:
    """Each meeting's pages and figures, by path under the output folder, with their SHA-256."""
    return {
        name: sha
        for name, sha in fingerprint(folder).items()
        if Path(name).name in PAGES
        or (Path(name).parent.name == "areas" and name.endswith(".html"))
    }


@pytest.fixture(scope="module")
def northshire_every_meeting(tmp_path_factory, rendered) -> Path:
    """Every Northshire meeting with its area pages: the session's May render, and March and
    April rendered beside it by `render --all` (which renders only what is missing)."""

    def prepare(root: Path) -> None:
        shutil.copytree(rendered["data"], root / "data")
        shutil.copytree(rendered["out"], root / "briefings")

    def args(root: Path) -> list[str]:
        return ["render", "--all", "--data", "data", "--out", "briefings"]

    root, result = render_once(tmp_path_factory, "same-bytes-northshire", args, prepare)
    assert result.returncode == 0, result.stderr
    return root / "briefings"


def test_the_pages_are_the_bytes_recorded(northshire_every_meeting, rendered_sample):
    now = {
        "northshire": _what_the_board_reads(northshire_every_meeting),
        "sample": _what_the_board_reads(rendered_sample["folder"].parent),
    }
    assert sorted({Path(name).parts[0] for name in now["northshire"]}) == [
        "2026-03-10",
        "2026-04-14",
        "2026-05-12",
    ]
    assert {Path(name).parts[0] for name in now["sample"]} == {"2026-11-05"}
    if os.environ.get(UPDATE):
        text = json.dumps(now, indent=2, sort_keys=True) + "\n"
        RECORDED.write_text(text, encoding="utf-8", newline="\n")
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))
    for board in ("northshire", "sample"):
        changed = sorted(
            name
            for name in recorded[board].keys() | now[board].keys()
            if recorded[board].get(name) != now[board].get(name)
        )
        assert not changed, (
            f"{board}: these pages are not the bytes recorded: {', '.join(changed)}. If the "
            f"change is meant, run again with {UPDATE}=1 and commit {RECORDED.name}."
        )
