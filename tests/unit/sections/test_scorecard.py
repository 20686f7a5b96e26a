"""The impact scorecard's rules on hand-made measures, with exact results.

Expected values are worked out by hand: trajectories are straight lines by calendar day, and
the arithmetic is exact (fractions), so a value on its trajectory is green, never a rounding
error away from it.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pandas as pd
import pytest

from boardbrief.contract.measures import MeasureDefinition
from boardbrief.contract.meeting import load_meeting
from boardbrief.sections.scorecard import (
    ACTIONS_AHEAD,
    BEFORE_BASELINE,
    NO_TARGET,
    NO_VALUE,
    area_flag,
    area_impact,
    direction,
    expected_value,
    is_late,
    latest_value,
    measure_result,
    rating,
    scorecard_figures,
    scorecard_status,
    scorecard_table,
    tolerance,
)

D = dt.date


def measure(**changes) -> MeasureDefinition:
    """20-week timeliness: 30% at 31 Mar 2026, 40% by 30 Sep 2026, 60% by 31 Mar 2027."""
    fields = {
        "id": "ehcp-20wk",
        "name": "New EHC plans issued within 20 weeks",
        "area": "waits",
        "owner": "nsc",
        "unit": "percent",
        "polarity": "higher",
        "frequency": "monthly",
        "baseline": {"period": "2026-03-31", "value": 30},
        "target": {"period": "2027-03-31", "value": 60},
        "milestones": [{"period": "2026-09-30", "value": 40}],
    }
    fields.update(changes)
    return MeasureDefinition.model_validate(fields)


def values(*rows: tuple[str, float] | tuple[str, float, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "period_end": pd.to_datetime([r[0] for r in rows]),
            "value": [float(r[1]) for r in rows],
            "status": [r[2] if len(r) > 2 else "final" for r in rows],
            "note": ["" for _ in rows],
        }
    ).astype({"period_end": "datetime64[ns]", "value": "float64"})


# Expected value on the trajectory


def test_expected_value_on_the_baseline_date_is_the_baseline():
    assert expected_value(measure(), D(2026, 3, 31)) == 30


def test_expected_value_on_a_milestone_date_is_the_milestone():
    assert expected_value(measure(), D(2026, 9, 30)) == 40


def test_expected_value_between_baseline_and_milestone_is_on_the_line_by_day():
    # 30 Jun 2026 is 91 of the 183 days from 31 Mar to 30 Sep: 30 + 10 * 91/183.
    assert expected_value(measure(), D(2026, 6, 30)) == 30 + Fraction(10 * 91, 183)


def test_expected_value_between_two_milestones():
    two = measure(
        milestones=[{"period": "2026-09-30", "value": 40}, {"period": "2026-12-31", "value": 50}]
    )
    # 15 Nov 2026 is 46 of the 92 days from 30 Sep to 31 Dec: exactly half way, 45.
    assert expected_value(two, D(2026, 11, 15)) == 45


def test_expected_value_after_the_target_is_the_target():
    assert expected_value(measure(), D(2027, 3, 31)) == 60
    assert expected_value(measure(), D(2028, 1, 31)) == 60


def test_expected_value_before_the_baseline_is_none():
    assert expected_value(measure(), D(2026, 3, 30)) is None


def test_expected_value_without_a_target_is_none():
    assert expected_value(measure(target=None, milestones=[]), D(2026, 9, 30)) is None


def test_milestone_values_may_be_worse_than_the_baseline():
    dip = measure(milestones=[{"period": "2026-09-30", "value": 25}])
    assert expected_value(dip, D(2026, 9, 30)) == 25
    # 31 Dec 2026 is 92 of 182 days from 30 Sep to 31 Mar: 25 + 35 * 92/182.
    assert expected_value(dip, D(2026, 12, 31)) == 25 + Fraction(35 * 92, 182)


# Tolerance and rating


def test_tolerance_defaults_to_a_tenth_of_the_gap_between_baseline_and_target():
    assert tolerance(measure()) == 3
    assert tolerance(measure(tolerance=1.5)) == Fraction(3, 2)
    assert tolerance(measure(tolerance=0)) == 0
    assert tolerance(measure(target=None, milestones=[])) is None


def test_tolerance_of_a_decimal_gap_is_exact():
    assert tolerance(measure(baseline={"period": "2026-03-31", "value": 31.5})) == Fraction(
        57, 20
    )  # a tenth of 28.5


@pytest.mark.parametrize(
    ("value", "expected_rating"),
    [(45, "green"), (40, "green"), (39.9, "amber"), (37, "amber"), (36.9, "red"), (0, "red")],
)
def test_rating_higher_is_better(value, expected_rating):
    assert rating(value, Fraction(40), "higher", Fraction(3)) == expected_rating


@pytest.mark.parametrize(
    ("value", "expected_rating"),
    [(35, "green"), (40, "green"), (40.1, "amber"), (43, "amber"), (43.1, "red")],
)
def test_rating_lower_is_better_mirrors(value, expected_rating):
    assert rating(value, Fraction(40), "lower", Fraction(3)) == expected_rating


def test_rating_with_tolerance_zero_has_no_amber():
    assert rating(40, Fraction(40), "higher", Fraction(0)) == "green"
    assert rating(39.9, Fraction(40), "higher", Fraction(0)) == "red"
    assert rating(40.1, Fraction(40), "lower", Fraction(0)) == "red"


def test_rating_uses_the_values_as_written_not_binary_floats():
    # 0.1 + 0.2 is 0.30000000000000004 in floats; the expected value here is exactly 0.3.
    assert rating(0.3, Fraction(3, 10), "higher", Fraction(0)) == "green"
    assert rating(0.3, Fraction(3, 10), "lower", Fraction(0)) == "green"


# Direction of travel


@pytest.mark.parametrize(
    ("latest", "previous", "polarity", "expected"),
    [
        (42.0, 40.0, "higher", "improving"),
        (38.0, 40.0, "higher", "worsening"),
        (38.0, 40.0, "lower", "improving"),
        (42.0, 40.0, "lower", "worsening"),
        (40.0, 40.0, "higher", "no change"),
        (40.0 + 1e-10, 40.0, "lower", "no change"),
        (40.0, None, "higher", "none"),
    ],
)
def test_direction_by_polarity(latest, previous, polarity, expected):
    assert direction(latest, previous, polarity) == expected


# Late


@pytest.mark.parametrize(
    ("frequency", "allowed"),
    [("monthly", 76), ("quarterly", 137), ("termly", 167), ("annual", 411)],
)
def test_late_after_the_period_plus_45_days(frequency, allowed):
    meeting = D(2026, 11, 5)
    assert not is_late(frequency, meeting - dt.timedelta(days=allowed), meeting)
    assert is_late(frequency, meeting - dt.timedelta(days=allowed + 1), meeting)


def test_a_measure_with_no_value_is_late():
    assert is_late("monthly", None, D(2026, 11, 5))


# Latest value and the whole measure


def test_latest_value_is_the_latest_period_on_or_before_the_meeting():
    table = values(("2026-08-31", 38), ("2026-09-30", 39), ("2026-11-30", 50))
    assert latest_value(table, D(2026, 9, 30))["value"] == 39
    assert latest_value(table, D(2026, 11, 5))["value"] == 39
    assert latest_value(table, D(2026, 8, 30)) is None


def test_measure_result_on_a_milestone_date_is_rated_against_the_milestone():
    result = measure_result(
        measure(), values(("2026-08-31", 36), ("2026-09-30", 37.5, "provisional")), D(2026, 11, 5)
    )
    assert (result.value, result.period_end, result.expected) == (37.5, D(2026, 9, 30), 40)
    assert (result.rating, result.direction, result.late, result.provisional) == (
        "amber",
        "improving",
        False,
        True,
    )
    assert (result.previous, result.previous_period_end) == (36.0, D(2026, 8, 31))


def test_measure_result_ignores_values_after_the_meeting():
    result = measure_result(
        measure(), values(("2026-09-30", 41), ("2026-11-30", 20)), D(2026, 11, 5)
    )
    assert (result.value, result.rating, result.direction) == (41.0, "green", "none")
    assert len(result.history) == 1


def test_measure_result_after_the_target_is_rated_against_the_target():
    result = measure_result(measure(), values(("2027-06-30", 58)), D(2027, 7, 1))
    assert (result.expected, result.rating) == (60, "amber")


def test_measure_result_dated_before_the_baseline_has_no_rating():
    result = measure_result(measure(), values(("2026-02-28", 28)), D(2026, 3, 5))
    assert (result.expected, result.rating, result.no_rating_reason) == (
        None,
        "none",
        BEFORE_BASELINE,
    )


def test_measure_result_lower_polarity():
    waits = measure(
        unit="number",
        polarity="lower",
        baseline={"period": "2026-03-31", "value": 2000},
        target={"period": "2027-03-31", "value": 1000},
        milestones=[],
    )
    # 30 Sep 2026 is 183 of 365 days: 2000 - 1000 * 183/365 = 1498.63; tolerance 100.
    result = measure_result(
        waits, values(("2026-08-31", 1580), ("2026-09-30", 1560)), D(2026, 11, 5)
    )
    assert result.expected == 2000 - Fraction(1000 * 183, 365)
    assert (result.rating, result.direction) == ("amber", "improving")
    worse = measure_result(waits, values(("2026-09-30", 1610)), D(2026, 11, 5))
    assert worse.rating == "red"


def test_measure_result_with_tolerance_zero():
    strict = measure(tolerance=0)
    assert measure_result(strict, values(("2026-09-30", 40)), D(2026, 11, 5)).rating == "green"
    assert measure_result(strict, values(("2026-09-30", 39.9)), D(2026, 11, 5)).rating == "red"


def test_measure_with_one_value_has_no_direction():
    result = measure_result(measure(), values(("2026-09-30", 35)), D(2026, 11, 5))
    assert (result.rating, result.direction, result.previous) == ("red", "none", None)


def test_measure_with_no_target_is_shown_but_not_rated():
    context = measure(target=None, milestones=[], polarity="lower")
    result = measure_result(
        context, values(("2025-12-31", 412), ("2026-09-30", 468)), D(2026, 11, 5)
    )
    assert (result.value, result.expected, result.rating, result.no_rating_reason) == (
        468.0,
        None,
        "none",
        NO_TARGET,
    )
    assert result.direction == "worsening"


def test_measure_with_no_values_is_late_and_not_rated():
    result = measure_result(measure(), values(), D(2026, 11, 5))
    assert (result.value, result.rating, result.no_rating_reason, result.late) == (
        None,
        "none",
        NO_VALUE,
        True,
    )


def test_late_measure_keeps_its_last_rating():
    result = measure_result(measure(), values(("2026-07-31", 37)), D(2026, 11, 5))
    assert (result.rating, result.late) == ("green", True)  # 37 >= 30 + 10 * 122/183


# Activity beside impact


@pytest.mark.parametrize(
    ("action_rating", "counts", "flag"),
    [
        ("amber", {"red": 2, "amber": 1, "green": 1}, ACTIONS_AHEAD),
        ("green", {"red": 1, "amber": 0, "green": 1}, ACTIONS_AHEAD),
        ("green", {"red": 1, "amber": 1, "green": 1}, None),
        ("red", {"red": 1, "amber": 0, "green": 1}, "outcomes moving ahead of the actions"),
        ("red", {"red": 2, "amber": 0, "green": 1}, None),
        ("blue", {"red": 3, "amber": 0, "green": 0}, None),
        ("amber", {"red": 0, "amber": 0, "green": 0, "none": 2}, None),
    ],
)
def test_area_flag(action_rating, counts, flag):
    assert area_flag(action_rating, counts) == flag


def test_area_on_track_share_is_green_over_rated_and_none_when_nothing_is_rated():
    rated = [
        measure_result(measure(), values(("2026-09-30", v)), D(2026, 11, 5)) for v in (41, 38, 30)
    ]
    context = measure_result(
        measure(target=None, milestones=[]), values(("2026-09-30", 40)), D(2026, 11, 5)
    )
    area = area_impact("waits", "Waiting times", "amber", [*rated, context])
    assert area.counts == {"red": 1, "amber": 1, "green": 1, "none": 1}
    assert area.on_track_share == pytest.approx(1 / 3)
    assert area.flag is None
    assert area_impact("waits", "Waiting times", "amber", [context]).on_track_share is None


# At a meeting, from a data folder


def test_a_board_without_measures_has_no_scorecard_and_no_figures(board_dir):
    meeting = load_meeting(board_dir, "2026-05-12")
    assert scorecard_status(meeting) is None
    assert scorecard_figures(None) == {}


def write_measures(board_dir):
    (board_dir / "measures.yml").write_text(
        "measures:\n"
        "  - id: ehcp-20wk\n"
        "    name: New EHC plans issued within 20 weeks\n"
        "    area: WAITS\n"
        "    owner: nsc\n"
        "    unit: percent\n"
        "    polarity: higher\n"
        "    frequency: monthly\n"
        "    baseline: {period: 2026-01-31, value: 30}\n"
        "    target: {period: 2026-07-31, value: 60}\n"
        "    milestones: [{period: 2026-03-31, value: 40}]\n"
        "    actions: [W1, w2]\n"
        "  - id: appeals\n"
        "    name: Tribunal appeals registered\n"
        "    area: prep\n"
        "    owner: nsc\n"
        "    unit: number\n"
        "    polarity: lower\n"
        "    frequency: quarterly\n"
        "    baseline: {period: 2025-09-30, value: 40}\n",
        encoding="utf-8",
    )
    (board_dir / "measures").mkdir()
    (board_dir / "measures" / "values.csv").write_text(
        "measure_id,period_end,value,status,note\n"
        "EHCP-20WK,2026-03-31,38,final,\n"
        "ehcp-20wk,2026-04-30,39.5,provisional,Backlog clearing\n"
        "appeals,2025-09-30,40,,\n",
        encoding="utf-8",
    )


def test_scorecard_at_a_meeting_and_its_figures(board_dir):
    write_measures(board_dir)
    status = scorecard_status(load_meeting(board_dir, "2026-05-12"))
    ehcp, appeals = status.measures
    # 30 Apr 2026 is 30 of 122 days from 31 Mar to 31 Jul: 40 + 20 * 30/122 = 44.918...
    assert ehcp.expected == 40 + Fraction(20 * 30, 122)
    assert (ehcp.definition.area, ehcp.rating, ehcp.direction, ehcp.late) == (
        "waits",
        "red",
        "improving",
        False,
    )
    assert (appeals.rating, appeals.late) == (
        "none",
        True,
    )  # 224 days after its quarter: over 92 + 45
    figures = scorecard_figures(status)
    assert figures == {
        "scorecard.measures.ehcp-20wk.value": 39.5,
        "scorecard.measures.ehcp-20wk.period_end": "2026-04-30",
        "scorecard.measures.ehcp-20wk.expected": 44.918033,
        "scorecard.measures.ehcp-20wk.rating": "red",
        "scorecard.measures.ehcp-20wk.direction": "improving",
        "scorecard.measures.ehcp-20wk.late": False,
        "scorecard.measures.appeals.value": 40.0,
        "scorecard.measures.appeals.period_end": "2025-09-30",
        "scorecard.measures.appeals.expected": None,
        "scorecard.measures.appeals.rating": "none",
        "scorecard.measures.appeals.direction": "none",
        "scorecard.measures.appeals.late": True,
        "scorecard.rating.red": 1,
        "scorecard.rating.amber": 0,
        "scorecard.rating.green": 0,
        "scorecard.rating.none": 1,
        "scorecard.late": 1,
        "scorecard.areas.waits.on_track_share": 0.0,
        "scorecard.areas.prep.on_track_share": None,
    }
    # Waiting times' actions (W1 red, W2 amber) derive red; its one rated measure is red.
    assert [(a.area, a.action_rating, a.flag) for a in status.areas] == [
        ("waits", "red", None),
        ("prep", "amber", None),
    ]


def test_scorecard_export_table_has_a_row_per_measure(board_dir):
    write_measures(board_dir)
    table = scorecard_table(scorecard_status(load_meeting(board_dir, "2026-05-12")))
    assert list(table["measure_id"]) == ["ehcp-20wk", "appeals"]
    first = table.iloc[0]
    assert (first["value"], first["provisional"], first["expected"], first["tolerance"]) == (
        39.5,
        "yes",
        44.918033,
        3.0,
    )
    assert (first["actions"], first["area_action_rating"], first["late"]) == ("W1; w2", "red", "no")
    assert "note" not in table.columns  # owners' free text stays out of exports


def test_scorecard_lead_names_up_to_three_red_measures_and_the_late_one(board_dir):
    from boardbrief.views.scorecard import summary_sentences

    write_measures(board_dir)
    status = scorecard_status(load_meeting(board_dir, "2026-05-12"))
    assert summary_sentences(status) == [
        "0 of 1 measure with a target are on or ahead of their trajectory, 0 are within "
        "tolerance and 1 is behind: new EHC plans issued within 20 weeks.",
        "1 measure was not reported on time: tribunal appeals registered (last figure: the "
        "quarter to September 2025). It keeps its last rating, marked as out of date.",
        "1 latest figure is provisional and may change: new EHC plans issued within 20 weeks.",
        "1 measure has no target and is shown for context: tribunal appeals registered.",
        "Since their previous figures, 1 measure improved and 0 worsened.",
    ]
