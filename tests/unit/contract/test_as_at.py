"""The cut-off: a meeting's own dated files, and dated rows up to its cut-off, nothing later."""

import datetime as dt
from dataclasses import replace

import pandas as pd
import pytest

from boardbrief.contract.as_at import cut_off, data_as_at, dated_after
from boardbrief.contract.load import load_board_data
from boardbrief.contract.measures import Measures
from boardbrief.contract.meeting import select_meeting
from boardbrief.contract.problems import DataError
from tests.conftest import NORTHSHIRE_APRIL_FILES

MAY = dt.date(2026, 5, 12)


def test_cut_off_defaults_to_the_meeting_date(board_dir):
    assert cut_off(load_board_data(board_dir), MAY) == MAY


def test_cut_off_defaults_to_papers_due_days_before_the_meeting(board_dir, edit):
    edit(board_dir / "board.yml", "meetings:", "papers_due_days: 7\nmeetings:")
    data = load_board_data(board_dir)
    assert cut_off(data, MAY) == dt.date(2026, 5, 5)
    assert cut_off(data, MAY, "2026-05-10") == dt.date(2026, 5, 10)  # --as-at wins


def test_cut_off_after_the_meeting_is_refused(board_dir):
    with pytest.raises(DataError) as raised:
        cut_off(load_board_data(board_dir), MAY, "2026-05-13")
    assert str(raised.value.problems[0]) == (
        "as at date: found '2026-05-13', expected a date on or before the meeting, 2026-05-12"
    )


def test_cut_off_that_is_not_a_date_is_refused(board_dir):
    with pytest.raises(DataError) as raised:
        cut_off(load_board_data(board_dir), MAY, "12/05/2026")
    assert str(raised.value.problems[0]) == (
        "as at date: found '12/05/2026', expected a date as YYYY-MM-DD"
    )


def test_comments_after_the_cut_off_are_dropped_and_the_meetings_papers_kept(board_dir):
    meeting = select_meeting(load_board_data(board_dir), "2026-05-12", "2026-05-01")
    assert meeting.as_at == dt.date(2026, 5, 1)
    assert sorted(meeting.feedback["feedback_id"]) == [
        "D-1", "D-2", "D-3", "D-4", "D-5", "D-6", "S-1", "S-2", "S-4",
    ]  # fmt: skip
    # the snapshot dated after the cut-off is the meeting's own paper: kept
    assert meeting.actions.file == "actions/2026-05-05.csv"
    assert meeting.commentary.file == "commentary/2026-05-12.md"


def test_the_default_cut_off_keeps_every_comment_up_to_the_meeting(board_dir):
    meeting = select_meeting(load_board_data(board_dir), "2026-05-12")
    assert meeting.as_at == MAY
    assert "S-3" in set(meeting.feedback["feedback_id"])  # dated 10 May
    assert "D-8" not in set(meeting.feedback["feedback_id"])  # dated 20 May, after the meeting


def test_files_dated_after_the_meeting_are_not_the_meetings(board_dir):
    meeting = select_meeting(load_board_data(board_dir), "2026-04-14")
    assert meeting.data.files_read == NORTHSHIRE_APRIL_FILES
    assert list(meeting.data.actions) == [dt.date(2026, 3, 1), dt.date(2026, 4, 7)]
    assert list(meeting.data.funding) == [dt.date(2026, 3, 1)]
    assert meeting.data.commentary == {}


def test_measures_values_after_the_cut_off_are_dropped(board_dir):
    data = load_board_data(board_dir)
    values = pd.DataFrame(
        {
            "measure_id": ["m1", "m1", "m1"],
            "period_end": pd.to_datetime(["2026-03-31", "2026-04-30", "2026-05-31"]),
            "value": [1.0, 2.0, 3.0],
        }
    )
    data = replace(data, measures=Measures(definitions=(), values=values))
    cut = data_as_at(data, MAY, dt.date(2026, 4, 30))
    assert cut.measures.values["value"].tolist() == [1.0, 2.0]


def test_cutting_twice_changes_nothing(board_dir):
    once = data_as_at(load_board_data(board_dir), MAY, dt.date(2026, 5, 1))
    twice = data_as_at(once, MAY, dt.date(2026, 5, 1))
    assert twice.files_read == once.files_read
    assert twice.feedback.equals(once.feedback)


@pytest.mark.parametrize(
    ("name", "after"),
    [
        ("actions/2026-05-13.csv", True),
        ("actions/2026-05-12.csv", False),
        ("actions/2026-05-13.returns.yml", True),
        ("commentary/2026-06-01.md", True),
        ("risks/2026-05-20.xlsx", True),
        ("funding/2026-05-01.csv", False),
        ("feedback/2026-06-01.csv", False),  # feedback files are not dated: their rows are
        ("measures/returns-2026-06-01.csv", False),
        ("board.yml", False),
    ],
)
def test_dated_after_knows_the_dated_folders(name, after):
    assert dated_after(name, MAY) is after
