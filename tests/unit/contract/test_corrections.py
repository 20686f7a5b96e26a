"""Corrections since a meeting: today's data against its frozen inputs, row by row, exactly."""

import datetime as dt
import shutil

import pytest

from boardbrief.contract.corrections import corrections
from boardbrief.contract.load import load_board_data
from boardbrief.contract.meeting import select_meeting

APRIL = "2026-04-14"


@pytest.fixture
def frozen_and_today(board_dir, tmp_path):
    """The April meeting's data as frozen, and a copy of the folder to correct."""
    today = tmp_path / "today"
    shutil.copytree(board_dir, today)
    return board_dir, today


def _corrections(frozen, today, as_at=APRIL):
    then = select_meeting(load_board_data(frozen), APRIL, as_at)
    now = select_meeting(load_board_data(today), APRIL, as_at).data
    return corrections(then.data, now, then.date)


def test_unchanged_data_agrees(frozen_and_today):
    assert _corrections(*frozen_and_today) == []


def test_data_that_only_grew_since_agrees(frozen_and_today, edit):
    _frozen, today = frozen_and_today
    with (today / "feedback" / "dropins.csv").open("a", encoding="utf-8", newline="") as file:
        file.write("D-20,2026-11-20,Drop-in Eastmoor,Eastmoor,parent,Said in November,yes\n")
    (today / "commentary" / "2026-05-12.md").unlink()  # a later meeting's file removed
    shutil.copyfile(today / "actions" / "2026-05-05.csv", today / "actions" / "2026-06-02.csv")
    edit(today / "board.yml", "2026-05-12]", "2026-05-12, 2026-06-09]")  # a later meeting
    assert _corrections(*frozen_and_today) == []


def test_a_changed_action_names_its_columns_old_and_new(frozen_and_today, edit):
    _frozen, today = frozen_and_today
    edit(
        today / "actions" / "2026-04-07.csv",
        "W1,waits,Cut the assessment backlog,nhs_north,2026-04-30,In progress,red,2026-04-01,"
        "Backlog at 350",
        "W1,waits,Cut the assessment backlog,nhs_north,2026-05-31,In progress,amber,2026-04-01,"
        "Backlog at 340",
    )
    assert _corrections(*frozen_and_today) == [
        "actions/2026-04-07.csv: action W1 changed: due_date 2026-04-30 -> 2026-05-31, "
        "rag red -> amber, commentary changed"
    ]


def test_a_comment_changed_added_or_removed_never_shows_its_text(frozen_and_today, edit):
    _frozen, today = frozen_and_today
    dropins = today / "feedback" / "dropins.csv"
    edit(dropins, "Westvale,carer,The school has been brilliant", "Eastmoor,carer,Great")
    edit(dropins, "D-2,", "D-20,")
    text = dropins.read_text(encoding="utf-8")
    assert "Great" in text
    lines = _corrections(*frozen_and_today)
    assert lines == [
        "feedback/dropins.csv: comment D-2 removed",  # ids in the order of their text
        "feedback/dropins.csv: comment D-20 added",
        "feedback/dropins.csv: comment D-3 changed: district Westvale -> Eastmoor, text changed",
    ]
    assert not any("Great" in line or "Nobody calls back" in line for line in lines)


def test_comments_after_the_cut_off_are_not_compared(frozen_and_today, edit):
    _frozen, today = frozen_and_today
    edit(today / "feedback" / "dropins.csv", "D-3,2026-04-02,", "D-3,2026-04-03,")
    assert _corrections(*frozen_and_today, as_at="2026-04-01") == []
    assert _corrections(*frozen_and_today) == [
        "feedback/dropins.csv: comment D-3 changed: date 2026-04-02 -> 2026-04-03"
    ]


def test_money_is_shown_in_pounds_and_settings_by_name(frozen_and_today, edit):
    _frozen, today = frozen_and_today
    register = today / "funding" / "2026-03-01.csv"
    first_line = register.read_text(encoding="utf-8").splitlines()[1]
    fields = first_line.split(",")
    line_id = fields[0]
    header = register.read_text(encoding="utf-8").splitlines()[0].split(",")
    committed = header.index("committed_gbp")
    fields[committed] = "123456.5"
    edit(register, first_line, ",".join(fields))
    edit(today / "board.yml", "suppression_threshold: 3", "suppression_threshold: 4")
    was = load_board_data(frozen_and_today[0]).funding[dt.date(2026, 3, 1)].table
    old_pounds = f"{int(was['committed_pence'].iloc[0]) / 100:.2f}"
    assert _corrections(*frozen_and_today) == [
        "board.yml: suppression_threshold 3 -> 4",
        f"funding/2026-03-01.csv: line {line_id} changed: committed_gbp {old_pounds} -> 123456.50",
    ]


def test_a_snapshot_of_the_meeting_added_or_missing_is_named(frozen_and_today):
    _frozen, today = frozen_and_today
    shutil.copyfile(today / "actions" / "2026-04-07.csv", today / "actions" / "2026-04-10.csv")
    (today / "actions" / "2026-03-01.csv").unlink()
    assert _corrections(*frozen_and_today) == [
        "actions/2026-03-01.csv: missing (the meeting read it)",
        "actions/2026-04-10.csv: added since the meeting's data was frozen",
    ]
