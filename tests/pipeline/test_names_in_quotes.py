"""No person's name reaches a quote, whether or not the board listed it under `redact`.

The sample is rendered with its `redact` list removed, and the Northshire fixture with consenting
comments that name children and staff in the ways people type them; neither the HTML nor the
executed notebook beside it may show any of those names.
"""

from __future__ import annotations

import csv
import html
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from boardbrief.sample_data.board import CHILD_NAMES, STAFF_NAMES
from tests.conftest import NORTHSHIRE
from tests.pipeline.conftest import REPO, run_cli

pytestmark = pytest.mark.pipeline

SAMPLE_NAMES = [name for name, _ in CHILD_NAMES] + [shown.split()[-1] for shown, _ in STAFF_NAMES]
# Consenting comments a new board would get: each names someone its board.yml does not list.
NAMED_COMMENTS = {
    "D-90": "My daughter Poppy's speech therapy was brilliant, it helped her so much.",
    "D-91": "Mr Hughes never calls back and nobody knows who to ask.",
    "D-92": "oliwia's speech therapy stopped and nobody calls back.",
    "D-93": "We waited a year. Siobhan Kowalczyk in the office helped us in the end.",
    "D-94": "Grace was brilliant at the drop-in, she helped us with travel.",
    "D-95": "Ask Dr Okafor: we waited for an assessment for two years.",
}
NORTHSHIRE_NAMES = ["Poppy", "Hughes", "oliwia", "Siobhan", "Kowalczyk", "Grace", "Okafor"]
QUOTE = re.compile(r"<blockquote><p>(.*?)</p></blockquote>", re.DOTALL)


def _render(data: Path, out: Path) -> tuple[str, str]:
    """The latest meeting's briefing and executed notebook, the two this file reads (not the
    area pages, so they are not rendered)."""
    result = run_cli("render", "--no-area-pages", "--data", str(data), "--out", str(out))
    assert result.returncode == 0, result.stderr
    folder = Path(result.stdout.strip()).parent
    page = (folder / "briefing.html").read_text(encoding="utf-8")
    notebook = json.loads((folder / "briefing.ipynb").read_text(encoding="utf-8"))
    outputs = json.dumps([c.get("outputs", []) for c in notebook["cells"]], ensure_ascii=False)
    return html.unescape(page), html.unescape(outputs)


def _shown(name: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE) is not None


def test_the_sample_without_its_redact_list_shows_no_name(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    board = yaml.safe_load((data / "board.yml").read_text(encoding="utf-8"))
    del board["redact"]
    (data / "board.yml").write_text(yaml.safe_dump(board, sort_keys=False), encoding="utf-8")
    page, outputs = _render(data, tmp_path / "out")
    quotes = QUOTE.findall(page)
    assert len(quotes) >= 5
    for text in (page, outputs):
        assert [name for name in SAMPLE_NAMES if _shown(name, text)] == []


def test_named_comments_of_a_new_board_are_masked_or_not_quoted(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(NORTHSHIRE, data)
    with (data / "feedback" / "dropins.csv").open("a", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        for feedback_id, comment in NAMED_COMMENTS.items():
            writer.writerow([feedback_id, "2026-05-01", "Drop-in Eastmoor", "Eastmoor", "parent",
                             comment, "yes"])  # fmt: skip
    page, outputs = _render(data, tmp_path / "out")
    quotes = QUOTE.findall(page)
    assert any("[name removed]" in quote for quote in quotes)  # some were quoted, masked
    for text in (page, outputs):
        assert [name for name in NORTHSHIRE_NAMES if _shown(name, text)] == []
    assert "could not be sure that nobody is named" in page
