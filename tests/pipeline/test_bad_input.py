"""Bad input through the command: exit code 2, a plain message, and briefings/ left as it was."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from boardbrief.cli import main
from tests.pipeline.conftest import fingerprint, run_cli

ACTIONS = "actions/2026-05-05.csv"
FUNDING = "funding/2026-05-01.csv"
DROPINS = "feedback/dropins.csv"


def replace(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        path = data / relative
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def remove(relative: str) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        target = data / relative
        shutil.rmtree(target) if target.is_dir() else target.unlink()

    return apply


CASES = {
    "unknown area": (replace(ACTIONS, "W2,waits,", "W2,wait,"), f"{ACTIONS}, row 3, column 'priority_area'"),
    "unknown organisation": (replace(FUNDING, "L3,pcf,", "L3,forum,"), f"{FUNDING}, row 4, column 'organisation'"),
    "unknown district": (replace(DROPINS, ",Westvale,carer", ",Westdale,carer"), f"{DROPINS}, row 4, column 'district'"),
    "duplicate id": (replace(ACTIONS, "V2,voice,", "W2,voice,"), f"{ACTIONS}, row 5, column 'action_id'"),
    "bad date": (replace(ACTIONS, "2026-09-30", "31/02/2026"), f"{ACTIONS}, row 3, column 'due_date'"),
    "bad amount": (replace(FUNDING, "Two therapists,80000,", "Two therapists,lots,"), f"{FUNDING}, row 3, column 'committed_gbp'"),
    "negative money": (replace(FUNDING, "5000,1250.10", "5000,-1"), f"{FUNDING}, row 4, column 'spent_gbp'"),
    "spent over committed": (replace(FUNDING, "5000,1250.10", "5000,9000"), f"{FUNDING}, row 4, column 'spent_gbp'"),
    "missing file": (remove("board.yml"), "board.yml: expected this file to exist"),
    "missing folder": (remove("feedback"), "feedback/: expected this folder to exist"),
    "missing column": (replace(DROPINS, ",consent_to_quote", ",consent"), f"{DROPINS}, row 1, column 'consent_to_quote'"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(CASES))
def test_render_bad_input_exits_2_and_leaves_briefings(case, board_dir, previous_briefings, capsys):
    damage, where = CASES[case]
    damage(board_dir)
    before = fingerprint(previous_briefings)
    code = main(["render", "--data", str(board_dir), "--out", str(previous_briefings)])
    captured = capsys.readouterr()
    assert code == 2
    assert where in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""
    assert fingerprint(previous_briefings) == before


def test_render_bad_input_in_a_fresh_process_shows_no_traceback(board_dir, tmp_path):
    replace(ACTIONS, "2026-09-30", "2026-13-01")(board_dir)
    out = tmp_path / "never-created"
    result = run_cli("render", "--data", str(board_dir), "--out", str(out))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"{ACTIONS}, row 3, column 'due_date': found '2026-13-01'" in result.stderr
    assert not out.exists()


def test_validate_good_data_exits_0(board_dir, capsys):
    assert main(["validate", "--data", str(board_dir)]) == 0
    assert "all 10 files meet the data contract" in capsys.readouterr().out


def test_validate_counts_one_register_in_the_singular(board_dir, capsys):
    (board_dir / "funding" / "2026-05-01.csv").unlink()
    assert main(["validate", "--data", str(board_dir)]) == 0
    assert "(3 action snapshots, 1 investment register, " in capsys.readouterr().out


def test_validate_warns_when_comments_are_quoted_with_no_names_listed(board_dir, edit, capsys):
    assert main(["validate", "--data", str(board_dir)]) == 0  # Northshire lists no names
    warning = capsys.readouterr().err
    assert "warning: board.yml quotes comments (quotes_per_theme is 2)" in warning
    assert "lists no names under 'redact'" in warning
    edit(board_dir / "board.yml", "meetings:", "redact: [Alfie]\nmeetings:")
    assert main(["validate", "--data", str(board_dir)]) == 0
    assert "warning" not in capsys.readouterr().err


def test_render_unlisted_meeting_exits_2(board_dir, tmp_path, capsys):
    assert main(["render", "2026-05-13", "--data", str(board_dir), "--out", str(tmp_path)]) == 2
    assert "expected a listed meeting" in capsys.readouterr().err


def test_render_into_the_data_folder_is_refused(board_dir, capsys):
    before = {p: p.stat().st_mtime_ns for p in board_dir.rglob("*")}
    assert main(["render", "--data", str(board_dir), "--out", str(board_dir / "out")]) == 2
    assert "cannot be written into the data folder" in capsys.readouterr().err
    assert {p: p.stat().st_mtime_ns for p in board_dir.rglob("*")} == before


def test_render_to_a_file_is_refused(board_dir, tmp_path, capsys):
    target = tmp_path / "a-file"
    target.write_text("keep me", encoding="utf-8")
    assert main(["render", "--data", str(board_dir), "--out", str(target)]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep me"


def test_zero_commitment_renders(board_dir, tmp_path):
    (board_dir / FUNDING).write_text(
        "line_id,organisation,priority_area,kind,description,committed_gbp,spent_gbp,district\n"
        "L1,nsc,waits,staff time,Seconded officer,0,0,\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run_cli("render", "--no-area-pages", "--data", str(board_dir), "--out", str(out))
    assert result.returncode == 0, result.stderr
    html = (out / "2026-05-12" / "briefing.html").read_text(encoding="utf-8")
    assert "1 organisation has committed £0, of which £0 (\u2013) has been spent." in html
