"""Reading measures.yml and measures/: what is accepted and how; the sample's measures."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from boardbrief.contract.load import load_board_data
from boardbrief.contract.meeting import load_meeting
from boardbrief.contract.problems import DataError
from boardbrief.sections.scorecard import ACTIONS_AHEAD, scorecard_status
from tests.pipeline.conftest import REPO

MEASURES_YML = """measures:
  - id: EHCP-20wk
    name: New EHC plans issued within 20 weeks
    area: Waits
    owner: NSC
    unit: percent
    polarity: higher
    frequency: monthly
    baseline: {period: 2026-01-31, value: 30}
    target: {period: 2026-12-31, value: 60}
    milestones: [{period: 2026-06-30, value: 25}]
    tolerance: 0
    actions: [w1]
"""


def write(board_dir, values: str | None = "measure_id,period_end,value\n") -> None:
    (board_dir / "measures.yml").write_text(MEASURES_YML, encoding="utf-8")
    if values is not None:
        (board_dir / "measures").mkdir()
        (board_dir / "measures" / "values.csv").write_text(values, encoding="utf-8")


def test_a_board_without_measures_yml_has_none(board_dir):
    data = load_board_data(board_dir)
    assert data.measures is None
    assert not [f for f in data.files_read if f.startswith("measures")]


def test_measures_are_read_with_ids_matched_ignoring_case(board_dir):
    write(
        board_dir,
        "Measure_ID , Period_End,Value,Status,Note\n"
        "ehcp-20WK,2026-02-28,31.5,Provisional,First month\n"
        "ehcp-20wk,2026-01-31, 30 ,,\n",
    )
    data = load_board_data(board_dir)
    assert data.files_read[-3:] == ("measures.yml", "measures/values.csv", "themes.yml")
    (definition,) = data.measures.definitions
    assert (definition.id, definition.tolerance, definition.milestones[0].value) == (
        "EHCP-20wk",
        0,
        25,
    )
    values = data.measures.values
    assert list(values["measure_id"]) == ["EHCP-20wk", "EHCP-20wk"]
    assert list(values["period_end"]) == [pd.Timestamp("2026-01-31"), pd.Timestamp("2026-02-28")]
    assert list(values["value"]) == [30.0, 31.5]
    assert list(values["status"]) == ["final", "provisional"]
    assert list(values["source_row"]) == [3, 2]


def test_measures_yml_with_no_tables_gives_measures_with_no_values(board_dir):
    write(board_dir, values=None)
    status = scorecard_status(load_meeting(board_dir, "2026-05-12"))
    (measure,) = status.measures
    assert (measure.value, measure.rating, measure.late) == (None, "none", True)
    assert measure.definition.area == "waits"  # as board.yml spells it
    assert measure.definition.owner == "nsc"


def test_a_numberless_value_in_measures_yml_names_its_line(board_dir):
    write(board_dir)
    path = board_dir / "measures.yml"
    path.write_text(path.read_text().replace("value: 60", "value: sixty"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_board_data(board_dir)
    assert [str(p) for p in caught.value.problems] == [
        "measures.yml, line 10, column 'measures[0].target.value': found 'sixty', expected a "
        "number such as 45 or 45.5"
    ]


def test_a_measure_with_milestones_but_no_target_is_refused(board_dir):
    write(board_dir)
    path = board_dir / "measures.yml"
    text = path.read_text().replace("    target: {period: 2026-12-31, value: 60}\n", "")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_board_data(board_dir)
    assert [str(p) for p in caught.value.problems] == [
        "measures.yml, line 10, column 'measures[0].milestones': expected no milestones when "
        "there is no target"
    ]


# The sample data's measures: as the issue asks, and believable.


@pytest.fixture(scope="module")
def sample():
    return scorecard_status(load_meeting(REPO / "data", "2026-11-05"))


def test_sample_has_15_to_25_measures_in_every_area_at_every_frequency(sample):
    assert 15 <= len(sample.measures) <= 25
    assert {m.definition.area for m in sample.measures} == set(sample.config.priority_areas)
    assert {m.definition.frequency for m in sample.measures} == {
        "monthly",
        "quarterly",
        "termly",
        "annual",
    }


def test_sample_has_reds_ambers_greens_one_late_one_without_target_and_provisional(sample):
    assert sample.counts == {"red": 7, "amber": 7, "green": 6, "none": 1}
    assert [m.id for m in sample.late] == ["annual-reviews-12m"]
    assert [m.id for m in sample.measures if m.definition.target is None] == ["tribunal-appeals"]
    assert len([m for m in sample.measures if m.provisional]) >= 2


def test_sample_has_18_months_of_monthly_values_and_linked_actions(sample):
    monthly = [m for m in sample.measures if m.definition.frequency == "monthly"]
    for m in monthly:
        first, last = m.history["period_end"].iloc[[0, -1]]
        assert (last - first).days >= 540, m.id
    assert all(m.definition.actions for m in sample.measures)


def test_sample_shows_actions_on_track_outcomes_not_yet_moving(sample):
    flagged = [(a.area, a.action_rating) for a in sample.areas if a.flag == ACTIONS_AHEAD]
    assert flagged == [("outcomes", "amber")]


def test_sample_ehcp_timeliness_is_plausible_for_a_struggling_county(sample):
    ehcp = next(m for m in sample.measures if m.id == "ehcp-20wk")
    assert 30 <= ehcp.value <= 60
    assert ehcp.period_end == dt.date(2026, 9, 30)


def test_sample_measure_named_as_a_published_statistic_gets_its_benchmark(sample):
    from boardbrief.sections.scorecard import Benchmark

    assert sample.benchmarks == {
        "ehcp-20wk": Benchmark(
            label="New EHC plans issued within 20 weeks, excluding exceptions",
            period="2022",
            values=(("North West", 62.739), ("England", 49.166)),
        )
    }
