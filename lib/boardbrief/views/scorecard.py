"""The impact scorecard: are things getting better for children and families?

Each local outcome measure against where its trajectory says it should be by now, grouped by
priority area; an exception report for every measure behind by more than its tolerance; and the
actions beside the outcomes in each area. Every view returns nothing for a board without
measures, so the section and its headings are left out rather than shown empty.
"""

from __future__ import annotations

import base64
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from markupsafe import Markup

from boardbrief import charts
from boardbrief.charts.scorecard import sparkline, trajectory_chart
from boardbrief.formatting import MONTHS, count, long_date, lower_first, percent, plural
from boardbrief.present import Column, Html, Row, Table, rag_badge, render_block
from boardbrief.privacy.redaction import Redactor
from boardbrief.sections.scorecard import (
    ACTIONS_AHEAD,
    NO_TARGET,
    OUTCOMES_AHEAD,
    AreaImpact,
    MeasureResult,
    ScorecardStatus,
    expected_value,
)

DASH = "\u2013"
DIRECTION_WORDS = {
    "improving": "Improving",
    "worsening": "Worsening",
    "no change": "No change",
    "none": "First figure",
}
UNIT_WORDS = {"days": "days", "weeks": "weeks"}


def scorecard_summary(status: ScorecardStatus | None) -> Html | None:
    """The section's plain-English opening; nothing for a board without measures."""
    if status is None:
        return None
    return render_block("paragraphs.html.j2", paragraphs=summary_sentences(status))


def summary_sentences(status: ScorecardStatus) -> list[str]:
    """The opening: ratings against trajectory, then late, provisional and context measures."""
    sentences = [rating_sentence(status)]
    late = late_sentence(status)
    if late:
        sentences.append(late)
    provisional = [m for m in status.measures if m.provisional]
    if provisional:
        names = _and([lower_first(m.definition.name) for m in provisional])
        sentences.append(
            f"{_count_of(len(provisional), 'latest figure')} "
            f"{'is' if len(provisional) == 1 else 'are'} provisional and may change: {names}."
        )
    context = [m for m in status.measures if m.definition.target is None]
    if context:
        names = _and([lower_first(m.definition.name) for m in context])
        sentences.append(
            f"{_count_of(len(context), 'measure')} {'has' if len(context) == 1 else 'have'} no "
            f"target and {'is' if len(context) == 1 else 'are'} shown for context: {names}."
        )
    moved = [m for m in status.measures if m.direction in ("improving", "worsening", "no change")]
    if moved:
        improving = sum(m.direction == "improving" for m in moved)
        worsening = sum(m.direction == "worsening" for m in moved)
        same = len(moved) - improving - worsening
        text = (
            f"Since their previous figures, {count(improving)} "
            f"{'measure' if improving == 1 else 'measures'} improved and {count(worsening)} "
            "worsened"
        )
        text += f", and {count(same)} did not change." if same else "."
        sentences.append(text)
    return sentences


def rating_sentence(status: ScorecardStatus) -> str:
    """'6 of 20 measures with a target are on or ahead of their trajectory, 7 are within ...'"""
    counts = status.counts
    rated = counts["green"] + counts["amber"] + counts["red"]
    with_target = [m for m in status.measures if m.definition.target is not None]
    if not rated:
        if not with_target:
            return (
                f"None of the {plural(len(status.measures), 'measure')} has a target yet, so "
                "none is rated; they are shown for context."
            )
        return (
            f"None of the {plural(len(with_target), 'measure')} with a target has a figure "
            "that can be rated against its trajectory yet."
        )
    red = status.red
    text = (
        f"{count(counts['green'])} of {plural(rated, 'measure')} with a target "
        f"{_is_are(counts['green'])} on or ahead of their "
        f"trajectory, {count(counts['amber'])} {_is_are(counts['amber'])} within tolerance and "
        f"{count(counts['red'])} {_is_are(counts['red'])} behind"
    )
    if red and len(red) <= 3:
        text += ": " + _and([lower_first(m.definition.name) for m in red])
    elif red:
        text += " by more than their tolerance (each has an exception report below)"
    text += "."
    unrated = len(with_target) - rated
    if unrated:
        text += (
            f" {_count_of(unrated, 'more measure')} with a target "
            f"{'has' if unrated == 1 else 'have'} no figure that can be rated yet."
        )
    return text


def late_sentence(status: ScorecardStatus) -> str | None:
    """The measures not reported on time, each with its last figure's period."""
    late = status.late
    if not late:
        return None
    parts = []
    for m in late:
        name = lower_first(m.definition.name)
        if m.period_end is None:
            parts.append(f"{name} (no figure yet)")
        else:
            parts.append(f"{name} (last figure: {period_label(m)})")
    verb = "was" if len(late) == 1 else "were"
    return (
        f"{_count_of(len(late), 'measure')} {verb} not reported on time: {_and(parts)}. "
        f"{'It keeps its' if len(late) == 1 else 'Each keeps its'} last rating, marked as out "
        "of date."
    )


def scorecard_table(status: ScorecardStatus | None) -> Html | None:
    """The measures grouped by priority area, one table per area, with a trend for each."""
    if status is None:
        return None
    blocks = [area_table(status, area).to_html().markup for area in status.areas]
    blocks.append(
        render_block("scorecard_figures.html.j2", table=figures_table(status).to_html()).markup
    )
    return Html("\n".join(blocks))


def area_table(status: ScorecardStatus, area: AreaImpact) -> Table:
    """One priority area's measures: latest, expected, rating, direction, baseline, target."""
    rows = []
    for m in status.by_area(area.area):
        rows.append(
            Row(
                [
                    m.definition.name,
                    latest_cell(m),
                    expected_cell(m),
                    rating_cell(m),
                    DIRECTION_WORDS[m.direction] if m.value is not None else DASH,
                    baseline_cell(m),
                    target_cell(m),
                    trend_cell(m),
                ]
            )
        )
    return Table(
        caption=f"{area.name}: measures against their trajectory",
        columns=[
            Column("Measure"),
            Column("Latest", "num"),
            Column("Expected by then", "num"),
            Column("Rating"),
            Column("Direction"),
            Column("Baseline", "num"),
            Column("Target", "num"),
            Column("Trend"),
        ],
        rows=rows,
        notes=_area_notes(status.by_area(area.area))
        + [
            benchmark_note(status, m)
            for m in status.by_area(area.area)
            if m.id in status.benchmarks
        ],
    )


def benchmark_note(status: ScorecardStatus, m: MeasureResult) -> str:
    """The published statistic of the same name beside a measure, with its (older) period."""
    benchmark = status.benchmarks[m.id]
    places = ", ".join(
        f"{place} {DASH if value is None else show(value, m.definition.unit)}"
        for place, value in benchmark.values
    )
    return (
        f"Benchmark for {lower_first(m.definition.name)}: {places} in {benchmark.period}, "
        "the latest published statistics (see the published statistics section)."
    )


def latest_cell(m: MeasureResult) -> str:
    """'42.5%, September 2026 (provisional)'; 'No figure reported' when there is none."""
    if m.value is None:
        return "No figure reported"
    text = f"{show(m.value, m.definition.unit)}, {period_label(m)}"
    marks = (["provisional"] if m.provisional else []) + (["not on time"] if m.late else [])
    return text + (f" ({', '.join(marks)})" if marks else "")


def expected_cell(m: MeasureResult) -> str:
    if m.expected is None:
        return DASH
    return show(m.expected, m.definition.unit)


def rating_cell(m: MeasureResult) -> Markup | str:
    """The rating as a word on its colour; out of date when late; why there is none."""
    if not m.rated:
        reason = m.no_rating_reason or NO_TARGET
        return "Not rated: " + reason
    badge = rag_badge(m.rating)
    return badge + Markup(" (out of date)") if m.late else badge


def baseline_cell(m: MeasureResult) -> str:
    baseline = m.definition.baseline
    return f"{show(baseline.value, m.definition.unit)}, {month_year(baseline.period)}"


def target_cell(m: MeasureResult) -> str:
    target = m.definition.target
    if target is None:
        return "None"
    return f"{show(target.value, m.definition.unit)} by {month_year(target.period)}"


def trend_cell(m: MeasureResult) -> Markup | str:
    """A sparkline of every figure up to the meeting, with its values as its text alternative."""
    values = [float(v) for v in m.history["value"]]
    if len(values) < 2:
        return "Not enough figures for a trend" if values else DASH
    svg = sparkline(values)
    encoded = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return Markup('<img class="sparkline" src="data:image/svg+xml;base64,{}" alt="{}">').format(
        encoded, sparkline_alt(m)
    )


def sparkline_alt(m: MeasureResult) -> str:
    """'Trend, January 2025 to September 2026: from 29.4% to 42.5%, lowest 28.9%, highest ...'"""
    history = m.history
    unit = m.definition.unit
    values = [float(v) for v in history["value"]]
    first, last = history["period_end"].iloc[0].date(), history["period_end"].iloc[-1].date()
    return (
        f"Trend of {len(values)} figures, {month_year(first)} to {month_year(last)}: from "
        f"{show(values[0], unit)} to {show(values[-1], unit)}"
        f"{' (provisional)' if history['status'].iloc[-1] == 'provisional' else ''}, "
        f"lowest {show(min(values), unit)}, "
        f"highest {show(max(values), unit)}; {m.definition.polarity} is better."
    )


def figures_table(status: ScorecardStatus) -> Table:
    """Every figure the trends are drawn from, with its period and whether it is provisional."""
    rows = []
    for m in status.measures:
        for record in m.history.itertuples():
            day = record.period_end.date()
            rows.append(
                Row(
                    [
                        m.definition.name,
                        period_label(m, day),
                        show(record.value, m.definition.unit),
                        "Provisional" if record.status == "provisional" else "Final",
                    ]
                )
            )
    return Table(
        caption="Every figure reported up to this meeting",
        columns=[Column("Measure"), Column("Period"), Column("Value", "num"), Column("Status")],
        rows=rows,
    )


def exception_reports(
    status: ScorecardStatus | None, redact: Redactor | None = None
) -> Html | None:
    """For every red measure: what it shows, a chart over its trajectory, actions, latest note."""
    if status is None:
        return None
    red = status.red
    if not red:
        return render_block(
            "paragraphs.html.j2",
            paragraphs=["No measure is behind its trajectory by more than its tolerance."],
        )
    redact = redact or Redactor(status.config.redact)
    reports = [
        {
            "name": m.definition.name,
            "summary": exception_sentence(status, m),
            "chart": exception_chart(m).to_html(),
            "actions": linked_actions(status, m).to_html() if m.definition.actions else None,
            "no_actions": not m.definition.actions,
            "note": redact(m.note) if m.note else None,
            "benchmark": benchmark_note(status, m) if m.id in status.benchmarks else None,
        }
        for m in red
    ]
    lead = (
        f"{_count_of(len(red), 'measure')} {_is_are(len(red))} behind "
        f"{'its' if len(red) == 1 else 'their'} "
        "trajectory by more than the tolerance. For each: how far behind, who owns it, the "
        "actions meant to move it and the owner's latest note."
    )
    return render_block("scorecard_exceptions.html.j2", lead=lead, reports=reports)


def exception_sentence(status: ScorecardStatus, m: MeasureResult) -> str:
    """Latest against expected and target, the owner, the direction."""
    d = m.definition
    owner = status.config.organisation(d.owner).name
    text = (
        f"{show(m.value, d.unit)} in {period_label(m)}"
        f"{' (provisional)' if m.provisional else ''}, against {show(m.expected, d.unit)} "
        f"expected by then on the way to {show(d.target.value, d.unit)} by "
        f"{month_year(d.target.period)} ({d.polarity} is better; within "
        f"{show(m.tolerance, d.unit, units=d.unit != 'percent')} of the trajectory counts as "
        "amber). "
    )
    if m.direction in ("improving", "worsening"):
        text += (
            f"It has {'improved' if m.direction == 'improving' else 'worsened'} since "
            f"{period_label(m, m.previous_period_end)} "
            f"({show(m.previous, d.unit)}). "
        )
    elif m.direction == "no change":
        text += f"It has not changed since {period_label(m, m.previous_period_end)}. "
    if m.late:
        text += "This figure is out of date: the measure was not reported on time. "
    return text + f"Owner: {owner}."


def exception_chart(m: MeasureResult) -> charts.Chart:
    """The measure's figures over its trajectory, with the same figures as a table."""
    return measure_chart(m)


def measure_chart(m: MeasureResult) -> charts.Chart:
    """A measure with a target and figures: its figures over its trajectory, and as a table.

    The alt text ends with where the latest figure stands against the trajectory, by rating.
    """
    d = m.definition
    reported = [
        (r.period_end.date(), float(r.value), r.status == "provisional")
        for r in m.history.itertuples()
    ]
    trajectory = [(p.period, float(p.value)) for p in d.trajectory]
    svg = trajectory_chart(
        reported,
        trajectory,
        float(m.tolerance),
        d.polarity,
        d.unit,
        show=lambda v: show(v, d.unit),
    )
    rows = []
    for day, value, provisional in reported:
        expected = expected_value(d, day)
        rows.append(
            Row(
                [
                    period_label(m, day),
                    show(value, d.unit) + (" (provisional)" if provisional else ""),
                    DASH if expected is None else show(expected, d.unit),
                ]
            )
        )
    points = [f"baseline {show(d.baseline.value, d.unit)} ({long_date(d.baseline.period)})"]
    points += [f"{show(p.value, d.unit)} by {long_date(p.period)}" for p in d.milestones]
    points.append(f"target {show(d.target.value, d.unit)} by {long_date(d.target.period)}")
    first, last = reported[0][0], reported[-1][0]
    alt = (
        f"Line chart of {lower_first(d.name)}, {month_year(first)} to {month_year(last)}, with "
        f"the trajectory it should follow: {_and(points)}. The latest figure, "
        f"{show(m.value, d.unit)}, {_against_trajectory(m)}."
    )
    return charts.Chart(
        svg=svg,
        alt=alt,
        caption=(
            f"{d.name}: reported figures (solid line; a hollow point is provisional) against the "
            "trajectory (dashed) and the tolerance band (shaded)."
        ),
        data=Table(
            caption=f"{d.name}: reported and expected",
            columns=[Column("Period"), Column("Reported", "num"), Column("Expected", "num")],
            rows=rows,
            notes=[f"Trajectory: {_and(points)}."],
        ),
    )


def _against_trajectory(m: MeasureResult) -> str:
    """Where the latest figure stands against where it should be by then, by its rating."""
    expected = show(m.expected, m.definition.unit)
    side = "below" if m.definition.polarity == "higher" else "above"
    if m.rating == "red":
        return f"is {side} where it should be by then ({expected}), by more than the tolerance"
    if m.rating == "amber":
        return f"is {side} where it should be by then ({expected}), within the tolerance"
    if m.rating == "green":
        return f"is on or ahead of where it should be by then ({expected})"
    return f"is not rated: {m.no_rating_reason or NO_TARGET}"


def linked_actions(status: ScorecardStatus, m: MeasureResult) -> Table:
    """The actions expected to move a measure, with their ratings in this meeting's plan."""
    actions = status.actions.set_index(status.actions["action_id"].str.casefold())
    organisations = {o.id: o.name for o in status.config.organisations}
    rows = []
    for action_id in m.definition.actions:
        key = action_id.casefold()
        if key not in actions.index:
            rows.append(Row([action_id, "Not in this meeting's action plan", DASH, DASH]))
            continue
        action = actions.loc[key]
        rows.append(
            Row(
                [
                    f"{action['action_id']}: {action['title']}",
                    organisations.get(action["owner"], action["owner"]),
                    rag_badge(action["rag"]),
                    long_date(action["due_date"].date()),
                ]
            )
        )
    return Table(
        caption=f"Actions meant to move this measure, as at {long_date(status.meeting_date)}",
        columns=[Column("Action"), Column("Owner"), Column("Rating"), Column("Due")],
        rows=rows,
    )


def activity_beside_impact(status: ScorecardStatus | None) -> Html | None:
    """Per area: the actions' rating beside its measures' ratings, flagged where they part."""
    if status is None:
        return None
    rows = []
    for area in status.areas:
        rated = area.counts["red"] + area.counts["amber"] + area.counts["green"]
        mix = ", ".join(
            f"{area.counts[r]} {r}" for r in ("green", "amber", "red") if area.counts[r]
        )
        if area.counts["none"]:
            mix += (", " if mix else "") + f"{area.counts['none']} not rated"
        rows.append(
            Row(
                [
                    area.name,
                    rag_badge(area.action_rating),
                    mix,
                    DASH
                    if area.on_track_share is None
                    else f"{percent(area.on_track_share)} of {rated}",
                    FLAG_WORDS[area.flag] if area.flag else "No flag",
                ]
            )
        )
    table = Table(
        caption="Actions beside outcomes, by priority area",
        columns=[
            Column("Priority area"),
            Column("Actions (derived rating)"),
            Column("Measures by rating"),
            Column("Measures on track", "num"),
            Column("What it shows"),
        ],
        rows=rows,
        lead=activity_sentence(status),
        notes=[
            "Measures on track: green measures as a share of the rated ones.",
            "Flagged where the actions are green or amber but at least half the rated measures "
            "are red, or where the actions are red but at least half the measures are green.",
        ],
    )
    return table.to_html()


FLAG_WORDS = {
    ACTIONS_AHEAD: "Actions on track, outcomes not yet moving",
    OUTCOMES_AHEAD: "Outcomes moving ahead of the actions",
}


def activity_sentence(status: ScorecardStatus) -> str:
    """The flagged areas in words, or that actions and outcomes agree everywhere."""
    parts = []
    for area in status.areas:
        rated = area.counts["red"] + area.counts["amber"] + area.counts["green"]
        if area.flag == ACTIONS_AHEAD:
            parts.append(
                f"In the {area.name} area, actions "
                f"are on track ({area.action_rating}) but outcomes are not yet moving: "
                f"{area.counts['red']} of {plural(rated, 'rated measure')} "
                f"{_is_are(area.counts['red'])} red."
            )
        elif area.flag == OUTCOMES_AHEAD:
            parts.append(
                f"In the {area.name} area, outcomes "
                f"are moving ahead of the actions: {area.counts['green']} of "
                f"{plural(rated, 'rated measure')} {_is_are(area.counts['green'])} green while "
                "the actions are red."
            )
    if not parts:
        return "In every area the actions' rating and the measures' ratings tell the same story."
    return " ".join(parts)


def show(value: float | Fraction | None, unit: str, units: bool = True) -> str:
    """A value as the board reads it: '42.5%', '2,462', '7.3', '12 weeks'; half up."""
    if value is None:
        return DASH
    number = (
        Decimal(value.numerator) / Decimal(value.denominator)
        if isinstance(value, Fraction)
        else Decimal(str(value))
    )
    if unit == "number":
        return count(int(number.quantize(Decimal(1), ROUND_HALF_UP)))
    shown = number.quantize(Decimal("0.1"), ROUND_HALF_UP)
    text = f"{shown}"
    if unit == "percent":
        return f"{text}%" if units else f"{text} points"
    if unit in UNIT_WORDS:
        text = text.removesuffix(".0")
        return f"{text} {UNIT_WORDS[unit]}" if units else text
    return text


def period_label(m: MeasureResult, day: dt.date | None = None) -> str:
    """The period a figure covers, as the board reads it, by the measure's frequency."""
    day = day or m.period_end
    frequency = m.definition.frequency
    if frequency == "monthly":
        return month_year(day)
    if frequency == "quarterly":
        return f"the quarter to {month_year(day)}"
    if frequency == "termly":
        return f"the term ending {long_date(day)}"
    return f"the year to {month_year(day)}"


def month_year(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def _area_notes(measures: list[MeasureResult]) -> list[str]:
    notes = [
        "Expected by then: where the measure's trajectory (from its baseline through its "
        "milestones to its target) says it should be at the date of the latest figure."
    ]
    if any(m.late for m in measures):
        notes.append(
            "Not on time: the latest figure is older than the measure's reporting cycle allows; "
            "its rating is out of date."
        )
    return notes


def _count_of(number: int, noun: str) -> str:
    return plural(number, noun).capitalize() if number else f"No {noun}s"


def _is_are(number: int) -> str:
    return "is" if number == 1 else "are"


def _and(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
