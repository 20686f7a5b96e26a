"""'About this briefing': which figures are computed and what people entered by hand, and the
cut-off said in words only when it is not the meeting date."""

import dataclasses

from boardbrief import views
from boardbrief.contract.commentary import Commentary
from boardbrief.contract.load import load_board_data
from boardbrief.contract.meeting import load_meeting, select_meeting
from boardbrief.views.about import about, typed_by_hand


def test_about_no_longer_claims_that_nothing_is_typed_by_hand(board_dir):
    html = about(load_meeting(board_dir, "2026-05-12")).markup
    assert "no figure typed by hand" not in html
    assert "People entered the data itself: each action&#39;s rating" in html
    assert "is computed from those files by the rules written into boardbrief." in html


def test_typed_by_hand_names_only_what_the_board_keeps(board_dir):
    meeting = load_meeting(board_dir, "2026-05-12")  # no risks, no measures, plain commentary
    entered = typed_by_hand(meeting)["entered"]
    assert entered.startswith(
        "People entered the data itself: each action's rating (red, amber, green or complete), "
        "dates and latest update, as its owner reported them; the amounts each partner has "
        "committed and spent; and what families said and the ratings they gave. "
        "The lead officer wrote the commentary. The numbers in the commentary are typed by hand"
    )
    assert "risk" not in entered and "assessed" not in entered


def test_typed_by_hand_says_the_assessed_ratings_and_asks_are_the_officers(board_dir):
    meeting = load_meeting(board_dir, "2026-05-12")
    officer = Commentary("commentary/2026-05-12.md", "Text.", "amber", {}, ("Agree a date.",))
    entered = typed_by_hand(dataclasses.replace(meeting, commentary=officer))["entered"]
    assert (
        "The lead officer wrote the commentary, what the board is asked to do and the assessed "
        "overall and area ratings: those ratings are the officer's judgement, shown beside the "
        "ratings derived from the actions."
    ) in entered


def test_typed_by_hand_without_commentary_says_nothing_of_one(board_dir):
    meeting = dataclasses.replace(load_meeting(board_dir, "2026-05-12"), commentary=None)
    assert "commentary" not in typed_by_hand(meeting)["entered"]


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
