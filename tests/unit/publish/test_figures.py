"""figures.json's contents from the Northshire fixture: every section's keys, exact."""

import pytest

from boardbrief.contract.meeting import load_meeting
from boardbrief.publish.figures import briefing_figures
from boardbrief.sections.action_plan import action_plan_status
from boardbrief.sections.feedback import feedback_status
from boardbrief.sections.funding import funding_status
from boardbrief.sections.impact import impact_status


def all_figures(meeting):
    """figures.json's contents for a meeting, computed as the notebook does."""
    return briefing_figures(
        meeting,
        action_plan_status(meeting),
        feedback_status(meeting),
        funding_status(meeting),
        impact_status(meeting),
    )


@pytest.fixture
def meeting(board_dir):
    return load_meeting(board_dir, "2026-05-12")


def test_briefing_figures_first_meeting_has_no_movement(board_dir):
    first = load_meeting(board_dir, "2026-03-10")
    figures = all_figures(first)
    assert [figures[f"actions.{k}"] for k in ("improved", "declined", "new", "removed")] == [
        None
    ] * 4
    assert figures["meeting.previous_date"] is None


def test_briefing_figures_include_assessed_ratings_when_given(board_dir):
    commentary = board_dir / "commentary" / "2026-05-12.md"
    commentary.write_text("---\noverall_rag: A\narea_rag: {waits: red}\n---\nText.\n")
    meeting = load_meeting(board_dir, "2026-05-12")
    figures = all_figures(meeting)
    assert figures["overall.assessed_rag"] == "amber"
    assert figures["areas.waits.assessed_rag"] == "red"
    assert "areas.voice.assessed_rag" not in figures


def test_briefing_figures_exact(meeting):
    assert all_figures(meeting) == {
        "actions.declined": 0,
        "actions.improved": 0,
        "actions.new": 1,
        "actions.overdue": 1,
        "actions.overdue_green": 0,  # W1, the one overdue action, is red
        "actions.red_unexplained": 0,  # W1 says "Backlog at 300"
        "actions.removed": 0,
        "actions.stale": 1,
        "actions.stuck": 2,
        "actions.open": 4,
        "actions.rag.amber": 2,
        "actions.rag.blue": 1,
        "actions.rag.green": 1,
        "actions.rag.red": 1,
        "actions.total": 5,
        "areas.prep.rag": "amber",
        "areas.voice.rag": "green",
        "areas.waits.rag": "red",
        "data.actions_as_at": "2026-05-05",
        "data.funding_as_at": "2026-05-01",
        "feedback.period.comments": 7,
        "feedback.period.themes.praise": None,
        "feedback.period.themes.travel": None,
        "feedback.period.themes.voice": None,
        "feedback.period.themes.waiting": 3,
        "feedback.period.uncoded": 0,
        "feedback.quotes_shown": 5,
        "feedback.total.comments": 11,
        "feedback.unanswered": ["waiting", "voice", "travel", "praise"],  # no responds_to
        "feedback.you_said.praise.actions": 0,
        "feedback.you_said.travel.actions": 0,
        "feedback.you_said.voice.actions": 0,
        "feedback.you_said.waiting.actions": 0,
        "funding.area.prep.committed_gbp": 15000.0,
        "funding.area.voice.committed_gbp": 5000.0,
        "funding.area.waits.committed_gbp": 200000.5,
        "funding.changed_lines": 1,
        "funding.committed_gbp": 220000.5,
        "funding.district.Eastmoor.committed_per_child_gbp": 6.67,
        "funding.district.Kirkby Fell.committed_per_child_gbp": 5.0,
        "funding.district.Westvale.committed_per_child_gbp": 0.63,
        "funding.kind.funding.committed_gbp": 135000.5,
        "funding.kind.physical_resources.committed_gbp": 5000.0,
        "funding.kind.staff_time.committed_gbp": 80000.0,
        "funding.lines": 4,
        "funding.new_lines": 3,
        "funding.org.nhs_north.committed_gbp": 80000.0,
        "funding.org.nsc.committed_gbp": 135000.5,
        "funding.org.pcf.committed_gbp": 5000.0,
        "funding.spent_gbp": 141250.35,
        "funding.withdrawn_lines": 0,
        "board.asks": 0,  # the commentary has no front matter
        "meeting.date": "2026-05-12",
        "meeting.previous_date": "2026-04-14",
        "overall.rag": "red",
    }
