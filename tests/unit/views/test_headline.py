"""The headline block: board, meeting and the dates the data is as at."""

import pytest

from boardbrief import views
from boardbrief.contract.meeting import load_meeting


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
