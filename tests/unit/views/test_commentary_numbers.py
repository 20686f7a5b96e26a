"""The analysts' list of typed numbers in the commentary that match no figure of the briefing."""

import dataclasses
import re

import pytest

from boardbrief.contract.commentary import Commentary
from boardbrief.contract.meeting import load_meeting
from boardbrief.views import unmatched_commentary_numbers

FIGURES = {"actions.overdue": 15, "actions.total": 53, "funding.committed_gbp": 14705489.24}


@pytest.fixture
def meeting(board_dir):
    return load_meeting(board_dir, "2026-05-12")


def with_commentary(meeting, text):
    return dataclasses.replace(meeting, commentary=Commentary("commentary/2026-05-12.md", text))


def test_each_unmatched_number_is_a_row_naming_its_line_and_what_is_computed(meeting):
    text = "Of the 53 actions on the plan,\n2 are past their due date. We met 99 times."
    html = unmatched_commentary_numbers(with_commentary(meeting, text), FIGURES).markup
    assert "2 numbers match none: check them with the officer" in html
    assert "<caption>Numbers in the commentary that match no figure of this briefing" in html
    cells = [cell.strip() for cell in re.findall(r"<t[hd][^>]*>([^<]*)</t[hd]>", html)]
    assert cells[4:] == [
        "2",
        "2",
        "2 are past their due date.",
        "Actions past their due date: 15",
        "99",
        "2",
        "We met 99 times.",
        "No figure matches it",
    ]


def test_a_commentary_whose_numbers_all_match_says_so(meeting):
    text = "Of the 53 actions on the plan, 15 are past their due date."
    html = unmatched_commentary_numbers(with_commentary(meeting, text), FIGURES).markup
    assert "Every number in it matches a figure of this briefing." in html
    assert "<table" not in html


def test_a_commentary_with_no_numbers_says_so(meeting):
    text = "Waiting times remain the board's main concern."
    html = unmatched_commentary_numbers(with_commentary(meeting, text), FIGURES).markup
    assert "The lead officer&#39;s commentary has no numbers in it to check." in html
    assert "matches a figure" not in html


def test_no_commentary_says_there_is_nothing_to_check(meeting):
    html = unmatched_commentary_numbers(dataclasses.replace(meeting, commentary=None), {}).markup
    assert "no commentary from the lead officer" in html


def test_the_list_escapes_what_the_officer_typed(meeting):
    text = "<script>x</script> 99 times."
    html = unmatched_commentary_numbers(with_commentary(meeting, text), FIGURES).markup
    assert "<script>" not in html and "&lt;script&gt;" in html
