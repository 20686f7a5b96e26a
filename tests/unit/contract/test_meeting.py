"""Which snapshots, comments and comparison a meeting's briefing uses."""

import datetime as dt

import pytest

from boardbrief.contract.load import load_board_data
from boardbrief.contract.meeting import latest_meeting, meetings_with_data, select_meeting
from boardbrief.contract.problems import DataError


def test_select_meeting_uses_latest_snapshots_on_or_before(board_dir):
    meeting = select_meeting(load_board_data(board_dir), "2026-04-14")
    assert meeting.actions.file == "actions/2026-04-07.csv"
    assert meeting.funding.file == "funding/2026-03-01.csv"  # no April register: March's stands
    assert meeting.previous_date == dt.date(2026, 3, 10)
    assert meeting.previous_actions.file == "actions/2026-03-01.csv"
    assert meeting.previous_funding.file == "funding/2026-03-01.csv"
    assert meeting.feedback["feedback_id"].tolist() == ["D-1", "D-2", "D-3", "S-4"]


def test_select_meeting_first_meeting_has_nothing_to_compare(board_dir):
    meeting = select_meeting(load_board_data(board_dir), "2026-03-10")
    assert meeting.previous_date is None
    assert meeting.previous_actions is None
    assert meeting.previous_funding is None


def test_select_meeting_finds_its_commentary(board_dir):
    data = load_board_data(board_dir)
    assert select_meeting(data, "2026-05-12").commentary.file == "commentary/2026-05-12.md"
    assert select_meeting(data, "2026-04-14").commentary is None


def test_latest_meeting_is_the_last_with_its_own_snapshot(board_dir, edit):
    edit(board_dir / "board.yml", "2026-05-12]", "2026-05-12, 2026-06-09]")
    assert latest_meeting(load_board_data(board_dir)) == dt.date(2026, 5, 12)


def test_select_meeting_unlisted_date_lists_the_meetings(board_dir):
    with pytest.raises(DataError) as caught:
        select_meeting(load_board_data(board_dir), "2026-05-13")
    assert str(caught.value.problems[0]) == (
        "board.yml, column 'meetings': found '2026-05-13', "
        "expected a listed meeting: 2026-03-10, 2026-04-14, 2026-05-12"
    )


def test_select_meeting_without_data_is_reported(board_dir, edit):
    edit(board_dir / "board.yml", "meetings: [", "meetings: [2026-02-10, ")
    with pytest.raises(DataError) as caught:
        select_meeting(load_board_data(board_dir), "2026-02-10")
    assert str(caught.value.problems[0]) == (
        "actions/: expected an action-plan snapshot dated on or before 2026-02-10"
    )


def test_select_meeting_bad_date_text_is_reported(board_dir):
    with pytest.raises(DataError, match="'next week', expected a date as YYYY-MM-DD"):
        select_meeting(load_board_data(board_dir), "next week")


def test_meetings_with_data_needs_actions_and_funding(board_dir, edit):
    edit(board_dir / "board.yml", "meetings: [", "meetings: [2026-02-10, ")
    assert meetings_with_data(load_board_data(board_dir)) == [
        dt.date(2026, 3, 10),
        dt.date(2026, 4, 14),
        dt.date(2026, 5, 12),
    ]


def test_missing_data_is_exactly_what_render_refuses_a_meeting_without(board_dir, capsys):
    from boardbrief.cli import main
    from boardbrief.contract.meeting import has_own_snapshot, missing_data

    (board_dir / "funding" / "2026-03-01.csv").rename(board_dir / "funding" / "2026-04-01.csv")
    (board_dir / "actions" / "2026-04-07.csv").unlink()
    data = load_board_data(board_dir)
    first, second, third = data.config.meetings
    assert missing_data(data, first) == ["an investment register dated on or before it"]
    with pytest.raises(DataError, match="an investment register dated on or before 2026-03-10"):
        select_meeting(data, first)
    assert missing_data(data, second) == []
    select_meeting(data, second)  # has data, though not a plan of its own
    assert [has_own_snapshot(data, m) for m in (first, second, third)] == [True, False, True]
    assert main(["list", "--data", str(board_dir), "--out", str(board_dir / "none")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split() == [
        "2026-03-10", "no", "new", "no", "(needs", "an", "investment", "register", "dated",
        "on", "or", "before", "it)",
    ]  # fmt: skip
    assert lines[2].split() == ["2026-04-14", "yes", "unchanged", "no"]
    assert lines[3].split() == ["2026-05-12", "yes", "new", "no", "<-", "latest"]
