"""A meeting loaded once per kernel: the same data while the folder is unchanged, a fresh copy
for each run, and a reload as soon as any file changes."""

import os

from boardbrief.contract import reuse
from boardbrief.contract.meeting import load_meeting


def test_an_unchanged_folder_is_checked_once_and_each_run_gets_its_own_copy(board_dir, monkeypatch):
    loads = []
    real = reuse.load_board_data
    monkeypatch.setattr(reuse, "load_board_data", lambda d: loads.append(d) or real(d))
    first = reuse.load_meeting_reused(board_dir, "2026-05-12")
    second = reuse.load_meeting_reused(board_dir, "2026-05-12")
    assert len(loads) == 1
    assert first.data is not second.data
    assert first.actions.table is not second.actions.table
    first.actions.table.loc[0, "rag"] = "blue"  # one run's change never reaches the next
    assert second.actions.table.equals(load_meeting(board_dir, "2026-05-12").actions.table)


def test_a_changed_file_is_read_and_checked_again(board_dir, monkeypatch):
    reuse.load_meeting_reused(board_dir, "2026-05-12")
    plan = board_dir / "actions" / "2026-05-05.csv"
    text = plan.read_text(encoding="utf-8").replace("Backlog at 300", "Backlog at 250")
    plan.write_text(text, encoding="utf-8", newline="\n")
    os.utime(plan, ns=(plan.stat().st_atime_ns, plan.stat().st_mtime_ns + 10**9))
    again = reuse.load_meeting_reused(board_dir, "2026-05-12")
    assert "Backlog at 250" in set(again.actions.table["commentary"])


def test_once_per_meeting_only_for_the_meeting_loaded_here(board_dir):
    calls = []

    def compute():
        calls.append(1)
        return [len(calls)]

    loaded = reuse.load_meeting_reused(board_dir, "2026-05-12")
    assert reuse.once_per_meeting("x", loaded, compute) == [1]
    assert reuse.once_per_meeting("x", loaded, compute) == [1]  # kept, as a copy
    assert len(calls) == 1
    other = load_meeting(board_dir, "2026-05-12")
    assert reuse.once_per_meeting("x", other, compute) == [2]  # not loaded here: worked out
