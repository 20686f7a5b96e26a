"""The HTML blocks the notebook shows: plain-English leads and escaping, without a kernel."""

import shutil

import pytest

from boardbrief import views
from boardbrief.meeting import load_meeting


@pytest.fixture
def latest(board_dir):
    return load_meeting(board_dir, "2026-05-12")


def test_headline_names_board_meeting_and_dates(latest):
    html = str(views.headline(latest))
    assert "<h1>Northshire SEND Improvement Board</h1>" in html
    assert "Meeting of 12 May 2026" in html
    assert "<dd>5 May 2026</dd>" in html  # action plan as at
    assert "<dd>10 May 2026</dd>" in html  # latest comment on or before the meeting
    assert "the meeting of 14 April 2026" in html
    assert "Illustrative data" not in html  # sample: false


def test_headline_sample_data_says_it_is_illustrative(board_dir, edit):
    edit(board_dir / "board.yml", "sample: false", "sample: true")
    html = str(views.headline(load_meeting(board_dir, "2026-05-12")))
    assert "Illustrative data." in html


def test_actions_by_area_lead_sentence(latest):
    table = views.actions_by_area(latest)
    assert table.lead == (
        "The action plan has 5 actions: 1 red, 2 amber, 1 green, 1 complete. "
        "Derived overall rating: red. Rated red: Waiting times."
    )


def test_feedback_first_meeting_small_counts_are_worded_vaguely(board_dir):
    table = views.feedback_by_district(load_meeting(board_dir, "2026-03-10"))
    # 2 comments by 10 March, under the fixture's threshold of 3
    assert table.lead == (
        "fewer than 3 comments received so far; fewer than 3 comments in total up to this meeting."
    )
    assert [c.label for c in table.columns] == ["District", "This period", "All to date"]
    assert table.rows[-1].cells == ["All districts", "[c]", "[c]"]


def test_feedback_without_suppression_gives_exact_counts(board_dir, edit):
    edit(board_dir / "board.yml", "suppression_threshold: 3", "suppression_threshold: 1")
    table = views.feedback_by_district(load_meeting(board_dir, "2026-03-10"))
    assert table.lead == "2 comments received so far; 2 comments in total up to this meeting."
    assert table.notes == []


def test_no_feedback_at_all_still_renders(board_dir):
    shutil.rmtree(board_dir / "feedback")
    (board_dir / "feedback").mkdir()
    meeting = load_meeting(board_dir, "2026-05-12")
    assert "no comments yet" in str(views.headline(meeting))
    assert views.feedback_by_district(meeting).lead.startswith("0 comments received since")


def test_investment_lead_sentence(latest):
    assert views.investment_by_organisation(latest).lead == (
        "3 organisations have committed £220k, of which £141k (64%) has been spent."
    )


def test_text_from_the_data_is_escaped(board_dir, edit):
    edit(board_dir / "board.yml", "name: Northshire Council", "name: <script>alert(1)</script>")
    html = views.investment_by_organisation(load_meeting(board_dir, "2026-05-12"))._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
