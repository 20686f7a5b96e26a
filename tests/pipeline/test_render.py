"""The real pipeline end to end: papermill runs the notebook, nbconvert exports the HTML."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from boardbrief import paths
from boardbrief.errors import RenderError
from boardbrief.publish.execute import check_parameters
from boardbrief.publish.render import render_meeting
from tests.pipeline.conftest import fingerprint

pytestmark = pytest.mark.pipeline


@pytest.mark.transport
def test_render_prints_the_html_path_and_exits_zero(rendered_on_transport):
    rendered = rendered_on_transport
    result = rendered["result"]
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str((rendered["folder"] / "briefing.html").resolve())
    assert sorted(p.name for p in rendered["folder"].iterdir()) == [
        "areas",
        "briefing.html",
        "briefing.ipynb",
        "families.html",
        "figures.json",
        "inputs",
        "run.json",
    ]
    for stage in ("checking the data", "running briefing.ipynb", "exporting HTML", "wrote"):
        assert stage in result.stderr


def test_render_html_shows_the_board_and_no_code(rendered):
    html = (rendered["folder"] / "briefing.html").read_text(encoding="utf-8")
    assert "<h1>Northshire SEND Improvement Board</h1>" in html
    assert "Meeting of 12 May 2026" in html
    assert '<span class="rag rag-red">Red</span>' in html
    assert "Actions by priority area and rating, as at 5 May 2026" in html
    assert "3 organisations have committed £220k, of which £141k (64%) has been spent." in html
    assert "Overall red, derived from the actions by the board's rule." in html
    assert "W1: Cut the assessment backlog" in html  # overdue and stuck
    assert re.search(r'<img [^>]*src="data:image/svg\+xml;base64,', html)  # the trend chart
    assert "From the lead officer" in html  # commentary/2026-05-12.md
    for code in ("load_meeting", "import ", "views.", "meeting_date", "In&nbsp;[", "In ["):
        assert code not in html
    assert "Lancashire" not in html


def test_render_html_is_self_contained(rendered):
    html = (rendered["folder"] / "briefing.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, flags=re.IGNORECASE)
    assert "@import" not in html
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html)


def test_render_figures_json_holds_the_shown_figures(rendered):
    figures = json.loads((rendered["folder"] / "figures.json").read_text(encoding="utf-8"))
    assert figures["meeting.date"] == "2026-05-12"
    assert (figures["actions.overdue"], figures["actions.stuck"], figures["actions.new"]) == (
        1,
        2,
        1,
    )
    assert figures["overall.rag"] == "red"
    assert figures["actions.total"] == 5
    assert figures["feedback.period.comments"] == 7
    assert figures["funding.committed_gbp"] == 220000.5
    assert figures["funding.spent_gbp"] == 141250.35


def test_render_executed_notebook_records_parameters(rendered):
    notebook = nbformat.read(rendered["folder"] / "briefing.ipynb", as_version=4)
    parameters = notebook.metadata["papermill"]["parameters"]
    checked = Path(parameters.pop("checked_data"))  # the render's checked data, not published
    assert checked.name == "checked-data.pickle" and not checked.exists()
    assert len(parameters.pop("checked_sha256")) == 64
    assert parameters == {
        "meeting_date": "2026-05-12",
        "data_dir": str(rendered["data"].resolve()),
        "as_at": "2026-05-12",
    }


def test_list_shows_which_meetings_are_rendered(rendered):
    from tests.pipeline.conftest import run_cli

    result = run_cli("list", "--data", str(rendered["data"]), "--out", str(rendered["out"]))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["meeting", "data", "plan", "rendered"]
    assert lines[1].split() == ["2026-03-10", "yes", "new", "no"]
    assert lines[3].split() == ["2026-05-12", "yes", "new", "yes", "<-", "latest"]


def test_plain_papermill_runs_the_notebook(papermill_northshire):
    assert papermill_northshire["returncode"] == 0, papermill_northshire["stderr"]
    notebook = nbformat.read(papermill_northshire["notebook"], as_version=4)
    shown = "".join(
        o.get("data", {}).get("text/html", "") for c in notebook.cells for o in c.get("outputs", [])
    )
    assert "Meeting of 12 May 2026" in shown


def test_check_parameters_refuses_unknown_names():
    with pytest.raises(
        RenderError,
        match="has no parameter colour; it declares: as_at, checked_data, checked_sha256, data_dir",
    ):
        check_parameters(paths.BRIEFING_NOTEBOOK, {"meeting_date": "x", "colour": "red"})


def test_failing_cell_keeps_previous_briefing_and_the_failed_notebook(tmp_path, rendered):
    out = tmp_path / "briefings"
    shutil.copytree(rendered["out"], out)
    before = fingerprint(out)
    broken = tmp_path / "broken.ipynb"
    notebook = nbformat.read(paths.BRIEFING_NOTEBOOK, as_version=4)
    notebook.cells.insert(4, nbformat.v4.new_code_cell("raise RuntimeError('boom')"))
    nbformat.write(notebook, broken)
    with pytest.raises(RenderError, match="failed with RuntimeError: boom"):
        render_meeting(  # the briefing's own kernel only: the area pages' would be wasted
            rendered["data"], out, "2026-05-12", notebook=broken, force=True, reason="a test",
            area_pages=False,
        )  # fmt: skip
    after = fingerprint(out)
    kept = after.pop("_failed/2026-05-12-briefing.ipynb")
    assert kept
    assert after == before
    assert not [p for p in out.iterdir() if p.name.startswith(".") and p.name != ".locks"]
