"""The risk register: scores, bands, movement, the matrix and what is not on the register."""

import datetime as dt
import shutil

import pandas as pd
import pytest

from boardbrief.contract.meeting import load_meeting
from boardbrief.paths import PROJECT_ROOT
from boardbrief.ratings import RiskBands
from boardbrief.sections import risks
from boardbrief.sections.action_plan import action_plan_status

FIXTURE = PROJECT_ROOT / "tests" / "fixtures" / "northshire"
HEADER = "risk_id,title,owner,priority_area,likelihood,impact,mitigation,status\n"


def register(*rows: tuple) -> pd.DataFrame:
    """Risks as (id, likelihood, impact, status[, area]) tuples, typed like the loader."""
    return pd.DataFrame(
        [
            {
                "risk_id": r[0],
                "title": f"Risk {r[0]}",
                "owner": "nsc",
                "priority_area": r[4] if len(r) > 4 else "",
                "likelihood": r[1],
                "impact": r[2],
                "mitigation": f"Mitigation of {r[0]}",
                "status": r[3],
            }
            for r in rows
        ]
    ).astype({"likelihood": "int64", "impact": "int64"})


@pytest.mark.parametrize(
    ("likelihood", "impact", "score", "rating"),
    [
        (1, 1, 1, "green"),
        (2, 3, 6, "green"),
        (2, 4, 8, "amber"),
        (3, 4, 12, "amber"),
        (3, 5, 15, "red"),
        (5, 5, 25, "red"),
    ],
)
def test_scored_risks_multiplies_and_bands_at_the_edges(likelihood, impact, score, rating):
    scored = risks.scored_risks(register(("R1", likelihood, impact, "open")), RiskBands())
    assert (int(scored.at[0, "score"]), scored.at[0, "rating"]) == (score, rating)


def test_scored_risks_follows_the_boards_own_bands():
    scored = risks.scored_risks(
        register(("R1", 3, 4, "open"), ("R2", 2, 3, "open"), ("R3", 1, 5, "open")),
        RiskBands(red_from=12, amber_from=6),
    )
    assert scored["rating"].tolist() == ["red", "amber", "green"]


def test_open_risks_are_highest_score_first_then_impact_then_id():
    scored = risks.scored_risks(
        register(
            ("R1", 2, 4, "open"),
            ("R2", 4, 2, "open"),
            ("R3", 5, 5, "closed"),
            ("R0", 2, 4, "open"),
            ("R4", 3, 5, "open"),
        ),
        RiskBands(),
    )
    assert risks.open_risks(scored)["risk_id"].tolist() == ["R4", "R0", "R1", "R2"]


def test_risk_movement_classifies_every_kind():
    bands = RiskBands()
    previous = risks.scored_risks(
        register(
            ("UP", 2, 3, "open"),
            ("DOWN", 4, 4, "open"),
            ("SAME", 3, 3, "open"),
            ("SHUT", 3, 3, "open"),
            ("GONE", 2, 2, "open"),
            ("REOPENED", 2, 2, "closed"),
            ("STILL_SHUT", 2, 2, "closed"),
        ),
        bands,
    )
    current = risks.scored_risks(
        register(
            ("UP", 3, 3, "open"),
            ("DOWN", 3, 4, "open"),
            ("SAME", 3, 3, "open"),
            ("SHUT", 3, 3, "closed"),
            ("REOPENED", 2, 2, "open"),
            ("STILL_SHUT", 2, 2, "closed"),
            ("ADDED", 4, 5, "open"),
        ),
        bands,
    )
    moved = risks.risk_movement(current, previous)
    assert moved.astype(object).where(moved.notna(), None).values.tolist() == [
        ["ADDED", "Risk ADDED", None, 20, "new"],
        ["REOPENED", "Risk REOPENED", None, 4, "new"],
        ["UP", "Risk UP", 6, 9, "up"],
        ["DOWN", "Risk DOWN", 16, 12, "down"],
        ["GONE", "Risk GONE", 4, None, "closed"],
        ["SHUT", "Risk SHUT", 9, None, "closed"],
        ["SAME", "Risk SAME", 9, 9, "unchanged"],
    ]
    assert risks.movement_counts(moved) == {
        "new": 2,
        "up": 1,
        "down": 1,
        "closed": 2,
        "unchanged": 1,
    }


def test_risk_movement_is_none_at_the_first_register():
    current = risks.scored_risks(register(("R1", 2, 2, "open")), RiskBands())
    assert risks.risk_movement(current, None) is None
    assert risks.movement_counts(None) == dict.fromkeys(risks.RISK_MOVEMENTS)


def test_risk_matrix_places_each_open_risk_by_impact_and_likelihood():
    scored = risks.scored_risks(
        register(
            ("A", 5, 5, "open"), ("B", 1, 5, "open"), ("C", 1, 5, "open"), ("D", 2, 1, "open")
        ),
        RiskBands(),
    )
    matrix = risks.risk_matrix(risks.open_risks(scored))
    assert matrix.index.tolist() == [5, 4, 3, 2, 1]
    assert matrix.columns.tolist() == [1, 2, 3, 4, 5]
    assert matrix.at[5, 5] == ["A"]
    assert matrix.at[5, 1] == ["B", "C"]
    assert matrix.at[1, 2] == ["D"]
    assert sum(len(cell) for row in matrix.values for cell in row) == 4


def board_with_risks(tmp_path, files: dict[str, str]):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    (data / "risks").mkdir()
    for name, text in files.items():
        (data / "risks" / name).write_text(HEADER + text, encoding="utf-8", newline="\n")
    return data


def test_risk_status_is_none_for_a_board_without_a_register():
    meeting = load_meeting(FIXTURE, "2026-05-12")
    assert risks.risk_status(meeting, action_plan_status(meeting)) is None
    assert risks.risk_figures(None) == {}


def test_not_on_register_lists_late_stuck_actions_in_areas_no_open_risk_names(tmp_path):
    # In the fixture W1 (waits) is overdue and red at all three snapshots: late and stuck.
    data = board_with_risks(
        tmp_path,
        {
            "2026-04-01.csv": "R1,Therapists leave,nhs_north,waits,3,4,Retention offer,open\n",
            "2026-05-01.csv": (
                "R1,Therapists leave,nhs_north,waits,3,4,Retention offer,closed\n"
                "R2,Drop-ins stop,pcf,voice,4,5,Second venue,open\n"
                "R3,College places,college,,2,2,Early talks,open\n"
            ),
        },
    )
    meeting = load_meeting(data, "2026-05-12")
    plan = action_plan_status(meeting)
    assert "W1" in set(plan.overdue["action_id"]) & set(plan.stuck["action_id"])
    status = risks.risk_status(meeting, plan)
    assert status.not_on_register.values.tolist() == [
        ["action", "W1", "Cut the assessment backlog", "waits", "Waiting times"]
    ]
    assert status.open["risk_id"].tolist() == ["R2", "R3"]
    assert (status.register_date, status.previous_register_date) == (
        dt.date(2026, 5, 1),
        dt.date(2026, 4, 1),
    )
    assert risks.risk_figures(status) == {
        "risks.open": 2,
        "risks.rating.red": 1,
        "risks.rating.amber": 0,
        "risks.rating.green": 1,
        "risks.new": 2,
        "risks.closed": 1,
        "risks.up": 0,
        "risks.down": 0,
        "risks.not_on_register": 1,
    }


def test_not_on_register_is_empty_when_an_open_risk_names_the_area(tmp_path):
    data = board_with_risks(
        tmp_path, {"2026-05-01.csv": "R1,Backlog grows,nhs_north,WAITS,4,4,Extra clinics,open\n"}
    )
    meeting = load_meeting(data, "2026-05-12")
    status = risks.risk_status(meeting, action_plan_status(meeting))
    assert status.register["priority_area"].tolist() == ["waits"]  # board.yml's spelling
    assert status.not_on_register.empty
    assert status.movement is None
    assert risks.risk_figures(status)["risks.new"] is None
