"""The area pages: the notebook run by plain papermill, and the sample's five pages as rendered.

The rendered pages come from the session's one render of the sample (`rendered_sample`); the
browser checks for them are in test_browser.py beside the briefing's.
"""

from __future__ import annotations

import csv
import html
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest

from boardbrief.contract.inputs import sha256_of
from boardbrief.publish.verify import compared_outputs, tampered_outputs
from boardbrief.ratings import normalise_rag
from tests.pipeline.conftest import REPO

pytestmark = pytest.mark.pipeline

AREAS = ("access", "identifying_need", "outcomes", "strategy", "engagement")
LATEST_PLAN = REPO / "data" / "actions" / "2026-10-30.csv"
RATING = re.compile(r'<span class="rag rag-(\w+)">')


def test_papermill_runs_the_area_notebook_for_one_sample_area(tmp_path):
    """Exactly as an auditor would: the papermill command, the notebook, three parameters."""
    output = tmp_path / "area.ipynb"
    papermill = Path(sys.executable).parent / "papermill"
    result = subprocess.run(
        [
            str(papermill),
            str(REPO / "notebooks" / "area.ipynb"),
            str(output),
            "-p",
            "meeting_date",
            "2026-11-05",
            "-p",
            "data_dir",
            str(REPO / "data"),
            "-p",
            "area",
            "identifying_need",
        ],
        cwd=REPO / "notebooks",
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    executed = nbformat.read(output, as_version=4)
    assert executed.metadata.papermill.parameters == {
        "meeting_date": "2026-11-05",
        "data_dir": str(REPO / "data"),
        "area": "identifying_need",
    }
    shown = [
        o["data"]["text/html"]
        for cell in executed.cells
        if cell.cell_type == "code"
        for o in cell.outputs
        if "text/html" in o.get("data", {})
    ]
    assert not [o for c in executed.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert "<h1>Identifying need</h1>" in shown[0]
    assert any("IDN-12: Clear the backlog of overdue annual reviews" in block for block in shown)


@pytest.fixture(scope="module")
def pages(rendered_sample: dict[str, Any]) -> dict[str, str]:
    folder = rendered_sample["folder"]
    return {area: (folder / "areas" / f"{area}.html").read_text(encoding="utf-8") for area in AREAS}


def test_render_writes_a_page_per_area_records_and_links_them(rendered_sample, pages):
    folder = rendered_sample["folder"]
    record = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    index = (folder.parent / "index.html").read_text(encoding="utf-8")
    for area in AREAS:
        name = f"areas/{area}.html"
        assert record["outputs"][name] == sha256_of(folder / name)
        assert f'href="{folder.name}/{name}"' in index
        assert f'<a class="area-page" href="{name}">' in rendered_sample["html"]
        assert 'href="../briefing.html"' in pages[area]
    assert sorted(p.name for p in (folder / "areas").glob("*.html")) == sorted(
        f"{a}.html" for a in AREAS
    )


def _plan_ratings(area: str) -> dict[str, str]:
    """Each action of the area in the latest snapshot with its rating (R, Amber ... as the
    contract reads them), from the file itself."""
    with LATEST_PLAN.open(encoding="utf-8-sig", newline="") as file:
        return {
            row["action_id"]: normalise_rag(row["rag"])
            for row in csv.DictReader(file)
            if row["priority_area"] == area
        }


def _listed_actions(page: str) -> dict[str, str]:
    """The actions in the page's "Every action" table with the rating shown beside each."""
    table = page.split("<caption>Every action in", 1)[1].split("</table>", 1)[0]
    listed = {}
    for row in table.split("<tr>")[2:]:
        action_id = html.unescape(re.search(r'<th scope="row">([^:<]+):', row).group(1))
        listed[action_id] = RATING.search(row).group(1)
    return listed


def _briefing_counts(briefing: str, area: str) -> dict[str, int]:
    """The briefing's area ratings row for the area: red, amber, green, complete counts."""
    row = briefing.split(f'<a class="area-page" href="areas/{area}.html">', 1)[1].split("</tr>")[0]
    numbers = [int(n) for n in re.findall(r'<td class="num">(\d+)</td>', row)]
    return dict(zip(("red", "amber", "green", "blue"), numbers[:4], strict=True))


@pytest.mark.parametrize("area", AREAS)
def test_each_page_lists_every_action_with_the_ratings_the_briefing_counts(
    area, pages, rendered_sample
):
    listed = _listed_actions(pages[area])
    assert listed == _plan_ratings(area)  # every action, none capped, its rating as filed
    counted = {
        rag: sum(r == rag for r in listed.values()) for rag in ("red", "amber", "green", "blue")
    }
    assert counted == _briefing_counts(rendered_sample["html"], area)


def test_area_pages_reproduce_and_an_edited_one_is_caught(rendered_sample, tmp_path):
    folder = rendered_sample["folder"]
    record = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    assert {f"areas/{a}.html" for a in AREAS} <= set(compared_outputs(record))
    assert tampered_outputs(record, folder) == []
    copy = tmp_path / "copy"
    for name in compared_outputs(record):
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        (copy / name).write_bytes((folder / name).read_bytes())
    page = copy / "areas" / "strategy.html"
    edited = page.read_text(encoding="utf-8").replace("Strategy", "Strategies")
    page.write_text(edited, encoding="utf-8", newline="\n")
    assert tampered_outputs(record, copy) == [
        "areas/strategy.html: the archived copy was changed after it was rendered"
    ]
