"""The area page's blocks on the Northshire fixture: its opening sentences and its tables."""

import pytest

from boardbrief.contract.meeting import load_meeting
from boardbrief.sections.area import area_status
from boardbrief.views.area import action_histories, area_actions, summary_sentences
from tests.conftest import NORTHSHIRE


@pytest.fixture(scope="module")
def waits():
    return area_status(load_meeting(NORTHSHIRE, "2026-05-12"), "waits")


def test_summary_gives_the_rating_its_movement_actions_and_money(waits):
    assert summary_sentences(waits) == [
        "Waiting times is red, derived from its actions by the board's rule. The rule gave red "
        "at the meeting of 14 April 2026 too.",
        "It has 2 actions on the plan as at 5 May 2026: 1 red, 1 amber, 0 green and 0 complete. "
        "Of 2 open actions, 1 overdue, 1 stuck and 0 not updated.",
        "Partners have committed £200k to it (91% of all investment), of which £140k (70%) has "
        "been spent.",
    ]


def test_every_action_is_listed_with_its_flags(waits):
    table = area_actions(waits)
    assert [str(row.cells[0]) for row in table.rows] == [
        "W1: Cut the assessment backlog",
        "W2: Recruit two therapists",
    ]
    assert table.rows[0].cells[4] == "Overdue by 12 days; Stuck for 3 updates"
    assert table.rows[1].cells[4] == "None"


def test_history_has_a_dash_before_an_action_was_on_the_plan(waits):
    table = action_histories(waits)
    assert [c.label for c in table.columns] == [
        "Action",
        "10 Mar 2026",
        "14 Apr 2026",
        "12 May 2026",
    ]
    assert table.rows[1].cells[1] == "\u2013"
    assert "rag-amber" in str(table.rows[1].cells[2])
