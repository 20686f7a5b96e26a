"""The impact scorecard's rules: each measure against where its trajectory says it should be.

For each measure at a meeting: its latest value, the value expected on the trajectory at that
value's date, a rating (green, amber, red, or none), the direction of travel since the previous
value, and whether it was reported on time. Then, per priority area, the actions' derived rating
beside the measures' ratings, flagged where the two disagree. Arithmetic is exact (fractions of
the values as written), so a value on its trajectory is never a rounding error away from green.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import TYPE_CHECKING

import pandas as pd

from boardbrief.contract.board_config import BoardConfig
from boardbrief.contract.indicators import Indicators
from boardbrief.contract.measures import MeasureDefinition, Measures, Point
from boardbrief.sections.action_plan import rag_counts_by_area
from boardbrief.sections.tracing import COUNT, RULE, VALUE, Rule, SourceRow, Trace

if TYPE_CHECKING:
    from boardbrief.contract.meeting import Meeting

# How long after its period a value may take to arrive: the period itself plus 45 days.
PERIOD_DAYS = {"monthly": 31, "quarterly": 92, "termly": 122, "annual": 366}
DATA_LAG_DAYS = 45
DEFAULT_TOLERANCE_SHARE = Fraction(1, 10)  # of |target - baseline|
NO_CHANGE = 1e-9
RATINGS = ("red", "amber", "green")
NO_RATING = "none"
DIRECTIONS = ("improving", "worsening", "no change")
# Why a measure has no rating, in words for the board.
NO_TARGET = "no target"
NO_VALUE = "no figure reported"
BEFORE_BASELINE = "figure dated before the baseline"
ACTIONS_AHEAD = "actions on track, outcomes not yet moving"
OUTCOMES_AHEAD = "outcomes moving ahead of the actions"


def latest_value(values: pd.DataFrame, on: dt.date) -> pd.Series | None:
    """The value with the latest `period_end` on or before `on`, or None when there is none."""
    earlier = values[values["period_end"] <= pd.Timestamp(on)]
    if earlier.empty:
        return None
    return earlier.sort_values("period_end", kind="stable").iloc[-1]


def previous_value(values: pd.DataFrame, before: dt.date) -> pd.Series | None:
    """The value with the latest `period_end` strictly before `before` (the one before latest)."""
    earlier = values[values["period_end"] < pd.Timestamp(before)]
    if earlier.empty:
        return None
    return earlier.sort_values("period_end", kind="stable").iloc[-1]


def expected_value(measure: MeasureDefinition, on: dt.date) -> Fraction | None:
    """Where the trajectory says the measure should be on a date, exactly.

    Straight lines between consecutive points (baseline, milestones, target) by calendar day; the
    target after the target's date; none before the baseline, and none without a target.
    """
    if measure.target is None:
        return None
    points = measure.trajectory
    if on < points[0].period:
        return None
    if on >= points[-1].period:
        return _exact(points[-1].value)
    for start, end in itertools.pairwise(points):
        if start.period <= on <= end.period:
            return _between(start, end, on)
    raise AssertionError("a date within the trajectory lies on one of its segments")


def tolerance(measure: MeasureDefinition) -> Fraction | None:
    """How far behind the trajectory is still amber: as given, else 10% of |target - baseline|."""
    if measure.tolerance is not None:
        return _exact(measure.tolerance)
    if measure.target is None:
        return None
    gap = abs(_exact(measure.target.value) - _exact(measure.baseline.value))
    return DEFAULT_TOLERANCE_SHARE * gap


def rating(value: float, expected: Fraction, polarity: str, allowed: Fraction) -> str:
    """Green on or ahead of `expected`; amber behind by at most `allowed`; red otherwise.

    'Ahead' is by `polarity`: higher values for `higher`, lower for `lower`.
    """
    ahead_by = _exact(value) - expected
    if polarity == "lower":
        ahead_by = -ahead_by
    if ahead_by >= 0:
        return "green"
    if ahead_by >= -allowed:
        return "amber"
    return "red"


def direction(latest: float, previous: float | None, polarity: str) -> str:
    """Improving or worsening by `polarity`, 'no change' within 1e-9; 'none' with no previous."""
    if previous is None:
        return NO_RATING
    change = latest - previous
    if abs(change) <= NO_CHANGE:
        return "no change"
    better = change > 0 if polarity == "higher" else change < 0
    return "improving" if better else "worsening"


def is_late(frequency: str, period_end: dt.date | None, meeting_date: dt.date) -> bool:
    """Whether the latest value is older than the measure's frequency allows at the meeting.

    Allowed: the period (monthly 31 days, quarterly 92, termly 122, annual 366) plus 45 days
    for the data to come in. A measure with no value at all is late too.
    """
    if period_end is None:
        return True
    return (meeting_date - period_end).days > PERIOD_DAYS[frequency] + DATA_LAG_DAYS


@dataclass(frozen=True)
class MeasureResult:
    """One measure at a meeting: its latest value against its trajectory."""

    definition: MeasureDefinition
    history: pd.DataFrame  # every value on or before the meeting, oldest first
    value: float | None
    period_end: dt.date | None
    provisional: bool
    note: str
    previous: float | None
    previous_period_end: dt.date | None
    expected: Fraction | None
    tolerance: Fraction | None
    rating: str  # red, amber, green or none
    no_rating_reason: str | None
    direction: str  # improving, worsening, no change or none
    late: bool

    @property
    def id(self) -> str:
        return self.definition.id

    @property
    def rated(self) -> bool:
        return self.rating in RATINGS


def measure_result(
    measure: MeasureDefinition, values: pd.DataFrame, meeting_date: dt.date
) -> MeasureResult:
    """Apply every rule to one measure's values as at the meeting.

    `values` are this measure's rows (`period_end`, `value`, `status`, `note`); later ones than
    the meeting are ignored.
    """
    history = values[values["period_end"] <= pd.Timestamp(meeting_date)]
    history = history.sort_values("period_end", kind="stable").reset_index(drop=True)
    latest = latest_value(history, meeting_date)
    allowed = tolerance(measure)
    if latest is None:
        return MeasureResult(
            definition=measure,
            history=history,
            value=None,
            period_end=None,
            provisional=False,
            note="",
            previous=None,
            previous_period_end=None,
            expected=None,
            tolerance=allowed,
            rating=NO_RATING,
            no_rating_reason=NO_TARGET if measure.target is None else NO_VALUE,
            direction=NO_RATING,
            late=True,
        )
    period_end = latest["period_end"].date()
    before = previous_value(history, period_end)
    expected = expected_value(measure, period_end)
    reason = None
    if measure.target is None:
        reason = NO_TARGET
    elif expected is None:
        reason = BEFORE_BASELINE
    value = float(latest["value"])
    previous = None if before is None else float(before["value"])
    return MeasureResult(
        definition=measure,
        history=history,
        value=value,
        period_end=period_end,
        provisional=latest["status"] == "provisional",
        note=str(latest["note"] or ""),
        previous=previous,
        previous_period_end=None if before is None else before["period_end"].date(),
        expected=expected,
        tolerance=allowed,
        rating=NO_RATING
        if expected is None
        else rating(value, expected, measure.polarity, allowed),
        no_rating_reason=reason,
        direction=direction(value, previous, measure.polarity),
        late=is_late(measure.frequency, period_end, meeting_date),
    )


@dataclass(frozen=True)
class AreaImpact:
    """A priority area's actions beside its measures."""

    area: str
    name: str
    action_rating: str  # the actions' derived rating: red, amber, green or blue
    counts: dict[str, int]  # measures by rating, none included
    on_track_share: float | None  # green over rated measures; None when none is rated
    flag: str | None


def area_flag(action_rating: str, counts: dict[str, int]) -> str | None:
    """'Actions on track, outcomes not yet moving' or 'outcomes moving ahead of the actions'.

    The first where the actions are green or amber and at least half the rated measures are red;
    the second where the actions are red and at least half are green; otherwise none.
    """
    rated = sum(counts.get(r, 0) for r in RATINGS)
    if not rated:
        return None
    if action_rating in ("green", "amber") and 2 * counts.get("red", 0) >= rated:
        return ACTIONS_AHEAD
    if action_rating == "red" and 2 * counts.get("green", 0) >= rated:
        return OUTCOMES_AHEAD
    return None


def area_impact(
    area: str, name: str, action_rating: str, results: list[MeasureResult]
) -> AreaImpact:
    """One area's measures counted by rating, their on-track share and the flag."""
    counts = {r: sum(m.rating == r for m in results) for r in (*RATINGS, NO_RATING)}
    rated = sum(counts[r] for r in RATINGS)
    return AreaImpact(
        area=area,
        name=name,
        action_rating=action_rating,
        counts=counts,
        on_track_share=float(Fraction(counts["green"], rated)) if rated else None,
        flag=area_flag(action_rating, counts),
    )


@dataclass(frozen=True)
class Benchmark:
    """A published statistic naming the same thing as a measure: its latest period's values.

    `values` are (place, value) for the region and England, None where not published: the
    comparators. The area's own published figure is left out: the measure is the area's figure,
    and a published one that is years older (or flagged for checking) would contradict it.
    """

    label: str
    period: str
    values: tuple[tuple[str, float | None], ...]


def published_benchmarks(
    definitions: tuple[MeasureDefinition, ...], indicators: Indicators | None
) -> dict[str, Benchmark]:
    """Benchmarks by measure id: published measures whose label is the measure's name (any case)."""
    if indicators is None:
        return {}
    by_label = {s.measure.label.casefold(): s for s in indicators.measures.values()}
    found = {}
    for definition in definitions:
        series = by_label.get(definition.name.casefold())
        if series is None or series.table.empty:
            continue
        last = series.table.iloc[-1]
        found[definition.id] = Benchmark(
            label=series.measure.label,
            period=str(last["period_label"]),
            values=tuple(
                (series.name(g), None if pd.isna(last[g]) else float(last[g]))
                for g in ("region", "england")
            ),
        )
    return found


@dataclass(frozen=True)
class ScorecardStatus:
    """Everything the briefing says about the local outcome measures at one meeting."""

    config: BoardConfig
    meeting_date: dt.date
    measures: tuple[MeasureResult, ...]
    areas: tuple[AreaImpact, ...]
    actions: pd.DataFrame  # the meeting's action-plan snapshot, for linked actions' ratings
    benchmarks: dict[str, Benchmark] = field(default_factory=dict)  # by measure id

    @property
    def counts(self) -> dict[str, int]:
        return {r: sum(m.rating == r for m in self.measures) for r in (*RATINGS, NO_RATING)}

    @property
    def late(self) -> list[MeasureResult]:
        return [m for m in self.measures if m.late]

    @property
    def red(self) -> list[MeasureResult]:
        return [m for m in self.measures if m.rating == "red"]

    def by_area(self, area: str) -> list[MeasureResult]:
        return [m for m in self.measures if m.definition.area == area]


def scorecard_status(meeting: Meeting) -> ScorecardStatus | None:
    """The scorecard at a meeting; None when the board has no measures (no section is shown)."""
    measures: Measures | None = getattr(meeting.data, "measures", None)
    if measures is None:
        return None
    status = scorecard_from(measures, meeting.config, meeting.date, meeting.actions.table)
    benchmarks = published_benchmarks(measures.definitions, meeting.data.indicators)
    return replace(status, benchmarks=benchmarks)


def scorecard_from(
    measures: Measures, config: BoardConfig, meeting_date: dt.date, actions: pd.DataFrame
) -> ScorecardStatus:
    """The scorecard from checked measures, the board, the meeting date and its action plan."""
    spelling = {a.casefold(): a for a in config.priority_areas}
    results = []
    for definition in measures.definitions:
        area = spelling[definition.area.casefold()]
        owner = next(
            o for o in config.organisation_ids if o.casefold() == definition.owner.casefold()
        )
        definition = definition.model_copy(update={"area": area, "owner": owner})
        rows = measures.values[measures.values["measure_id"] == definition.id]
        results.append(measure_result(definition, rows, meeting_date))
    action_ratings = rag_counts_by_area(actions, config).set_index("priority_area")["derived_rag"]
    areas = tuple(
        area_impact(
            area,
            name,
            str(action_ratings[area]),
            [m for m in results if m.definition.area == area],
        )
        for area, name in config.priority_areas.items()
        if any(m.definition.area == area for m in results)
    )
    return ScorecardStatus(
        config=config,
        meeting_date=meeting_date,
        measures=tuple(results),
        areas=areas,
        actions=actions,
    )


def scorecard_figures(status: ScorecardStatus | None) -> dict[str, str | int | float | bool | None]:
    """The scorecard's keys in figures.json; none at all for a board without measures.

    `scorecard.measures.<id>.value`, `.period_end`, `.expected` (to 6 places), `.rating`
    (red/amber/green/none), `.direction` (improving/worsening/no change/none) and `.late`;
    `scorecard.rating.<rating>` and `scorecard.late` (counts of measures) and
    `scorecard.areas.<area>.on_track_share` (green over rated, to 4 places; None when none rated).
    """
    if status is None:
        return {}
    figures: dict[str, str | int | float | bool | None] = {}
    for m in status.measures:
        key = f"scorecard.measures.{m.id}"
        figures[f"{key}.value"] = m.value
        figures[f"{key}.period_end"] = m.period_end.isoformat() if m.period_end else None
        figures[f"{key}.expected"] = None if m.expected is None else round(float(m.expected), 6)
        figures[f"{key}.rating"] = m.rating
        figures[f"{key}.direction"] = m.direction
        figures[f"{key}.late"] = m.late
    for rated, number in status.counts.items():
        figures[f"scorecard.rating.{rated}"] = number
    figures["scorecard.late"] = len(status.late)
    for area in status.areas:
        share = area.on_track_share
        figures[f"scorecard.areas.{area.area}.on_track_share"] = (
            None if share is None else round(share, 4)
        )
    return figures


def _between(start: Point, end: Point, on: dt.date) -> Fraction:
    days = (end.period - start.period).days
    elapsed = (on - start.period).days
    low, high = _exact(start.value), _exact(end.value)
    return low + (high - low) * Fraction(elapsed, days)


def _exact(value: float | int) -> Fraction:
    """A value as the decimal it was written as: 0.1 is one tenth, not its binary neighbour."""
    return Fraction(str(value))


def scorecard_table(status: ScorecardStatus) -> pd.DataFrame:
    """One row per measure with every figure the briefing shows of it (for `export`).

    Values as reported; `expected` and `tolerance` to 6 places; `late` and `provisional` yes or
    no; the area's action rating, on-track share and flag beside each measure. The owner's
    free-text note is left out, as action commentary is.
    """
    areas = {a.area: a for a in status.areas}
    organisations = {o.id: o.name for o in status.config.organisations}
    rows = []
    for m in status.measures:
        d = m.definition
        area = areas[d.area]
        rows.append(
            {
                "meeting": status.meeting_date.isoformat(),
                "measure_id": d.id,
                "name": d.name,
                "priority_area": d.area,
                "priority_area_name": area.name,
                "owner": d.owner,
                "owner_name": organisations[d.owner],
                "unit": d.unit,
                "polarity": d.polarity,
                "frequency": d.frequency,
                "value": m.value,
                "period_end": m.period_end.isoformat() if m.period_end else None,
                "provisional": "yes" if m.provisional else "no",
                "expected": None if m.expected is None else round(float(m.expected), 6),
                "tolerance": None if m.tolerance is None else round(float(m.tolerance), 6),
                "rating": m.rating,
                "not_rated_because": m.no_rating_reason,
                "direction": m.direction,
                "previous_value": m.previous,
                "previous_period_end": (
                    m.previous_period_end.isoformat() if m.previous_period_end else None
                ),
                "late": "yes" if m.late else "no",
                "baseline_period": d.baseline.period.isoformat(),
                "baseline_value": d.baseline.value,
                "target_period": d.target.period.isoformat() if d.target else None,
                "target_value": d.target.value if d.target else None,
                "actions": "; ".join(d.actions),
                "area_action_rating": area.action_rating,
                "area_on_track_share": (
                    None if area.on_track_share is None else round(area.on_track_share, 4)
                ),
                "area_flag": area.flag,
            }
        )
    return pd.DataFrame(rows)


# The rules behind `scorecard_figures`, in the words of docs/counting-rules.md.
VALUE_RULE = Rule(
    "scorecard.measures.<measure>.value",
    "The measure's reported value with the latest period_end on or before the meeting date.",
    VALUE,
    "value",
)
PERIOD_END_RULE = Rule(
    "scorecard.measures.<measure>.period_end",
    "The period_end of that latest value.",
    VALUE,
    "period_end",
)
EXPECTED_RULE = Rule(
    "scorecard.measures.<measure>.expected",
    "Where the trajectory in measures.yml puts the measure on the latest value's period_end: "
    "straight lines by calendar day through the baseline, each milestone and the target; the "
    "target after its date; none before the baseline or without a target (to 6 places).",
    RULE,
)
RATING_RULE = Rule(
    "scorecard.measures.<measure>.rating",
    "Green when the latest value is at or better than expected (by the measure's polarity); "
    "amber when behind by no more than the tolerance (as given, else 10% of |target - "
    "baseline|); red when further behind; none with no expected value.",
    RULE,
)
DIRECTION_RULE = Rule(
    "scorecard.measures.<measure>.direction",
    "The latest value against the one before it, by the measure's polarity: improving, "
    "worsening, or no change within 1e-9; none with no earlier value.",
    RULE,
)
LATE_RULE = Rule(
    "scorecard.measures.<measure>.late",
    "True when the latest period_end is older at the meeting than the frequency allows "
    "(monthly 31 days, quarterly 92, termly 122, annual 366, each plus 45), or there is no value.",
    RULE,
)
RATING_COUNT_RULE = Rule(
    "scorecard.rating.<rating>", "Measures carrying that rating (red, amber, green, none).", COUNT
)
LATE_COUNT_RULE = Rule("scorecard.late", "Measures whose latest value is late.", COUNT)
ON_TRACK_RULE = Rule(
    "scorecard.areas.<area>.on_track_share",
    "The area's measures rated green over its measures rated red, amber or green, to 4 places; "
    "None when none is rated.",
    RULE,
)
SCORECARD_RULES = (
    VALUE_RULE,
    PERIOD_END_RULE,
    EXPECTED_RULE,
    RATING_RULE,
    DIRECTION_RULE,
    LATE_RULE,
    RATING_COUNT_RULE,
    LATE_COUNT_RULE,
    ON_TRACK_RULE,
)


def scorecard_trace(status: ScorecardStatus | None) -> list[Trace]:
    """A `Trace` for every key of `scorecard_figures`: the reported values and trajectories."""
    if status is None:
        return []
    figures = scorecard_figures(status)
    found = []
    for m in status.measures:
        key = f"scorecard.measures.{m.id}"
        latest = _value_rows(m, m.period_end)
        allowed = None if m.tolerance is None else round(float(m.tolerance), 6)
        points = tuple(
            SourceRow(
                MEASURES_YML,
                None,
                f"{m.id} {kind}",
                {"period": p.period.isoformat(), "value": p.value},
            )
            for kind, p in _points(m.definition)
        )
        found += [
            Trace(f"{key}.value", figures[f"{key}.value"], VALUE_RULE, latest),
            Trace(f"{key}.period_end", figures[f"{key}.period_end"], PERIOD_END_RULE, latest),
            Trace(
                f"{key}.expected",
                figures[f"{key}.expected"],
                EXPECTED_RULE,
                points,
                settings={"on": m.period_end.isoformat() if m.period_end else None},
            ),
            Trace(
                f"{key}.rating",
                figures[f"{key}.rating"],
                RATING_RULE,
                latest,
                settings={
                    "expected": figures[f"{key}.expected"],
                    "tolerance": allowed,
                    "polarity": m.definition.polarity,
                },
            ),
            Trace(
                f"{key}.direction",
                figures[f"{key}.direction"],
                DIRECTION_RULE,
                latest + _value_rows(m, m.previous_period_end),
                settings={"polarity": m.definition.polarity},
            ),
            Trace(
                f"{key}.late",
                figures[f"{key}.late"],
                LATE_RULE,
                latest,
                settings={
                    "meeting": status.meeting_date.isoformat(),
                    "frequency": m.definition.frequency,
                    "allowed_days": PERIOD_DAYS[m.definition.frequency] + DATA_LAG_DAYS,
                },
            ),
        ]
    for rated in (*RATINGS, NO_RATING):
        chosen = [m for m in status.measures if m.rating == rated]
        key = f"scorecard.rating.{rated}"
        found.append(Trace(key, figures[key], RATING_COUNT_RULE, _measure_rows(chosen)))
    found.append(
        Trace(
            "scorecard.late", figures["scorecard.late"], LATE_COUNT_RULE, _measure_rows(status.late)
        )
    )
    for area in status.areas:
        key = f"scorecard.areas.{area.area}.on_track_share"
        rows = _measure_rows(status.by_area(area.area))
        found.append(Trace(key, figures[key], ON_TRACK_RULE, rows))
    return found


MEASURES_YML = "measures.yml"


def _points(definition: MeasureDefinition) -> list[tuple[str, Point]]:
    if definition.target is None:
        return [("baseline", definition.baseline)]
    middle = [("milestone", p) for p in definition.milestones]
    return [("baseline", definition.baseline), *middle, ("target", definition.target)]


def _value_rows(m: MeasureResult, period_end: dt.date | None) -> tuple[SourceRow, ...]:
    """The reported value of `m` for `period_end` (none when there is none), as a source row."""
    if period_end is None:
        return ()
    found = m.history[m.history["period_end"] == pd.Timestamp(period_end)]
    return tuple(
        SourceRow(
            str(row.source_file),
            int(row.source_row),
            m.id,
            {"period_end": period_end.isoformat(), "value": float(row.value)},
        )
        for row in found.tail(1).itertuples()
    )


def _measure_rows(measures: list[MeasureResult]) -> tuple[SourceRow, ...]:
    """Each measure by its latest reported value's row (measures.yml's when it has none)."""
    rows = []
    for m in measures:
        value = _value_rows(m, m.period_end)
        row = value[0] if value else SourceRow(MEASURES_YML, None, m.id)
        rows.append(
            SourceRow(row.file, row.row, m.id, {**row.fields, "rating": m.rating, "late": m.late})
        )
    return tuple(rows)
