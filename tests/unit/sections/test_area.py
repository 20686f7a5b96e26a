"""One priority area in depth, on the Northshire fixture: exact ratings, histories, flags, money."""

import datetime as dt

import pandas as pd
import pytest

from boardbrief.contract.meeting import load_meeting
from boardbrief.contract.problems import DataError
from boardbrief.sections.action_plan import action_plan_status
from boardbrief.sections.area import ANSWERED, IN_CODEBOOK, area_status
from tests.conftest import NORTHSHIRE

MEETINGS = [dt.date(2026, 3, 10), dt.date(2026, 4, 14), dt.date(2026, 5, 12)]


@pytest.fixture(scope="module")
def meeting():
    return load_meeting(NORTHSHIRE, "2026-05-12")


def test_area_status_ratings_at_every_meeting_are_the_rules(meeting):
    focus = area_status(meeting, "waits")
    assert focus.ratings[["meeting", "red", "amber", "green", "blue", "total"]].to_dict(
        "records"
    ) == [
        {"meeting": MEETINGS[0], "red": 1, "amber": 0, "green": 0, "blue": 0, "total": 1},
        {"meeting": MEETINGS[1], "red": 1, "amber": 1, "green": 0, "blue": 0, "total": 2},
        {"meeting": MEETINGS[2], "red": 1, "amber": 1, "green": 0, "blue": 0, "total": 2},
    ]
    assert list(focus.ratings["derived_rag"]) == ["red", "red", "red"]
    assert focus.derived_rag == "red"


def test_area_status_agrees_with_the_briefings_area_ratings(meeting):
    plan = action_plan_status(meeting)
    for area in meeting.config.priority_areas:
        focus = area_status(meeting, area)
        row = plan.areas.set_index("priority_area").loc[area]
        assert focus.totals == {rag: int(row[rag]) for rag in ("red", "amber", "green", "blue")}
        assert focus.derived_rag == row["derived_rag"]
        assert len(focus.actions) == row["total"]


def test_action_histories_have_one_column_per_meeting_and_a_gap_before_an_action_began(meeting):
    focus = area_status(meeting, "waits")
    assert list(focus.history.columns) == MEETINGS
    assert focus.history.loc["W1"].tolist() == ["red", "red", "red"]
    assert focus.history.loc["W2"].tolist() == [None, "amber", "amber"]


def test_flags_are_the_briefings_overdue_stuck_and_stale_lists(meeting):
    focus = area_status(meeting, "waits").actions.set_index("action_id")
    assert focus.loc["W1", "days_overdue"] == 12  # due 30 April, meeting 12 May
    assert focus.loc["W1", "stuck_snapshots"] == 3
    assert pd.isna(focus.loc["W2", "days_overdue"])
    prep = area_status(meeting, "prep").actions.set_index("action_id")
    assert prep.loc["P1", "days_since_update"] == 86  # last updated 15 February


def test_investment_is_the_areas_lines_only(meeting):
    focus = area_status(meeting, "waits")
    assert focus.money["committed_pence"] == 12_000_050 + 8_000_000
    assert focus.money["lines"] == 2
    assert list(focus.by_organisation["organisation"]) == ["nsc", "nhs_north"]
    assert focus.over_time["meeting"].tolist() == MEETINGS


def test_linked_themes_come_from_the_codebook_and_from_responds_to(northshire_with_links):
    meeting = load_meeting(northshire_with_links, "2026-05-12")
    focus = area_status(meeting, "voice")
    linked = dict(zip(focus.themes["theme"], focus.themes["linked_by"], strict=True))
    assert linked == {"voice": IN_CODEBOOK, "travel": ANSWERED}
    answering = dict(zip(focus.themes["theme"], focus.themes["answering"], strict=True))
    assert answering == {"voice": ["V1", "V2"], "travel": ["V2"]}


def test_commentary_under_the_areas_heading_only(meeting):
    assert area_status(meeting, "waits").commentary is None  # the fixture's has no headings


def test_an_unknown_area_is_a_data_error_listing_the_ids(meeting):
    with pytest.raises(DataError, match=r"a priority area id from board\.yml"):
        area_status(meeting, "nowhere")
    assert area_status(meeting, "WAITS").area == "waits"


def test_first_meeting_with_nothing_stuck_or_overdue_has_empty_flags():
    focus = area_status(load_meeting(NORTHSHIRE, "2026-03-10"), "waits")
    assert focus.previous_ratings is None
    assert (
        focus.actions[["days_overdue", "stuck_snapshots", "days_since_update"]]
        .isna()
        .all(axis=None)
    )
    assert list(focus.history.columns) == MEETINGS[:1]
