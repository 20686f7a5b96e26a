"""`returns make`, `status`, `collect` and `list --from` on the small board: what is written,
carried forward, refused and counted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from boardbrief.cli import main
from boardbrief.contract.load import load_board_data
from boardbrief.errors import EXIT_BAD_INPUT
from boardbrief.returns import layout
from tests.returns_tools import FIXTURES, fill, fingerprint, set_cell

MEETING = "2026-04-14"


@pytest.fixture
def board(tmp_path) -> Path:
    """The small board with its returns for 14 April made in tmp_path/returns."""
    shutil.copytree(FIXTURES / "smallboard", tmp_path / "data")
    assert main(_make(tmp_path)) == 0
    return tmp_path


def _make(root: Path) -> list[str]:
    return ["returns", "make", "--data", str(root / "data"), "--out", str(root / "returns")]


def _collect(root: Path, *extra: str) -> list[str]:
    argv = ["returns", "collect", MEETING, "--from", str(root / "returns")]
    return [*argv, "--data", str(root / "data"), *extra]


def _fill_sdc(root: Path) -> None:
    fill(
        root / "returns" / f"sdc-{MEETING}.xlsx",
        actions={"W2": {"New rating": "Green", "Commentary": "Published in March"}},
        lines={"L2": {"Spent (£)": 5000}},
    )


def test_make_writes_a_workbook_per_organisation_for_the_next_meeting(board):
    assert sorted(p.name for p in (board / "returns").iterdir()) == [
        f"nhs_south-{MEETING}.xlsx",
        f"sdc-{MEETING}.xlsx",
    ]


def test_the_first_sheet_says_who_it_is_for_the_deadline_and_each_column(board):
    from openpyxl import load_workbook

    workbook = load_workbook(board / "returns" / f"sdc-{MEETING}.xlsx")
    assert workbook.sheetnames[0] == layout.HOW_TO_SHEET
    text = [c.value for c in workbook[layout.HOW_TO_SHEET]["A"] if c.value]
    assert text[0] == "Southdale SEND Partnership Board: update from Southdale Council"
    assert "Please send this workbook back by 4 April 2026." in text
    assert (
        "Actions, Commentary: progress since last time; required when the rating changes or "
        "is red." in text
    )


def test_make_gives_the_same_bytes_twice(board, tmp_path_factory):
    first = fingerprint(board / "returns")
    assert main(_make(board)) == 0
    assert fingerprint(board / "returns") == first


def test_make_never_replaces_a_returned_workbook(board, capsys):
    _fill_sdc(board)
    before = fingerprint(board / "returns")
    assert main(_make(board)) == EXIT_BAD_INPUT
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"boardbrief: {board / 'returns'} already has sdc-{MEETING}.xlsx, different from the "
        "workbook made now (perhaps filled in and returned): make never replaces one; choose "
        "another --out"
    )
    assert fingerprint(board / "returns") == before


def test_collect_writes_the_snapshots_and_the_returns_record(board, capsys):
    _fill_sdc(board)
    fill(board / "returns" / f"nhs_south-{MEETING}.xlsx", actions={"W1": {"Commentary": "Clinics"}})
    assert main(_collect(board)) == 0
    out = capsys.readouterr().out
    assert "received from 2 of 2 organisations" in out
    data = board / "data"
    assert (data / f"actions/{MEETING}.csv").read_text(encoding="utf-8") == (
        "action_id,priority_area,title,owner,due_date,status,rag,last_updated,commentary\n"
        f"W1,waits,Cut the assessment backlog,nhs_south,2026-06-30,In progress,red,{MEETING},"
        "Clinics\n"
        "W2,waits,Publish waiting times each month,sdc,2026-05-31,In progress,green,"
        f"{MEETING},Published in March\n"
        "V1,voice,Termly drop-ins in every district,sdc,2026-07-31,In progress,green,"
        "2026-02-26,Two held so far\n"
    )
    assert (data / f"funding/{MEETING}.csv").read_text(encoding="utf-8").splitlines()[2] == (
        "L2,sdc,voice,staff time,Drop-in organiser,12000,5000,Eastmoor"
    )
    assert (
        (data / f"actions/{MEETING}.returns.yml")
        .read_text(encoding="utf-8")
        .endswith(f"meeting: '{MEETING}'\nreturned:\n- sdc\n- nhs_south\ncarried_forward: []\n")
    )
    loaded = load_board_data(data)
    assert f"actions/{MEETING}.returns.yml" in loaded.files_read
    assert list(loaded.returns) == [loaded.config.meetings[-1]]


def test_collect_carries_forward_an_organisation_that_did_not_return(board, capsys):
    _fill_sdc(board)
    (board / "returns" / f"nhs_south-{MEETING}.xlsx").unlink()
    assert main(_collect(board)) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("received from 1 of 2 organisations")
    assert out[1:3] == [
        "carried forward unchanged (no return):",
        "  - nhs_south: South Community Health NHS Trust",
    ]
    written = (board / "data" / f"actions/{MEETING}.csv").read_text(encoding="utf-8")
    base = (board / "data" / "actions/2026-03-01.csv").read_text(encoding="utf-8")
    assert written.splitlines()[1] == base.splitlines()[1]  # W1, nhs_south's, as it was
    record = (board / "data" / f"actions/{MEETING}.returns.yml").read_text(encoding="utf-8")
    assert record.endswith("returned:\n- sdc\ncarried_forward:\n- nhs_south\n")


def test_collect_never_replaces_a_snapshot_unless_asked(board, capsys):
    _fill_sdc(board)
    fill(board / "returns" / f"nhs_south-{MEETING}.xlsx", actions={"W1": {"Commentary": "Clinics"}})
    assert main(_collect(board)) == 0
    before = fingerprint(board / "data")
    capsys.readouterr()
    assert main(_collect(board)) == EXIT_BAD_INPUT
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"boardbrief: the data folder already has actions/{MEETING}.csv, funding/{MEETING}.csv, "
        f"actions/{MEETING}.returns.yml: collect never replaces a snapshot (give --replace to "
        "allow it)"
    )
    assert fingerprint(board / "data") == before
    assert main(_collect(board, "--replace")) == 0
    out = capsys.readouterr().out
    sha = before[f"actions/{MEETING}.csv"]
    assert f"replaced {board / 'data' / f'actions/{MEETING}.csv'} (its SHA-256 was {sha})" in out
    assert fingerprint(board / "data") == before  # the same returns make the same files


def test_status_lists_who_is_missing_and_what_is_not_counted(board, capsys):
    set_cell(
        board / "returns" / f"sdc-{MEETING}.xlsx",
        layout.IDENTITY_SHEET,
        "B3",
        "2026-03-10",
        save_as=board / "returns" / "sdc-2026-03-10.xlsx",
    )
    (board / "returns" / f"nhs_south-{MEETING}.xlsx").unlink()
    argv = ["returns", "status", MEETING, "--from", str(board / "returns")]
    assert main([*argv, "--data", str(board / "data")]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "returns for the meeting of 14 April 2026 (due 4 April 2026): received from 1 of 2 "
        "organisations",
        "still to return (the chasing list):",
        "  - nhs_south: South Community Health NHS Trust",
        "not counted (not a workbook for this meeting, or unreadable):",
        "  - sdc-2026-03-10.xlsx",
    ]


def test_list_from_counts_the_returns_for_the_next_meeting(board, capsys):
    argv = ["list", "--data", str(board / "data"), "--out", str(board / "briefings")]
    assert main([*argv, "--from", str(board / "returns")]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert last == f"returns for {MEETING} in {board / 'returns'}: 2 of 2 organisations"


def test_make_after_the_last_meeting_is_collected_says_to_add_one(board, capsys):
    _fill_sdc(board)
    fill(board / "returns" / f"nhs_south-{MEETING}.xlsx", actions={"W1": {"Commentary": "Clinics"}})
    assert main(_collect(board)) == 0
    capsys.readouterr()
    assert main(_make(board)) == EXIT_BAD_INPUT
    assert capsys.readouterr().err.endswith(
        f"board.yml lists no meeting after {MEETING}, the latest with an action-plan snapshot "
        "of its own: add the next meeting's date under 'meetings'\n"
    )


def test_collect_from_a_folder_that_does_not_exist_is_refused(board, capsys):
    argv = ["returns", "collect", MEETING, "--from", str(board / "nowhere")]
    assert main([*argv, "--data", str(board / "data")]) == EXIT_BAD_INPUT
    assert capsys.readouterr().err == (
        f"boardbrief: the returns folder {board / 'nowhere'} does not exist\n"
    )
