"""'You said, we did': the join of themes to the actions naming them, and the unanswered flag."""

import pandas as pd
import pytest

from boardbrief.contract.meeting import load_meeting
from boardbrief.contract.problems import DataError
from boardbrief.sections.feedback import feedback_status
from boardbrief.sections.you_said import (
    answers_by_theme,
    comments_by_who,
    responding_actions,
    unanswered_themes,
    you_said_figures,
    you_said_status,
)

THEME_IDS = ["waits", "voice", "travel", "praise", "school"]


def _actions(rows):
    columns = ["action_id", "title", "owner", "rag", "responds_to"]
    table = pd.DataFrame(rows, columns=columns)
    return table.assign(
        priority_area="area",
        status="In progress",
        due_date=pd.Timestamp("2026-09-30"),
        last_updated=pd.Timestamp("2026-05-01"),
        commentary="",
    )


def _themes(counts, threshold=5):
    """The feedback section's table: this period's counts, small ones hidden, largest first."""
    table = pd.DataFrame({"theme": list(counts), "period_actual": list(counts.values())})
    table["name"] = table["theme"].str.capitalize()
    shown = table["period_actual"].astype("Int64")
    shown[(table["period_actual"] > 0) & (table["period_actual"] < threshold)] = pd.NA
    return table.assign(period=shown)


ACTIONS = _actions(
    [
        ["A1", "Cut the backlog", "nhs", "red", "waits"],
        ["A2", "Recruit therapists", "nhs", "amber", "WAITS ; voice"],  # any case, spaces
        ["A3", "Drop-in sessions", "pcf", "blue", "voice"],
        ["A4", "Bus passes", "council", "blue", "travel"],  # completed: still answers travel
        ["A5", "Staff training", "council", "green", ""],
    ]
)


def test_responding_actions_one_row_per_action_and_theme_named():
    joined = responding_actions(ACTIONS, THEME_IDS)
    assert joined[["theme", "action_id"]].values.tolist() == [
        ["waits", "A1"],
        ["waits", "A2"],
        ["voice", "A2"],  # one action answering two themes
        ["voice", "A3"],
        ["travel", "A4"],
    ]


def test_responding_actions_without_the_column_is_empty():
    assert responding_actions(ACTIONS.drop(columns="responds_to"), THEME_IDS).empty


def test_answers_by_theme_in_the_themes_order_open_before_completed():
    themes = _themes({"voice": 12, "waits": 9, "travel": 6, "praise": 0, "school": 7})
    themes = themes.sort_values("period_actual", ascending=False, kind="stable")
    answers = answers_by_theme(themes, responding_actions(ACTIONS, THEME_IDS))
    assert answers[["theme", "action_id"]].values.tolist() == [
        ["voice", "A2"],  # open first
        ["voice", "A3"],  # then completed
        ["waits", "A1"],
        ["waits", "A2"],
        ["travel", "A4"],  # answered only by a completed action
    ]


def test_unanswered_themes_among_the_most_raised_only():
    themes = _themes({"voice": 12, "school": 10, "waits": 9, "travel": 6, "praise": 5})
    answers = answers_by_theme(themes, responding_actions(ACTIONS, THEME_IDS))
    assert unanswered_themes(themes, answers, 5) == ["school", "praise"]  # answered by none
    assert unanswered_themes(themes, answers, 2) == ["school"]


def test_a_theme_answered_only_by_a_completed_action_is_not_flagged():
    themes = _themes({"travel": 20})
    answers = answers_by_theme(themes, responding_actions(ACTIONS, THEME_IDS))
    assert answers["action_id"].tolist() == ["A4"]
    assert unanswered_themes(themes, answers, 5) == []


def test_a_theme_with_a_suppressed_count_is_joined_and_flagged_without_its_count():
    themes = _themes({"voice": 12, "school": 2, "travel": 1})  # 2 and 1 hidden (threshold 5)
    answers = answers_by_theme(themes, responding_actions(ACTIONS, THEME_IDS))
    assert answers[["theme", "action_id"]].values.tolist() == [
        ["voice", "A2"],
        ["voice", "A3"],
        ["travel", "A4"],
    ]
    assert unanswered_themes(themes, answers, 5) == ["school"]
    assert themes.set_index("theme")["period"].isna().to_dict() == {
        "voice": False,
        "school": True,
        "travel": True,
    }


def test_you_said_status_on_northshire(northshire_with_links):
    meeting = load_meeting(northshire_with_links, "2026-05-12")
    said = you_said_status(meeting, feedback_status(meeting))
    assert said.themes["theme"].tolist() == ["waiting", "voice", "travel", "praise"]
    assert said.themes["period"].fillna(-1).tolist() == [3, -1, -1, -1]  # threshold 3
    assert said.answers[["theme", "action_id", "rag"]].values.tolist() == [
        ["waiting", "W1", "red"],
        ["waiting", "W2", "amber"],
        ["voice", "V2", "green"],
        ["voice", "V1", "blue"],
        ["travel", "V2", "green"],
    ]
    assert said.unanswered == ["praise"]
    assert you_said_figures(said) == {
        "feedback.you_said.waiting.actions": 2,
        "feedback.you_said.voice.actions": 2,
        "feedback.you_said.travel.actions": 1,
        "feedback.you_said.praise.actions": 0,
        "feedback.unanswered": ["praise"],
    }


def test_a_board_without_the_column_has_every_raised_theme_unanswered(board_dir):
    meeting = load_meeting(board_dir, "2026-05-12")
    said = you_said_status(meeting, feedback_status(meeting))
    assert said.answers.empty
    assert said.unanswered == ["waiting", "voice", "travel", "praise"]


def test_an_unknown_theme_id_is_an_error_naming_file_row_and_column(northshire_with_links, edit):
    plan = northshire_with_links / "actions" / "2026-05-05.csv"
    edit(plan, "voice;travel", "voice;trains")
    with pytest.raises(DataError) as caught:
        load_meeting(northshire_with_links, "2026-05-12")
    [problem] = caught.value.problems
    assert (problem.file, problem.row, problem.column, problem.value) == (
        "actions/2026-05-05.csv",
        5,
        "responds_to",
        "voice;trains",
    )
    assert problem.expected.startswith("theme ids from themes.yml separated by ';'")


def test_comments_by_who_hides_small_groups_beside_the_total(board_dir):
    meeting = load_meeting(board_dir, "2026-05-12")
    who = comments_by_who(meeting)
    assert list(who.index) == ["parent", "carer", "young person", "professional", "other"]
    assert all(pd.isna(n) or n == 0 or n >= 3 for n in who)
