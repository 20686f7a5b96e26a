"""Exact figures from the Northshire fixture's latest meeting: actions, feedback, funding."""

import pandas as pd
import pytest

from boardbrief.contract.meeting import load_meeting
from boardbrief.publish.figures import briefing_figures
from boardbrief.sections import action_plan, feedback, funding
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


def test_rag_counts_by_area_exact(meeting):
    table = action_plan.rag_counts_by_area(meeting.actions.table, meeting.config)
    assert table.to_dict("records") == [
        {"priority_area": "waits", "name": "Waiting times", "red": 1, "amber": 1, "green": 0,
         "blue": 0, "total": 2, "derived_rag": "red"},
        {"priority_area": "voice", "name": "Voice of families", "red": 0, "amber": 0, "green": 1,
         "blue": 1, "total": 2, "derived_rag": "green"},
        {"priority_area": "prep", "name": "Preparing for adulthood", "red": 0, "amber": 1,
         "green": 0, "blue": 0, "total": 1, "derived_rag": "amber"},
    ]  # fmt: skip


def test_rag_counts_by_area_area_without_actions_is_complete(meeting):
    only_waits = meeting.actions.table[meeting.actions.table["priority_area"] == "waits"]
    table = action_plan.rag_counts_by_area(only_waits, meeting.config)
    assert table.set_index("priority_area").loc["prep", ["total", "derived_rag"]].tolist() == [
        0,
        "blue",
    ]


def test_comments_by_district_suppresses_and_hides_the_next_smallest(meeting):
    period = feedback.in_period(meeting.feedback, meeting.previous_date, meeting.date)
    table = feedback.comments_by_district(period, meeting.feedback, meeting.config)
    assert table["district"].tolist() == ["Eastmoor", "Westvale", "Kirkby Fell", "Not recorded"]
    # period: 4, 1, 1, 1 -> three 1s sum to 3 hidden cells, so Eastmoor's 4 is hidden too
    assert table["period"].isna().tolist() == [True, True, True, True]
    # to date: 6, 3, 1, 1 -> the two 1s sum to 2 (< 3), so Westvale's 3 is hidden too
    assert table["to_date"].tolist()[0] == 6
    assert table["to_date"].isna().tolist() == [False, True, True, True]


def test_in_period_runs_from_the_day_after_the_previous_meeting(meeting):
    period = feedback.in_period(meeting.feedback, meeting.previous_date, meeting.date)
    assert sorted(period["feedback_id"]) == ["D-4", "D-5", "D-6", "D-7", "S-1", "S-2", "S-3"]


def test_investment_by_organisation_pennies_exact(meeting):
    table = funding.investment_by_organisation(meeting.funding.table, meeting.config)
    assert table[["organisation", "lines", "committed_pence", "spent_pence"]].to_dict("list") == {
        "organisation": ["nsc", "nhs_north", "pcf"],
        "lines": [2, 1, 1],
        "committed_pence": [13500050, 8000000, 500000],
        "spent_pence": [6000025, 8000000, 125010],
    }
    assert table["spend_rate"].round(4).tolist() == [0.4444, 1.0, 0.25]


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


def test_spend_rate_nothing_committed_is_missing():
    rate = funding.spend_rate(pd.Series([0, 5]), pd.Series([0, 10]))
    assert rate.isna().tolist() == [True, False]


def test_briefing_figures_exact(meeting):
    assert all_figures(meeting) == {
        "actions.declined": 0,
        "actions.improved": 0,
        "actions.new": 1,
        "actions.overdue": 1,
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
        "funding.new_lines": 3,
        "funding.org.nhs_north.committed_gbp": 80000.0,
        "funding.org.nsc.committed_gbp": 135000.5,
        "funding.org.pcf.committed_gbp": 5000.0,
        "funding.spent_gbp": 141250.35,
        "funding.withdrawn_lines": 0,
        "meeting.date": "2026-05-12",
        "meeting.previous_date": "2026-04-14",
        "overall.rag": "red",
    }
