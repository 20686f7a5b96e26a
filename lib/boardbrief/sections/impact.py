"""Impact computations: the area's published outcomes against its region and England.

For each configured measure: the latest value, its change over one and three periods, and the
values that jumped implausibly (a percentage moving more than `check_jump_points` in one period),
which the briefing shows with a "check this figure" note rather than silently trusting them.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from boardbrief.contract.indicators import Indicators
from boardbrief.contract.indicators.config import DEFAULT_CHECK_JUMP_POINTS, Measure, WaitingLists
from boardbrief.contract.indicators.dfe import GEOGRAPHIES, MeasureSeries
from boardbrief.contract.indicators.nhs import WaitingListData
from boardbrief.sections.tracing import VALUE, Rule, SourceRow, Trace

if TYPE_CHECKING:
    from boardbrief.contract.meeting import Meeting

CHANGE_STEPS = (1, 3)


@dataclass(frozen=True)
class Change:
    """How a value moved over `steps` periods: from `since` (a period label) by `by`."""

    steps: int
    since: str
    by: float | None


@dataclass(frozen=True)
class MeasureStatus:
    """One measure at its latest period, for the area, its region and England."""

    series: MeasureSeries
    latest_period: str
    latest: dict[str, float | None]
    latest_notes: dict[str, str]
    changes: dict[str, tuple[Change, ...]]
    checks: pd.DataFrame

    @property
    def measure(self) -> Measure:
        return self.series.measure

    @property
    def column(self) -> str:
        return self.measure.column

    def check_for(self, geography: str, period_label: str) -> float | None:
        """The jump that flagged this value, or None when it was not flagged."""
        found = self.checks[
            (self.checks["geography"] == geography) & (self.checks["period_label"] == period_label)
        ]
        return None if found.empty else float(found["jump"].iloc[0])


@dataclass(frozen=True)
class ImpactStatus:
    """Everything the briefing says about published outcomes, computed once."""

    area: str
    la_code: str
    configured: bool
    check_jump_points: float
    measures: tuple[MeasureStatus, ...]
    waiting_lists: WaitingListData | None
    waiting_source: WaitingLists | None = None  # how board.yml names and links that file


def impact_status(source: Meeting | Indicators) -> ImpactStatus:
    """The impact section's figures, from a meeting (its data's indicators) or from indicators.

    The statistics do not depend on the meeting date: each measure's latest published period is
    shown, and its date is always stated.
    """
    indicators = source if isinstance(source, Indicators) else source.data.indicators
    settings = indicators.config
    threshold = settings.check_jump_points if settings else DEFAULT_CHECK_JUMP_POINTS
    return ImpactStatus(
        area=indicators.area,
        la_code=indicators.la_code,
        configured=settings is not None,
        check_jump_points=threshold,
        measures=tuple(measure_status(s, threshold) for s in indicators.measures.values()),
        waiting_lists=indicators.waiting_lists,
        waiting_source=settings.waiting_lists if settings else None,
    )


def measure_status(series: MeasureSeries, check_jump_points: float) -> MeasureStatus:
    """The latest period's values, changes over one and three periods, and flagged jumps."""
    table = series.table
    last = table.iloc[-1]
    return MeasureStatus(
        series=series,
        latest_period=last["period_label"],
        latest={g: _value(last[g]) for g in GEOGRAPHIES},
        latest_notes={g: last[f"{g}_note"] for g in GEOGRAPHIES},
        changes={
            g: tuple(change(table, g, steps) for steps in CHANGE_STEPS)
            for g in GEOGRAPHIES
            if len(table) > 1
        },
        checks=(
            implausible_jumps(table, check_jump_points)
            if series.measure.unit == "percent"
            else _no_checks()
        ),
    )


def change(table: pd.DataFrame, geography: str, steps: int) -> Change:
    """The latest value minus the value `steps` periods before it (None if either is missing).

    Periods are the file's own, in order: for calendar-year data one step is one year.
    """
    if len(table) <= steps:
        return Change(steps, "", None)
    now, then = table[geography].iloc[-1], table[geography].iloc[-1 - steps]
    since = table["period_label"].iloc[-1 - steps]
    by = None if pd.isna(now) or pd.isna(then) else round(float(now - then), 6)
    return Change(steps, since, by)


def implausible_jumps(table: pd.DataFrame, points: float) -> pd.DataFrame:
    """Values that moved more than `points` from the period before, for every geography.

    Only consecutive periods with both values published are compared. Columns: `geography`,
    `period_label`, `previous_label`, `value`, `previous`, `jump` (signed, in points).
    """
    rows = []
    for geography in GEOGRAPHIES:
        values = table[geography]
        jumps = values - values.shift(1)
        for position in jumps.index[jumps.abs() > points]:
            rows.append(
                {
                    "geography": geography,
                    "period_label": table.at[position, "period_label"],
                    "previous_label": table.at[position - 1, "period_label"],
                    "value": float(values[position]),
                    "previous": float(values[position - 1]),
                    "jump": round(float(jumps[position]), 6),
                }
            )
    return pd.DataFrame(rows, columns=_no_checks().columns)


STALE_AFTER_DAYS = 365  # data more than twelve months older than the meeting


def period_end(period_label: str) -> dt.date:
    """The latest day a published period can end: 31 December of its last year.

    '2022' ends 2022-12-31; an academic or financial year '2022/23' ends by 2023-12-31. Taking
    the latest day means a figure is never called older than it is.
    """
    first = int(period_label[:4])
    last = first + 1 if "/" in period_label else first
    return dt.date(last, 12, 31)


def is_stale(data_date: dt.date, meeting_date: dt.date) -> bool:
    """Whether data dated `data_date` is more than twelve months older than the meeting."""
    return (meeting_date - data_date).days > STALE_AFTER_DAYS


def can_lead(measure: MeasureStatus, meeting_date: dt.date) -> bool:
    """Whether the area's latest figure may lead a key message: not flagged, not stale."""
    flagged = measure.check_for("area", measure.latest_period) is not None
    return (
        not flagged
        and measure.latest["area"] is not None
        and not is_stale(period_end(measure.latest_period), meeting_date)
    )


def impact_figures(status: ImpactStatus) -> dict[str, str | float | None]:
    """The impact section's keys in figures.json, for each configured measure (by its column).

    `impact.<measure>.latest`, `.region` and `.england` are the latest period's values as
    published (the briefing rounds them for display), or None where the file gives a symbol;
    `impact.<measure>.period` is that period ('2022', or '2022/23' for academic years).
    """
    figures: dict[str, str | float | None] = {}
    for measure in status.measures:
        key = f"impact.{measure.column}"
        figures[f"{key}.latest"] = measure.latest["area"]
        figures[f"{key}.period"] = measure.latest_period
        figures[f"{key}.region"] = measure.latest["region"]
        figures[f"{key}.england"] = measure.latest["england"]
    return figures


def _value(value: object) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


def _no_checks() -> pd.DataFrame:
    columns = ["geography", "period_label", "previous_label", "value", "previous", "jump"]
    return pd.DataFrame(columns=columns)


# The rules behind `impact_figures`, in the words of docs/counting-rules.md.
PUBLISHED = "as published (None where the file gives a symbol instead of a number)"
LATEST_RULE = Rule(
    "impact.<measure>.latest",
    f"The area's value in the latest period of the published statistics file, {PUBLISHED}.",
    VALUE,
    "value",
)
REGION_RULE = Rule(
    "impact.<measure>.region",
    f"The region's value in that period of the same file, {PUBLISHED}.",
    VALUE,
    "value",
)
ENGLAND_RULE = Rule(
    "impact.<measure>.england",
    f"England's value in that period of the same file, {PUBLISHED}.",
    VALUE,
    "value",
)
PERIOD_RULE = Rule(
    "impact.<measure>.period",
    "The latest period in the published statistics file ('2022', or '2022/23' for a year "
    "across two).",
    VALUE,
    "period",
)
IMPACT_RULES = (LATEST_RULE, REGION_RULE, ENGLAND_RULE, PERIOD_RULE)


def impact_trace(status: ImpactStatus) -> list[Trace]:
    """A `Trace` for every key of `impact_figures`: the published file's row behind each value."""
    figures = impact_figures(status)
    found = []
    for measure in status.measures:
        key = f"impact.{measure.column}"
        series, period = measure.series, measure.latest_period
        for geography, suffix, rule in (
            ("area", "latest", LATEST_RULE),
            ("region", "region", REGION_RULE),
            ("england", "england", ENGLAND_RULE),
            ("area", "period", PERIOD_RULE),
        ):
            row = SourceRow(
                series.file,
                series.source_rows.get((geography, period)),
                f"{series.name(geography)} {period}",
                {
                    "period": period,
                    "value": measure.latest[geography],
                    "note": measure.latest_notes[geography],
                },
            )
            found.append(Trace(f"{key}.{suffix}", figures[f"{key}.{suffix}"], rule, (row,)))
    return found
