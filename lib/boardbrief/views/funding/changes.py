"""What changed since the last meeting, line by line, and whether the money is being spent."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from boardbrief.charts.base import Chart
from boardbrief.charts.funding import spend_trend_chart
from boardbrief.formatting import (
    count,
    gbp_exact,
    gbp_short,
    long_date,
    percent,
    plural,
    short_date,
)
from boardbrief.present import Column, Html, Row, Table, capped
from boardbrief.sections.funding import FundingStatus
from boardbrief.views.funding.cells import (
    money_or_dash,
    signed,
)
from boardbrief.views.wording import sentence, with_verb

# Committed and spent at each meeting: the briefing's table and an area page's share these columns.
SPEND_OVER_TIME_COLUMNS = [
    Column("Meeting"),
    Column("Register as at"),
    Column("Committed", "num"),
    Column("Spent", "num"),
    Column("Spend rate", "num"),
]

COUNTYWIDE = "Countywide"


def funding_movement(funds: FundingStatus) -> Table | Html:
    """The register's totals then and now: committed, spent, spend rate and lines."""
    if funds.previous_totals is None:
        return sentence(
            "This is the board's first investment register, so there is nothing to compare it "
            "with yet."
        )
    if not funds.register_updated:
        return sentence(
            f"The investment register has not been updated since the last meeting: both use the "
            f"register of {long_date(funds.register_date)}."
        )
    then, now = funds.previous_totals, funds.totals
    counts = funds.change_counts
    rows = [
        Row(
            [
                label,
                gbp_exact(then[key]),
                gbp_exact(now[key]),
                signed(now[key] - then[key]),
            ]
        )
        for label, key in (("Committed", "committed_pence"), ("Spent", "spent_pence"))
    ]
    rows.append(
        Row(
            [
                "Spend rate",
                percent(then["spend_rate"]),
                percent(now["spend_rate"]),
                _points(then["spend_rate"], now["spend_rate"]),
            ]
        )
    )
    rows.append(Row(["Lines", count(then["lines"]), count(now["lines"]), _signed_count(now, then)]))
    return Table(
        caption=(
            f"The register of {long_date(funds.register_date)} against that of "
            f"{long_date(funds.previous_register_date)}"
        ),
        columns=[
            Column("Measure"),
            Column(short_date(funds.previous_register_date), "num"),
            Column(short_date(funds.register_date), "num"),
            Column("Change", "num"),
        ],
        rows=rows,
        lead=(
            f"Since the register the last meeting used, {with_verb(counts['new'], 'line')} added, "
            f"{count(counts['changed'])} changed and {count(counts['withdrawn'])} withdrawn."
        ),
    )


def funding_line_changes(funds: FundingStatus) -> Table | Html:
    """Lines added, withdrawn, re-committed or moved, and lines whose spend went down.

    Lines whose only change is more spending are counted in a note, not listed: in a busy register
    that is most of them, and the totals already show it.
    """
    if funds.lines is None or not funds.register_updated:
        return sentence("No lines to compare with the last meeting.")
    lines = funds.lines
    changed = lines["change"] == "changed"
    spend_only = (
        changed
        & (lines["committed_change_pence"] == 0)
        & (lines["spent_change_pence"] > 0)
        & (lines["moved"].map(len) == 0)
    )
    listed = lines[lines["change"].isin(["new", "withdrawn"]) | (changed & ~spend_only)]
    more_spent = lines[spend_only]
    note = (
        f"{plural(len(more_spent), 'other line')} reported more spending, "
        f"{gbp_exact(int(more_spent['spent_change_pence'].sum()))} in all."
        if len(more_spent)
        else None
    )
    if listed.empty:
        text = "No line was added, withdrawn, re-committed or moved since the last meeting."
        return sentence(f"{text} {note}" if note else text)
    rows, left_out = capped(
        listed,
        lambda r: Row(
            [
                f"{r.line_id}: {r.description}",
                _organisation(funds, r.organisation),
                r.district or COUNTYWIDE,
                _what_changed(funds, r),
                money_or_dash(r.committed_pence),
                money_or_dash(r.spent_pence),
            ]
        ),
        "lines listed",
        "funding_lines.csv",
    )
    return Table(
        caption=(
            f"Lines added, withdrawn or changed since the register of "
            f"{long_date(funds.previous_register_date)}"
        ),
        columns=[
            Column("Line"),
            Column("Organisation"),
            Column("District"),
            Column("What changed"),
            Column("Committed now", "num"),
            Column("Spent now", "num"),
        ],
        rows=rows,
        notes=[*left_out, *([note] if note else [])],
    )


def spend_trend(funds: FundingStatus) -> Chart:
    """Committed and spent at every meeting so far, from the register each meeting used."""
    over_time = funds.over_time
    labels = {m: short_date(m) for m in over_time["meeting"]}
    svg = spend_trend_chart(over_time, labels)
    rows = [
        Row(
            [
                long_date(r.meeting),
                long_date(r.register_date),
                gbp_exact(r.committed_pence),
                gbp_exact(r.spent_pence),
                percent(r.spend_rate),
            ]
        )
        for r in over_time.itertuples()
    ]
    first, last = over_time.iloc[0], over_time.iloc[-1]
    if len(over_time) > 1:
        alt = (
            f"Lines of committed and spent investment at each meeting from "
            f"{long_date(first['meeting'])} to {long_date(last['meeting'])}. Committed went "
            f"from {gbp_short(first['committed_pence'])} to {gbp_short(last['committed_pence'])}; "
            f"spent from {gbp_short(first['spent_pence'])} "
            f"({percent(first['spend_rate'])}) to {gbp_short(last['spent_pence'])} "
            f"({percent(last['spend_rate'])})."
        )
    else:
        alt = (
            f"Committed {gbp_short(last['committed_pence'])} and spent "
            f"{gbp_short(last['spent_pence'])} ({percent(last['spend_rate'])}) at "
            f"{long_date(last['meeting'])}, the first meeting with an investment register."
        )
    return Chart(
        svg=svg,
        alt=alt,
        caption="Committed and spent at each meeting, from the register each meeting used",
        data=Table(
            caption="Committed and spent at each meeting",
            columns=SPEND_OVER_TIME_COLUMNS,
            rows=rows,
        ),
    )


def _what_changed(funds: FundingStatus, line: object) -> str:
    if line.change == "new":
        return "New line"
    if line.change == "withdrawn":
        return (
            f"Withdrawn (had committed {gbp_exact(line.previous_committed_pence)}, spent "
            f"{gbp_exact(line.previous_spent_pence)})"
        )
    parts = []
    if line.committed_change_pence:
        parts.append(
            f"Commitment {gbp_exact(line.previous_committed_pence)} to "
            f"{gbp_exact(line.committed_pence)}"
        )
    if line.spent_change_pence < 0:
        parts.append(
            f"Spend went down, {gbp_exact(line.previous_spent_pence)} to "
            f"{gbp_exact(line.spent_pence)}"
        )
    elif line.spent_change_pence > 0:
        parts.append(f"Spend up {gbp_exact(line.spent_change_pence)}")
    labels = {
        "organisation": lambda o: _organisation(funds, o),
        "priority_area": lambda a: funds.config.priority_areas.get(a, a),
        "kind": str,
        "district": lambda d: d or COUNTYWIDE,
    }
    words = {"priority_area": "priority area"}
    for attribute in line.moved:
        show = labels[attribute]
        before, after = getattr(line, f"previous_{attribute}"), getattr(line, attribute)
        parts.append(
            f"{words.get(attribute, attribute).capitalize()} {show(before)} to {show(after)}"
        )
    return "; ".join(parts)


def _organisation(funds: FundingStatus, organisation: str) -> str:
    known = {o.id: o.name for o in funds.config.organisations}
    return known.get(organisation, organisation)


def _signed_count(now: dict, then: dict) -> str:
    change = now["lines"] - then["lines"]
    return "no change" if change == 0 else f"{change:+,}"


def _points(then: object, now: object) -> str:
    """A change in spend rate in percentage points, rounded half up."""
    if then is None or now is None:
        return "\u2013"
    points = (Decimal(repr(float(now))) - Decimal(repr(float(then)))) * 100
    rounded = points.quantize(Decimal(1), ROUND_HALF_UP)
    if rounded == 0:
        return "no change"
    return f"{'+' if rounded > 0 else '-'}{abs(rounded)} points"
