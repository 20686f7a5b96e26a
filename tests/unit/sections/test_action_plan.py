"""Action-plan computations on small hand-made snapshots, with exact results at the edges."""

import datetime as dt

import pandas as pd
import pytest

from boardbrief.contract.load import Snapshot
from boardbrief.contract.meeting import load_meeting
from boardbrief.ratings import RagRule
from boardbrief.sections import action_plan

MEETING = dt.date(2026, 6, 10)


def table(*rows: tuple) -> pd.DataFrame:
    """Actions as (id, area, rag, due, last_updated[, owner]) tuples, typed like the loader."""
    records = [
        {
            "action_id": r[0],
            "priority_area": r[1],
            "title": f"Title {r[0]}",
            "owner": r[5] if len(r) > 5 else "org",
            "due_date": pd.Timestamp(r[3]),
            "status": "",
            "rag": r[2],
            "last_updated": pd.Timestamp(r[4]),
            "commentary": f"Note on {r[0]}",
        }
        for r in rows
    ]
    return pd.DataFrame(records)


def snapshot(date: str, *rows: tuple) -> Snapshot:
    return Snapshot(dt.date.fromisoformat(date), f"actions/{date}.csv", table(*rows))


def test_movements_classifies_every_kind():
    previous = table(
        ("A", "x", "red", "2026-09-01", "2026-05-01"),
        ("B", "x", "green", "2026-09-01", "2026-05-01"),
        ("C", "x", "amber", "2026-09-01", "2026-05-01"),
        ("D", "y", "amber", "2026-09-01", "2026-05-01"),
    )
    current = table(
        ("A", "x", "amber", "2026-09-01", "2026-06-01"),
        ("B", "x", "red", "2026-09-01", "2026-06-01"),
        ("C", "x", "amber", "2026-09-01", "2026-06-01"),
        ("E", "y", "green", "2026-09-01", "2026-06-01"),
    )
    moved = action_plan.movements(current, previous)
    assert moved[["action_id", "previous_rag", "rag", "movement"]].values.tolist() == [
        ["B", "green", "red", "declined"],
        ["A", "red", "amber", "improved"],
        ["E", None, "green", "new"],
        ["D", "amber", None, "removed"],
        ["C", "amber", "amber", "unchanged"],
    ]
    removed = moved[moved["action_id"] == "D"].iloc[0]
    assert (removed["priority_area"], removed["title"]) == ("y", "Title D")  # kept from before
    assert action_plan.movement_counts(moved) == {
        "declined": 1,
        "improved": 1,
        "new": 1,
        "removed": 1,
        "unchanged": 1,
    }


def test_movements_green_to_blue_is_an_improvement():
    before = table(("A", "x", "green", "2026-09-01", "2026-05-01"))
    after = table(("A", "x", "blue", "2026-09-01", "2026-06-01"))
    assert action_plan.movements(after, before)["movement"].tolist() == ["improved"]


def test_movements_first_meeting_is_empty():
    current = table(("A", "x", "red", "2026-09-01", "2026-05-01"))
    assert action_plan.movements(current, None).empty


def test_overdue_actions_counts_days_and_skips_complete_and_due_today():
    current = table(
        ("A", "x", "red", "2026-06-01", "2026-06-01"),  # 9 days overdue
        ("B", "x", "blue", "2026-01-01", "2026-06-01"),  # complete: never overdue
        ("C", "x", "green", "2026-06-10", "2026-06-01"),  # due on the meeting day: not yet
        ("D", "x", "amber", "2026-05-10", "2026-06-01"),  # 31 days overdue
    )
    late = action_plan.overdue_actions(current, MEETING)
    assert late[["action_id", "days_overdue"]].values.tolist() == [["D", 31], ["A", 9]]


def test_stale_actions_more_than_the_limit_only_and_open_only():
    current = table(
        ("A", "x", "red", "2026-09-01", "2026-04-11"),  # 60 days: not stale
        ("B", "x", "amber", "2026-09-01", "2026-04-10"),  # 61 days: stale
        ("C", "x", "blue", "2026-09-01", "2026-01-01"),  # complete: not listed
    )
    stale = action_plan.stale_actions(current, MEETING, 60)
    assert stale[["action_id", "days_since_update"]].values.tolist() == [["B", 61]]


def test_stuck_actions_counts_the_unbroken_run_back_from_the_latest():
    history = [
        snapshot("2026-03-01", ("A", "x", "red", "2026-09-01", "2026-03-01"),
                 ("B", "x", "amber", "2026-09-01", "2026-03-01"),
                 ("C", "x", "amber", "2026-09-01", "2026-03-01"),
                 ("D", "x", "green", "2026-09-01", "2026-03-01")),
        snapshot("2026-04-01", ("A", "x", "red", "2026-09-01", "2026-04-01"),
                 ("B", "x", "red", "2026-09-01", "2026-04-01"),
                 ("D", "x", "green", "2026-09-01", "2026-04-01")),
        snapshot("2026-05-01", ("A", "x", "red", "2026-09-01", "2026-05-01"),
                 ("B", "x", "amber", "2026-09-01", "2026-05-01"),
                 ("C", "x", "amber", "2026-09-01", "2026-05-01"),
                 ("D", "x", "green", "2026-09-01", "2026-05-01")),
        snapshot("2026-06-01", ("A", "x", "red", "2026-09-01", "2026-06-01"),
                 ("B", "x", "amber", "2026-09-01", "2026-06-01"),
                 ("C", "x", "amber", "2026-09-01", "2026-06-01"),
                 ("D", "x", "green", "2026-09-01", "2026-06-01")),
    ]  # fmt: skip
    stuck = action_plan.stuck_actions(history, MEETING, 2)
    # A: red four times; B: amber twice since its red; C: missing in April, so twice; D: green
    assert stuck[["action_id", "rag", "snapshots", "days_unchanged"]].values.tolist() == [
        ["A", "red", 4, 101],
        ["B", "amber", 2, 40],
        ["C", "amber", 2, 40],
    ]
    assert stuck.loc[0, "since"] == pd.Timestamp("2026-03-01")
    assert action_plan.stuck_actions(history, MEETING, 3)["action_id"].tolist() == ["A"]


def test_stuck_actions_no_history_is_empty():
    assert action_plan.stuck_actions([], MEETING, 3).empty


@pytest.mark.parametrize(
    ("ratings", "expected"),
    [
        (["red", "amber", "amber"], "red"),  # 1/3 red >= 0.3
        (["red", "amber", "amber", "amber"], "amber"),  # 1/4 red < 0.3
        (["green"] * 9 + ["amber"], "green"),  # 90% green >= 0.9
        (["green"] * 8 + ["amber"] * 2, "amber"),  # 80% green < 0.9
    ],
)
def test_rag_rule_custom_thresholds(ratings, expected):
    assert RagRule(red_share=0.3, green_share=0.9).derive(ratings) == expected


def test_rag_rule_exact_threshold_with_an_inexact_float():
    # 0.3 * 10 is 3.0000000000000004 in floating point; 3 of 10 red must still be red
    assert RagRule(red_share=0.3).derive(["red"] * 3 + ["amber"] * 7) == "red"


def test_rag_trend_skips_meetings_before_any_snapshot(board_dir):
    from boardbrief.contract.load import load_board_data

    data = load_board_data(board_dir)
    meetings = [dt.date(2026, 2, 1), *data.config.meetings]
    trend = action_plan.rag_trend(data.actions, meetings, data.config)
    assert sorted(set(trend["meeting"])) == data.config.meetings
    waits_may = trend[
        (trend["meeting"] == dt.date(2026, 5, 12)) & (trend["priority_area"] == "waits")
    ]
    assert waits_may.set_index("rag")["count"].to_dict() == {
        "red": 1,
        "amber": 1,
        "green": 0,
        "blue": 0,
    }


def test_rag_rule_from_board_yml(board_dir, edit):
    from boardbrief.contract.meeting import load_meeting

    edit(board_dir / "board.yml", "sample: false", "sample: false\nrag_rule: {red_share: 0.5}")
    plan = action_plan.action_plan_status(load_meeting(board_dir, "2026-05-12"))
    assert plan.rule == RagRule(red_share=0.5, green_share=0.75)
    assert plan.overall_rag == "amber"  # 1 red of 4 open is under a half
    assert plan.areas.set_index("priority_area")["derived_rag"].to_dict() == {
        "waits": "red",  # 1 of 2 open is a half
        "voice": "green",
        "prep": "amber",
    }


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


def test_overdue_but_green_and_red_unexplained_flag_ratings_that_do_not_add_up():
    actions = table(
        ("A", "x", "green", "2026-06-01", "2026-06-01"),  # overdue, green: flagged
        ("B", "x", "green", "2026-07-01", "2026-06-01"),  # green, not yet due
        ("C", "x", "red", "2026-07-01", "2026-06-01"),  # red, commentary below blanked
        ("D", "x", "red", "2026-07-01", "2026-06-01"),  # red, explained
        ("E", "x", "blue", "2026-05-01", "2026-06-01"),  # complete: never overdue
    )
    actions.loc[actions["action_id"] == "C", "commentary"] = "  "
    overdue = action_plan.overdue_actions(actions, MEETING)
    assert action_plan.overdue_but_green(overdue)["action_id"].tolist() == ["A"]
    assert action_plan.red_unexplained(actions)["action_id"].tolist() == ["C"]


def test_action_plan_figures_count_the_consistency_flags(board_dir, edit):
    edit(board_dir / "actions" / "2026-05-05.csv", ",R,2026-05-01,Backlog at 300", ",R,2026-05-01,")
    figures = action_plan.action_plan_figures(
        action_plan.action_plan_status(load_meeting(board_dir, "2026-05-12"))
    )
    assert (figures["actions.overdue_green"], figures["actions.red_unexplained"]) == (0, 1)
