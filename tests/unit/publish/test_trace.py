"""`trace`: every figure of the sample's latest meeting has a rule and rows that recompute it."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from boardbrief.contract.load import load_board_data
from boardbrief.contract.meeting import select_meeting
from boardbrief.publish.trace import (
    ALL_RULES,
    MeetingTraces,
    TraceAnswer,
    meeting_traces,
    trace_text,
)
from boardbrief.sections.tracing import (
    COUNT,
    FIRST_MEETING,
    IDS,
    NO_EARLIER_REGISTER,
    PER_CHILD,
    RULE,
    SUM,
    VALUE,
    Trace,
)
from tests.conftest import NORTHSHIRE

SAMPLE = Path(__file__).resolve().parents[3] / "data"
NOTHING_TO_COMPARE = (FIRST_MEETING, NO_EARLIER_REGISTER)


@pytest.fixture(scope="module")
def sample() -> MeetingTraces:
    """The sample's latest meeting, computed and traced once for the module."""
    return meeting_traces(select_meeting(load_board_data(SAMPLE)))


@pytest.fixture(scope="module")
def northshire() -> MeetingTraces:
    return meeting_traces(select_meeting(load_board_data(NORTHSHIRE), "2026-05-12"))


def pattern_of(rule_pattern: str) -> re.Pattern[str]:
    """`areas.<area>.rag` as a regular expression: each placeholder one part of a key."""
    parts = re.split(r"(<[^>]+>)", rule_pattern)
    return re.compile(
        "".join("[^.]+" if p.startswith("<") else re.escape(p) for p in parts if p) + "$"
    )


def test_every_figure_of_the_latest_meeting_has_a_trace(sample):
    assert len(sample.figures) > 200  # the whole of figures.json, not a part of it
    assert sorted(set(sample.figures) - set(sample.traces)) == []  # a key no rule covers
    assert sorted(set(sample.traces) - set(sample.figures)) == []


def test_each_trace_has_a_registered_rule_whose_pattern_names_its_key(sample):
    for key, trace in sample.traces.items():
        assert trace.rule in ALL_RULES, key
        assert pattern_of(trace.rule.pattern).match(key), (key, trace.rule.pattern)
        assert trace.value == sample.figures[key], key


def test_each_rule_pattern_is_registered_once():
    patterns = [rule.pattern for rule in ALL_RULES]
    assert len(patterns) == len(set(patterns))


def test_every_figure_recomputes_from_the_rows_its_trace_gives(sample):
    config = sample.meeting.config
    wrong = {
        key: (trace.value, recomputed(trace, config.suppression_threshold))
        for key, trace in sample.traces.items()
        if not agrees(trace, config.suppression_threshold)
    }
    assert wrong == {}


def agrees(trace: Trace, threshold: int) -> bool:
    """Whether the figure is what its rows give by its rule; a hidden count stays hidden."""
    again = recomputed(trace, threshold)
    if trace.rule.check == COUNT and trace.value is None:
        if trace.note.startswith("hidden in the briefing"):
            return len(trace.rows) > 0  # a zero is shown: only a count of some comments hides
        return trace.note in NOTHING_TO_COMPARE and not trace.rows
    if isinstance(trace.value, float) and isinstance(again, float):
        return abs(trace.value - again) < 1e-9
    return again == trace.value


def recomputed(trace: Trace, threshold: int) -> object:
    """The figure worked out again from its trace's rows alone, by the kind of rule."""
    rule, rows = trace.rule, trace.rows
    if rule.check == COUNT:
        return len(rows)
    if rule.check == SUM:
        return float(sum((Decimal(str(r.fields[rule.field])) for r in rows), Decimal(0)))
    if rule.check == PER_CHILD:
        committed = sum((Decimal(str(r.fields["committed_gbp"])) for r in rows), Decimal(0))
        per_child = committed / trace.settings["population_0_25"]
        return float(per_child.quantize(Decimal("0.01"), ROUND_HALF_UP))
    if rule.check == VALUE:
        assert len(rows) == 1, trace.key
        return rows[0].fields[rule.field]
    if rule.check == IDS:
        return [r.id for r in rows]
    assert rule.check == RULE, trace.key
    return RECOMPUTE[trace.key.rsplit(".", 1)[-1]](trace)


def derived_rag(trace: Trace) -> str:
    ratings = [r.fields["rag"] for r in trace.rows if r.fields["rag"] != "blue"]
    if not ratings:
        return "blue"
    red = Fraction(ratings.count("red"), len(ratings))
    green = Fraction(ratings.count("green"), len(ratings))
    if red >= Fraction(str(trace.settings["rag_rule.red_share"])):
        return "red"
    if green >= Fraction(str(trace.settings["rag_rule.green_share"])) and not red:
        return "green"
    return "amber"


def expected(trace: Trace) -> float | None:
    points = [
        (dt.date.fromisoformat(r.fields["period"]), Fraction(str(r.fields["value"])))
        for r in trace.rows
    ]
    on = trace.settings["on"]
    if len(points) < 2 or on is None:
        return None  # no target
    on = dt.date.fromisoformat(on)
    if on < points[0][0]:
        return None
    if on >= points[-1][0]:
        return round(float(points[-1][1]), 6)
    for (start, low), (end, high) in itertools.pairwise(points):
        if start <= on <= end:
            share = Fraction((on - start).days, (end - start).days)
            return round(float(low + (high - low) * share), 6)
    raise AssertionError(trace.key)


def rating(trace: Trace) -> str:
    if trace.settings["expected"] is None:
        return "none"
    ahead = Fraction(str(trace.rows[0].fields["value"])) - Fraction(str(trace.settings["expected"]))
    if trace.settings["polarity"] == "lower":
        ahead = -ahead
    if ahead >= 0:
        return "green"
    return "amber" if ahead >= -Fraction(str(trace.settings["tolerance"])) else "red"


def direction(trace: Trace) -> str:
    if len(trace.rows) < 2:
        return "none"
    change = trace.rows[0].fields["value"] - trace.rows[1].fields["value"]
    if abs(change) <= 1e-9:
        return "no change"
    better = change > 0 if trace.settings["polarity"] == "higher" else change < 0
    return "improving" if better else "worsening"


def late(trace: Trace) -> bool:
    if not trace.rows:
        return True
    meeting = dt.date.fromisoformat(trace.settings["meeting"])
    period_end = dt.date.fromisoformat(trace.rows[0].fields["period_end"])
    return (meeting - period_end).days > trace.settings["allowed_days"]


def on_track_share(trace: Trace) -> float | None:
    ratings = [r.fields["rating"] for r in trace.rows if r.fields["rating"] != "none"]
    return round(ratings.count("green") / len(ratings), 4) if ratings else None


RECOMPUTE = {
    "rag": derived_rag,
    "expected": expected,
    "rating": rating,
    "direction": direction,
    "late": late,
    "on_track_share": on_track_share,
}


def test_overdue_lists_the_open_actions_due_before_the_meeting_with_their_due_dates(northshire):
    trace = northshire.traces["actions.overdue"]
    assert trace.value == 1
    assert trace.rule.text == "Open actions (not blue) whose due date is before the meeting date."
    assert [(r.file, r.row, r.id, dict(r.fields)) for r in trace.rows] == [
        (
            "actions/2026-05-05.csv",
            2,
            "W1",
            {"due_date": "2026-04-30", "rag": "red", "days_overdue": 12},
        )
    ]


def test_a_theme_count_names_each_comment_and_the_phrase_that_matched_it(northshire):
    trace = northshire.traces["feedback.period.themes.waiting"]
    assert trace.value == 3
    assert [(r.file, r.row, r.id, r.fields["matched"]) for r in trace.rows] == [
        ("feedback/dropins.csv", 5, "D-4", "speech therapy"),
        ("feedback/survey.csv", 3, "S-2", "referrals"),
        ("feedback/survey.csv", 4, "S-3", "coded by the analyst"),
    ]


def test_a_per_child_figure_is_its_districts_lines_over_its_population(northshire):
    trace = northshire.traces["funding.district.Westvale.committed_per_child_gbp"]
    assert trace.value == 0.63  # 5,000.00 / 8,000 children = 0.625, halves up
    assert trace.settings == {"population_0_25": 8000}
    assert [(r.file, r.row, r.id, r.fields["committed_gbp"]) for r in trace.rows] == [
        ("funding/2026-05-01.csv", 4, "L3", Decimal("5000.00"))
    ]


def test_a_published_figure_is_traced_to_the_row_of_the_file_it_was_read_from(sample):
    trace = sample.traces["impact.no_exc_20week_rate.latest"]
    (row,) = trace.rows
    with (SAMPLE / row.file).open(encoding="utf-8-sig", newline="") as handle:
        found = list(csv.DictReader(handle))[row.row - 2]  # row 1 is the header
    assert float(found["no_exc_20week_rate"]) == trace.value
    assert found["time_period"] == sample.figures["impact.no_exc_20week_rate.period"]
    assert found["geographic_level"] == "Local authority"


def test_no_trace_of_the_sample_shows_any_comment_text(sample):
    printed = "".join(
        trace_text(TraceAnswer([trace], True, SAMPLE, False, False))
        for trace in sample.traces.values()
    )
    comments = sample.meeting.data.feedback["comment"]
    assert len(printed) > 100_000  # every row of every figure was printed
    assert [c for c in comments if c in printed] == []


@pytest.mark.parametrize("meeting", ["2026-03-10", "2026-04-14", "2026-05-12"])
def test_every_figure_of_each_northshire_meeting_recomputes_from_its_rows(meeting):
    """The first meeting too: nothing to compare with, and counts hidden with a note."""
    traced = meeting_traces(select_meeting(load_board_data(NORTHSHIRE), meeting))
    threshold = traced.meeting.config.suppression_threshold
    assert sorted(set(traced.figures) ^ set(traced.traces)) == []
    assert {k: t.value for k, t in traced.traces.items() if not agrees(t, threshold)} == {}
    if meeting == "2026-03-10":
        assert traced.traces["actions.improved"].value is None
        assert traced.traces["actions.improved"].note == FIRST_MEETING
