"""'About this briefing': the cut-off said in words only when it is not the meeting date."""

from boardbrief import views
from boardbrief.contract.load import load_board_data
from boardbrief.contract.meeting import select_meeting

CUT_OFF = "Only data dated on or before"


def test_about_names_a_cut_off_before_the_meeting(board_dir):
    meeting = select_meeting(load_board_data(board_dir), "2026-05-12", "2026-05-01")
    assert (
        "<p>Only data dated on or before 1 May 2026, the cut-off for the board's papers, is "
        "counted: comments and figures dated after it are left for the next meeting.</p>"
    ) in str(views.about(meeting))


def test_about_says_nothing_of_a_cut_off_on_the_meeting_date(board_dir):
    meeting = select_meeting(load_board_data(board_dir), "2026-05-12")
    assert CUT_OFF not in str(views.about(meeting))
