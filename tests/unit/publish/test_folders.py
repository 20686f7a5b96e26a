"""Locked files: a replace that meets PermissionError is retried, then refused naming the file."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from boardbrief.errors import RenderError
from boardbrief.publish import folders
from boardbrief.publish.exports import write_csvs
from boardbrief.publish.folders import can_write_in, replace_retrying
from boardbrief.publish.staging import publish_folder
from tests.pipeline.conftest import obeying_permissions

REAL_REPLACE, REAL_RENAME = os.replace, os.rename


@pytest.fixture
def sleeps(monkeypatch) -> list[float]:
    """The retries' waits, recorded instead of slept."""
    waited: list[float] = []
    monkeypatch.setattr(folders.time, "sleep", waited.append)
    return waited


def _held(monkeypatch, times: int | None, held: Path | None = None) -> list[tuple[str, str]]:
    """os.replace and os.rename raising PermissionError `times` times (None: always), as Windows
    does while another program holds the file."""
    calls: list[tuple[str, str]] = []

    def replace(source, target):
        calls.append((str(source), str(target)))
        concerned = held is None or held in (Path(source), Path(target))
        if concerned and (times is None or len(calls) <= times):
            raise PermissionError(13, "The process cannot access the file", str(target))
        (REAL_RENAME if Path(source).is_dir() else REAL_REPLACE)(source, target)

    monkeypatch.setattr(folders.os, "replace", replace)
    monkeypatch.setattr(folders.os, "rename", replace)  # folders are renamed
    return calls


def test_replace_retrying_waits_out_a_brief_hold(tmp_path, monkeypatch, sleeps):
    source, target = tmp_path / "new.csv", tmp_path / "actions.csv"
    source.write_bytes(b"new")
    target.write_bytes(b"old")
    calls = _held(monkeypatch, times=3)
    replace_retrying(source, target)
    assert target.read_bytes() == b"new"
    assert not source.exists()
    assert len(calls) == 4
    assert sleeps == [0.1, 0.2, 0.4]


def test_replace_retrying_refuses_a_lasting_hold_naming_the_file(tmp_path, monkeypatch, sleeps):
    source, target = tmp_path / "new.csv", tmp_path / "actions.csv"
    source.write_bytes(b"new")
    target.write_bytes(b"old")
    _held(monkeypatch, times=None)
    with pytest.raises(RenderError) as raised:
        replace_retrying(source, target)
    assert raised.value.message() == (
        f"cannot replace the file {target}: it is in use (open in Excel or another program? "
        "synced by OneDrive? close it and run again); nothing was changed"
    )
    assert raised.value.exit_code == 1
    assert target.read_bytes() == b"old"
    assert source.read_bytes() == b"new"
    assert sleeps == list(folders.RETRY_DELAYS)


def test_publish_folder_with_the_old_briefing_held_keeps_it(tmp_path, monkeypatch, sleeps):
    final, staging = tmp_path / "2026-05-12", tmp_path / ".2026-05-12-staging"
    final.mkdir()
    (final / "briefing.html").write_text("old", encoding="utf-8")
    staging.mkdir()
    (staging / "briefing.html").write_text("new", encoding="utf-8")
    _held(monkeypatch, times=None, held=final)
    with pytest.raises(RenderError, match=f"cannot replace the folder {final}: it is in use"):
        publish_folder(staging, final)
    assert (final / "briefing.html").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".2026-05-12-staging", "2026-05-12"]


def test_publish_folder_that_cannot_move_the_new_one_in_puts_the_old_back(
    tmp_path, monkeypatch, sleeps
):
    final, staging = tmp_path / "2026-05-12", tmp_path / ".2026-05-12-staging"
    final.mkdir()
    (final / "briefing.html").write_text("old", encoding="utf-8")
    staging.mkdir()
    _held(monkeypatch, times=None, held=staging)
    with pytest.raises(RenderError, match="it is in use"):
        publish_folder(staging, final)
    assert (final / "briefing.html").read_text(encoding="utf-8") == "old"
    assert not (tmp_path / ".2026-05-12-previous").exists()


def test_write_csvs_with_one_file_open_in_excel_replaces_none(tmp_path, monkeypatch, sleeps):
    (tmp_path / "a.csv").write_bytes(b"old a")
    (tmp_path / "b.csv").write_bytes(b"old b")
    real_open = Path.open

    def open_held(path, mode="r", *args, **kwargs):  # Excel denies other programs' writes
        if path.name == "b.csv" and mode != "rb":
            raise PermissionError(13, "The process cannot access the file", str(path))
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_held)
    frame = pd.DataFrame({"x": [1]})
    with pytest.raises(RenderError, match=f"cannot replace the file {tmp_path / 'b.csv'}"):
        write_csvs({"a.csv": frame, "b.csv": frame}, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]  # no temporaries
    assert (tmp_path / "a.csv").read_bytes() == b"old a"


def test_can_write_in_creates_and_removes_a_probe(tmp_path):
    assert can_write_in(tmp_path)
    assert list(tmp_path.iterdir()) == []
    assert not can_write_in(tmp_path / "missing")


def test_read_only_target_folder_is_refused_at_once_without_retrying(tmp_path):
    """A real read-only folder (root's override dropped): no waiting, no blame on Excel."""
    folder = tmp_path / "exports"
    folder.mkdir()
    (tmp_path / "new.csv").write_bytes(b"new")
    (folder / "actions.csv").write_bytes(b"old")
    folder.chmod(0o555)
    code = textwrap.dedent(
        f"""
        from pathlib import Path
        from boardbrief.errors import RenderError
        from boardbrief.publish import folders
        folders.time.sleep = lambda seconds: print("slept", seconds)
        assert not folders.can_write_in(Path({str(folder)!r}))
        try:
            folders.replace_retrying(Path({str(tmp_path / "new.csv")!r}),
                                     Path({str(folder / "actions.csv")!r}))
        except RenderError as error:
            print(error.message())
        """
    )
    try:
        result = subprocess.run(
            [*obeying_permissions(), sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        folder.chmod(0o755)
    assert result.stdout == f"cannot write to {folder}: permission denied\n", result.stderr
    assert (folder / "actions.csv").read_bytes() == b"old"
