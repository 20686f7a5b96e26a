"""The impact section: published outcomes beside the action plan, from official statistics.

A plan can be all green while families wait longer, so this section shows how quickly EHC plans
are issued here against the region and England, and how long children wait for community health
services at the partner trusts, straight from the published files (real data, never sample).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
from markupsafe import Markup

from boardbrief import charts
from boardbrief.charts.impact import measure_chart
from boardbrief.contract.indicators.dfe import GEOGRAPHIES, MISSING_MEANINGS
from boardbrief.formatting import MONTHS, count, lower_first
from boardbrief.present import Column, Html, Row, Table, render_block
from boardbrief.sections.impact import Change, ImpactStatus, MeasureStatus
from boardbrief.views.wording import agree, and_list

WAITING_SOURCE = "NHS England, Community Health Services Waiting Lists"

DASH = "\u2013"
NOTHING = Html("")  # nothing to show: the export leaves out a heading with nothing under it


def impact_summary(impact: ImpactStatus) -> Html:
    """The section's plain-English opening: each measure against region and England, the waits.

    Empty for a board that shows no published statistics: the section is then left out (its
    headings go with it when the briefing is exported) and "About this briefing" says why.
    """
    sentences = summary_sentences(impact)
    return render_block("paragraphs.html.j2", paragraphs=sentences) if sentences else NOTHING


def summary_sentences(impact: ImpactStatus) -> list[str]:
    """The opening sentences, one per paragraph; also used by tests."""
    if not impact.configured:
        return []
    sources = _sources(impact)
    sentences = [
        "These are official statistics as published"
        + (f" by {and_list(sources)}" if sources else "")
        + ": real data, not sample data, shown for the latest period each file covers."
    ]
    sentences += [measure_sentence(impact, m) for m in impact.measures]
    if impact.waiting_lists is not None:
        sentences.append(waiting_sentence(impact))
    return sentences


def impact_measures(impact: ImpactStatus) -> Html:
    """For every measure, its small-multiples chart then its table of latest values and changes."""
    blocks = []
    for measure in impact.measures:
        blocks.append(measure_chart_block(measure).to_html().markup)
        blocks.append(measure_table(measure, impact.check_jump_points).to_html().markup)
    if not blocks:
        return NOTHING
    return Html("\n".join(blocks))


def measure_table(status: MeasureStatus, check_jump_points: float = 25) -> Table:
    """The latest value for the area, its region and England, and how each changed."""
    measure, series = status.measure, status.series
    first_changes = next(iter(status.changes.values()), ())
    columns = [Column("Place"), Column(status.latest_period, "num")]
    columns += [Column(f"Change since {c.since}", "num") for c in first_changes if c.since]
    rows, symbols = [], set()
    for geography in GEOGRAPHIES:
        value = status.latest[geography]
        note = status.latest_notes[geography]
        if value is None:
            symbols.add(note)
        cell = _value_or_symbol(value, note, measure.unit)
        if status.check_for(geography, status.latest_period) is not None:
            cell += " (check)"
        changes = [
            _change_cell(c, measure.unit) for c in status.changes.get(geography, ()) if c.since
        ]
        rows.append(Row([series.name(geography), cell, *changes]))
    notes = [f"{measure.better.capitalize()} is better."]
    if measure.target is not None:
        notes.append(f"The board's target: {_show(measure.target, measure.unit)}.")
    notes += _check_notes(status, check_jump_points)
    notes += [_meaning(s) for s in sorted(symbols)]
    notes.append(_source_note(status))
    return Table(
        caption=f"{measure.label}: {status.latest_period} and change",
        columns=columns,
        rows=rows,
        notes=notes,
    )


def measure_chart_block(status: MeasureStatus) -> charts.Chart:
    """Small multiples of one measure for every period in the file, with the table behind them."""
    measure, series = status.measure, status.series
    table = series.table
    places = {g: series.name(g) for g in GEOGRAPHIES}
    flagged = list(zip(status.checks["geography"], status.checks["period_label"], strict=True))
    svg = measure_chart(
        table,
        places,
        measure.unit,
        flagged=flagged,
        target=measure.target,
        show=lambda v: _show(v, measure.unit),
    )
    span = f"{table['period_label'].iloc[0]} to {table['period_label'].iloc[-1]}"
    rows, symbols = [], set()
    for _, record in table.iterrows():
        cells = []
        for geography in GEOGRAPHIES:
            value, note = record[geography], record[f"{geography}_note"]
            if pd.isna(value):
                symbols.add(note)
            cell = _value_or_symbol(None if pd.isna(value) else value, note, measure.unit)
            if status.check_for(geography, record["period_label"]) is not None:
                cell += " (check)"
            cells.append(cell)
        rows.append(Row([record["period_label"], *cells]))
    return charts.Chart(
        svg=svg,
        alt=_chart_message(status, span),
        caption=(
            f"{measure.label}, {span}: {places['area']}, {places['region']} and England. "
            "A gap is a period with no published figure (its symbol is shown beneath it); "
            "a ringed point is one to check."
        ),
        data=Table(
            caption=f"{measure.label}, {span}",
            columns=[Column("Period"), *(Column(places[g], "num") for g in GEOGRAPHIES)],
            rows=rows,
            notes=[_meaning(s) for s in sorted(symbols)] + [_source_note(status)],
        ),
    )


def partner_waiting_lists(impact: ImpactStatus) -> Table | Html:
    """Children's community waiting lists at each partner trust, with England's share beside."""
    waiting = impact.waiting_lists
    if waiting is None:
        return NOTHING
    month = _month(waiting.month)
    table = waiting.table
    england = table[table["organisation"] == "england"].set_index("service")
    partners = table[table["organisation"] != "england"]
    reported = partners[partners["total"].notna()]
    rows = [
        Row(
            [
                f"{r.name}: {_service(r.service)}",
                _whole(r.total),
                _pct_or_dash(r.over_18_weeks_pct),
                _whole(r.over_52_weeks),
                _pct_or_dash(england.at[r.service, "over_18_weeks_pct"]),
            ]
        )
        for r in reported.itertuples()
    ]
    rows += [
        Row(
            [
                f"England: {_service(service)}",
                _whole(r["total"]),
                _pct_or_dash(r["over_18_weeks_pct"]),
                _whole(r["over_52_weeks"]),
                _pct_or_dash(r["over_18_weeks_pct"]),
            ],
            total=True,
        )
        for service, r in england.iterrows()
    ]
    notes = []
    unreported = partners[partners["total"].isna()]
    for name, group in unreported.groupby("name", sort=False):
        services = ", ".join(lower_first(_service(s)) for s in group["service"])
        notes.append(f"{name} did not report {services} for {month} (NA in the file).")
    for name, last in waiting.last_reported.items():
        notes.append(f"{name} is not in the {month} figures; it last reported in {_month(last)}.")
    notes.append(
        "A dash in 'over 18 weeks' means nobody was waiting, so there is no share to give."
    )
    named = impact.waiting_source
    notes.append(
        source_note(
            (named.source if named else None) or WAITING_SOURCE,
            named.source_url if named else None,
            waiting.file,
        )
    )
    return Table(
        caption=f"Children and young people waiting for community services, {month}",
        columns=[
            Column("Trust and service"),
            Column("Waiting", "num"),
            Column("Over 18 weeks", "num"),
            Column("Over 52 weeks", "num"),
            Column("England: over 18 weeks", "num"),
        ],
        rows=rows,
        notes=notes,
    )


def measure_sentence(impact: ImpactStatus, status: MeasureStatus) -> str:
    """A measure's latest value against region and England, its change, any check flag."""
    measure, series = status.measure, status.series
    unit, latest = measure.unit, status.latest
    area, region = series.name("area"), series.name("region")
    period = status.latest_period
    if latest["area"] is None:
        return (
            f"{measure.label}: no figure for {area} in {period} "
            f"({_meaning(status.latest_notes['area'])})."
        )
    text = f"{measure.label}, {period}: {_show(latest['area'], unit)} in {area}, against "
    text += f"{_value_or_meaning(latest['region'], status.latest_notes['region'], unit)} in "
    text += f"{_place(region)} and "
    text += f"{_value_or_meaning(latest['england'], status.latest_notes['england'], unit)} in "
    text += "England"
    if measure.target is not None:
        met = (latest["area"] >= measure.target) == (measure.better == "higher")
        text += f"; the board's target is {_show(measure.target, unit)}"
        text += " (met)" if met else " (not met)"
    text += "."
    known = [c for c in status.changes.get("area", ()) if c.since and c.by is not None]
    moves = [  # 'risen 3 points since 2021 and 5 points since 2019': the verb once if shared
        f"{_points(c.by, unit) if i and _same_way(c.by, known[0].by) else _moved(c.by, unit)}"
        f" since {c.since}"
        for i, c in enumerate(known)
    ]
    if moves:
        text += f" In {area} it has {and_list(moves)} ({measure.better} is better)."
    jump = status.check_for("area", period)
    if jump is not None:
        text += (
            f" Check this figure: it {_moved(jump, unit, tense='past')} in one year, more "
            f"than the {_number(impact.check_jump_points)} points that usually means a change in "
            "how it was recorded rather than in practice; confirm it before relying on it."
        )
    return text


def waiting_sentence(impact: ImpactStatus) -> str:
    """How many children wait at the partner trusts, and the longest share over 18 weeks."""
    waiting = impact.waiting_lists
    month = _month(waiting.month)
    table = waiting.table
    partners = table[(table["organisation"] != "england") & table["total"].notna()]
    if partners.empty:
        return f"None of the partner trusts reported children's waiting lists for {month}."
    total = int(partners["total"].sum())
    over_52 = int(partners["over_52_weeks"].sum())
    longest = partners.loc[partners["over_18_weeks_pct"].idxmax()]
    england = table[(table["organisation"] == "england") & (table["service"] == longest.service)]
    text = (
        f"In {month}, {count(total)} children and young people were waiting for the community "
        f"services the partner trusts reported, {count(over_52)} of them for more than 52 weeks. "
        f"The largest share waiting over 18 weeks was "
        f"{_show(longest.over_18_weeks_pct, 'percent')} for "
        f"{lower_first(_service(longest.service))} at {longest['name']}"
    )
    if not england.empty:
        text += f", against {_show(england['over_18_weeks_pct'].iloc[0], 'percent')} in England"
    text += "."
    if waiting.last_reported:
        text += f" Not in the {month} figures: {and_list(list(waiting.last_reported))} "
        text += "(see the table's notes)."
    return text


def _chart_message(status: MeasureStatus, span: str) -> str:
    measure, series = status.measure, status.series
    parts = []
    for geography in GEOGRAPHIES:
        table = series.table
        present = table[table[geography].notna()]
        name = series.name(geography)
        if present.empty:
            parts.append(f"{name}: no published figures")
            continue
        first, last = present.iloc[0], present.iloc[-1]
        part = (
            f"{name}: {_show(last[geography], measure.unit)} in {last['period_label']}, from "
            f"{_show(first[geography], measure.unit)} in {first['period_label']}"
        )
        gaps = table[table[geography].isna()]
        if not gaps.empty:
            part += "; no figure in " + and_list(
                [
                    f"{g['period_label']} ({_meaning(g[f'{geography}_note'])})"
                    for _, g in gaps.iterrows()
                ]
            )
        checked = status.checks[status.checks["geography"] == geography]
        if not checked.empty:
            part += "; to check: " + and_list(list(checked["period_label"]))
        parts.append(part)
    return (
        f"Three line charts of {lower_first(measure.label)}, {span}, one each for "
        f"{series.name('area')}, {series.name('region')} and England. " + ". ".join(parts) + "."
    )


def _check_notes(status: MeasureStatus, points: float) -> list[str]:
    notes = []
    for check in status.checks.itertuples():
        name = status.series.name(check.geography)
        notes.append(
            f"Check: {name} {check.period_label}, {_show(check.value, status.measure.unit)}, "
            f"{_moved(check.jump, status.measure.unit, tense='past')} from "
            f"{_show(check.previous, status.measure.unit)} in {check.previous_label}: more than "
            f"{_number(points)} points in one year."
        )
    return notes


def _source_note(status: MeasureStatus) -> Markup:
    measure = status.measure
    return source_note(measure.source, measure.source_url, status.series.file, measure.column)


def source_note(
    source: str | None, url: str | None, file: str, column: str | None = None
) -> Markup:
    """'Source: publisher, title (file, column).', the publisher linked to the publication."""
    if source is None:
        return Markup("Source: {}.").format(f"{file}, {column}" if column else file)
    where = f"{file}, column {column}" if column else file
    if url is None:
        return Markup("Source: {} ({}).").format(source, where)
    return Markup('Source: <a href="{}">{}</a> ({}).').format(url, source, where)


def _sources(impact: ImpactStatus) -> list[str]:
    names = [m.measure.source for m in impact.measures if m.measure.source]
    if impact.waiting_lists is not None:
        names.append("NHS England")
    return list(dict.fromkeys(_publisher(n) for n in names))


def _publisher(source: str) -> str:
    """'Department for Education, SEN2' -> 'the Department for Education'."""
    name = source.split(",")[0].strip()
    return name if name.startswith("NHS") else f"the {name}"


def _show(value: float, unit: str) -> str:
    """98.649 -> '98.6%' (half up, one decimal); counts as whole numbers with separators."""
    if unit == "percent":
        return f"{Decimal(str(value)).quantize(Decimal('0.1'), ROUND_HALF_UP)}%"
    return count(int(Decimal(str(value)).quantize(Decimal(1), ROUND_HALF_UP)))


def _number(value: float) -> str:
    return f"{value:g}"


def _points(by: float, unit: str) -> str:
    size = abs(Decimal(str(by)))
    if unit == "percent":
        shown = size.quantize(Decimal("0.1"), ROUND_HALF_UP)
        return f"{shown} " + agree(shown, "point", "points")
    return count(int(size.quantize(Decimal(1), ROUND_HALF_UP)))


def _moved(by: float, unit: str, tense: str = "perfect") -> str:
    if by == 0:
        return "not changed" if tense == "perfect" else "did not change"
    verb = (
        ("risen" if tense == "perfect" else "rose")
        if by > 0
        else ("fallen" if tense == "perfect" else "fell")
    )
    return f"{verb} {_points(by, unit)}"


def _change_cell(change: Change, unit: str) -> str:
    if change.by is None:
        return DASH
    if change.by == 0:
        return "no change"
    sign = "+" if change.by > 0 else "\u2212"
    return f"{sign}{_points(change.by, unit)}"


def _value_or_symbol(value: float | None, note: str, unit: str) -> str:
    if value is not None:
        return _show(value, unit)
    return DASH if note in ("blank", "no row") else note


def _value_or_meaning(value: float | None, note: str, unit: str) -> str:
    return _show(value, unit) if value is not None else f"no figure ({_meaning(note)})"


def _meaning(note: str) -> str:
    meaning = MISSING_MEANINGS.get(note, note)
    return meaning if note in ("blank", "no row") else f"{note}: {meaning}"


def _service(service: str) -> str:
    """'Speech And Language' -> 'Speech and language', as the file capitalises every word."""
    return service[:1].upper() + service[1:].lower()


def _whole(value: float) -> str:
    return DASH if pd.isna(value) else count(int(value))


def _pct_or_dash(value: float) -> str:
    return DASH if pd.isna(value) else _show(value, "percent")


def _month(date: object) -> str:
    return f"{MONTHS[date.month - 1]} {date.year}"


def _same_way(one: float, other: float) -> bool:
    return (one > 0 and other > 0) or (one < 0 and other < 0)


def _place(name: str) -> str:
    """'North West' reads 'the North West' mid-sentence; 'London' stays as it is."""
    compass = ("North", "South", "East", "West")
    return f"the {name}" if name.split(" ")[0] in compass else name
