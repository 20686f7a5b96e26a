"""`boardbrief export`: the analysts' CSV files through the real command, and what it refuses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from boardbrief.cli import main
from tests.conftest import NORTHSHIRE
from tests.pipeline.conftest import fingerprint, obeying_permissions, run_cli

TABLES = [
    "actions.csv",
    "feedback_coding.csv",
    "feedback_themes.csv",
    "funding_lines.csv",
    "investment_per_child.csv",
    "you_said_we_did.csv",
]


def test_export_writes_the_tables_of_the_latest_meeting(board_dir, tmp_path):
    out = tmp_path / "exports"
    result = run_cli("export", "--data", str(board_dir), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    folder = out / "2026-05-12"
    assert result.stdout.splitlines() == [str((folder / name).resolve()) for name in TABLES]
    assert sorted(p.name for p in folder.iterdir()) == TABLES  # no temporary file left
    assert (folder / "actions.csv").read_bytes().startswith(b"\xef\xbb\xbfmeeting,action_id,")


def test_export_bad_data_exits_2_and_writes_nothing(board_dir, tmp_path, edit):
    out = tmp_path / "exports"
    assert main(["export", "2026-04-14", "--data", str(board_dir), "--out", str(out)]) == 0
    before = fingerprint(out)
    edit(board_dir / "actions/2026-05-05.csv", "2026-09-30", "2026-13-01")
    result = run_cli("export", "2026-04-14", "--data", str(board_dir), "--out", str(out))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "actions/2026-05-05.csv, row 3, column 'due_date': found '2026-13-01'" in result.stderr
    assert result.stdout == ""
    assert fingerprint(out) == before  # the earlier export is untouched


def test_export_into_a_missing_folder_with_bad_data_creates_nothing(board_dir, tmp_path, capsys):
    (board_dir / "board.yml").unlink()
    out = tmp_path / "never-created"
    assert main(["export", "--data", str(board_dir), "--out", str(out)]) == 2
    assert "board.yml: expected this file to exist" in capsys.readouterr().err
    assert not out.exists()


def test_export_again_gives_the_same_bytes(board_dir, tmp_path):
    out = tmp_path / "exports"
    assert main(["export", "latest", "--data", str(board_dir), "--out", str(out)]) == 0
    first = fingerprint(out)
    assert main(["export", "2026-05-12", "--data", str(board_dir), "--out", str(out)]) == 0
    assert fingerprint(out) == first
    assert sorted(first) == [f"2026-05-12/{name}" for name in TABLES]


def test_export_unlisted_meeting_exits_2(board_dir, tmp_path, capsys):
    out = tmp_path / "exports"
    assert main(["export", "2026-05-13", "--data", str(board_dir), "--out", str(out)]) == 2
    assert "expected a listed meeting" in capsys.readouterr().err
    assert not out.exists()


def test_export_into_the_data_folder_is_refused(board_dir, capsys):
    before = fingerprint(board_dir)
    assert main(["export", "--data", str(board_dir), "--out", str(board_dir / "out")]) == 2
    assert "exports cannot be written into the data folder" in capsys.readouterr().err
    assert fingerprint(board_dir) == before


def test_export_to_a_file_is_refused(board_dir, tmp_path: Path, capsys):
    target = tmp_path / "a-file"
    target.write_text("keep me", encoding="utf-8")
    assert main(["export", "--data", str(board_dir), "--out", str(target)]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep me"


def test_export_into_a_read_only_folder_fails_clearly(tmp_path):
    out = tmp_path / "exports"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = subprocess.run(
            [*obeying_permissions(), sys.executable, "-m", "boardbrief", "export",
             "--data", str(NORTHSHIRE), "--out", str(out)],
            capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
    finally:
        out.chmod(0o755)
    assert result.returncode == 1, result.stderr
    assert f"cannot write to {out}: permission denied" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(out.iterdir()) == []


def test_export_over_a_file_held_open_exits_1_naming_it_and_changes_nothing(
    board_dir, tmp_path, monkeypatch, capsys
):
    from boardbrief.publish import folders

    out = tmp_path / "exports"
    assert main(["export", "--data", str(board_dir), "--out", str(out)]) == 0
    before = fingerprint(out)
    capsys.readouterr()

    def held(source, target):  # as Windows answers while Excel or OneDrive holds the file
        raise PermissionError(13, "The process cannot access the file", str(target))

    monkeypatch.setattr(folders.os, "replace", held)
    monkeypatch.setattr(folders.time, "sleep", lambda seconds: None)
    assert main(["export", "--data", str(board_dir), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"cannot replace the file {out / '2026-05-12' / 'actions.csv'}: it is in use" in err
    assert "open in Excel" in err and "synced by OneDrive" in err
    assert "Traceback" not in err
    assert fingerprint(out) == before
