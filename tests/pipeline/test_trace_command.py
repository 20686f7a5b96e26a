"""`boardbrief trace`: a figure's rule and rows through the real command, and what it refuses."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from boardbrief.cli import main
from boardbrief.contract.load import load_board_data
from boardbrief.contract.meeting import select_meeting
from boardbrief.publish.trace import archived_figures, check_archived, meeting_traces
from tests.conftest import NORTHSHIRE
from tests.pipeline.conftest import run_cli

SAMPLE = Path(__file__).resolve().parents[2] / "data"
OVERDUE_ROW = "actions/2026-05-05.csv row 2  W1  due_date=2026-04-30  rag=red  days_overdue=12"


def trace(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["trace", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_trace_prints_the_rule_the_value_and_the_rows(board_dir, tmp_path, capsys):
    code, out, err = trace(
        capsys, "2026-05-12", "actions.overdue", "--data", str(board_dir), "--out", str(tmp_path)
    )
    assert code == 0, err
    assert out.splitlines()[:4] == [
        "actions.overdue = 1",
        "Rule: Open actions (not blue) whose due date is before the meeting date.",
        "Source rows (1):",
        f"  {OVERDUE_ROW}",
    ]
    assert "the archive holds no frozen inputs" in out
    assert "No archived figures.json for this meeting" in out


def test_trace_of_a_prefix_lists_each_key_briefly(board_dir, tmp_path, capsys):
    code, out, _ = trace(capsys, "2026-05-12", "actions", "--data", str(board_dir), "--out", str(tmp_path))  # fmt: skip
    assert code == 0
    assert "actions.overdue = 1  (1 source row)" in out
    assert "actions.total = 5  (5 source rows)" in out
    assert OVERDUE_ROW not in out  # rows only for one key


def test_an_unknown_figure_exits_2_and_suggests_the_nearest(board_dir, tmp_path, capsys):
    code, out, err = trace(
        capsys, "2026-05-12", "actions.overdeu", "--data", str(board_dir), "--out", str(tmp_path)
    )
    assert code == 2
    assert out == ""
    assert "boardbrief: no figure 'actions.overdeu' in this meeting's figures; " in err
    assert "the nearest: actions.overdue" in err


def test_an_archived_figure_that_differs_exits_3_naming_both_values(board_dir, tmp_path, capsys):
    archive = tmp_path / "2026-05-12"
    archive.mkdir()
    figures = {"actions.overdue": 5, "actions.total": 5}
    (archive / "figures.json").write_text(json.dumps(figures), encoding="utf-8")
    args = ["--data", str(board_dir), "--out", str(tmp_path)]
    code, out, err = trace(capsys, "2026-05-12", "actions.overdue", *args)
    assert code == 3
    assert "figure actions.overdue: archived 5, now 1" in err
    code, out, err = trace(capsys, "2026-05-12", "actions.total", *args)
    assert code == 0, err
    assert "Checked against the archived figures.json: the same." in out


def test_trace_reads_the_archives_frozen_inputs_before_the_data_folder(board_dir, tmp_path, capsys):
    shutil.copytree(NORTHSHIRE, tmp_path / "2026-05-12" / "inputs")
    (board_dir / "board.yml").unlink()  # today's folder is broken: the frozen copy is used
    code, out, err = trace(
        capsys, "2026-05-12", "actions.overdue", "--data", str(board_dir), "--out", str(tmp_path)
    )
    assert code == 0, err
    assert "Data: the meeting's frozen inputs" in out
    assert OVERDUE_ROW in out


def test_trace_of_the_sample_shows_no_comment_text(tmp_path):
    comments = load_board_data(SAMPLE).feedback["comment"]
    for figure in ("feedback.period.themes.transport", "feedback.quotes_shown"):
        result = run_cli("trace", "latest", figure, "--data", str(SAMPLE), "--out", str(tmp_path))
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        shown = result.stdout + result.stderr
        assert [c for c in comments if c in shown] == []
        assert "matched=" in shown or figure == "feedback.quotes_shown"


@pytest.mark.pipeline
def test_every_traced_figure_of_the_sample_is_the_one_its_render_archived(rendered_sample, capsys):
    folder = rendered_sample["folder"]
    archived = archived_figures(folder)
    traced = meeting_traces(select_meeting(load_board_data(SAMPLE), folder.name))
    assert sorted(archived) == sorted(traced.traces)
    check_archived(list(traced.traces.values()), archived)  # raises naming any difference
    args = ["--data", str(SAMPLE), "--out", str(folder.parent)]
    code, out, err = trace(capsys, folder.name, "actions.overdue", *args)
    assert code == 0, err
    assert "Checked against the archived figures.json: the same." in out
