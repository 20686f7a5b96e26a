"""The funding section: who has put in what, is it being spent, does every district get its share.

Sentences round money for a board ("£1.2m"); tables give it exactly, to the penny.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from boardbrief.charts.base import Chart
from boardbrief.charts.funding import (
    investment_by_area_chart,
    per_child_chart,
    spend_trend_chart,
)
from boardbrief.formatting import (
    count,
    gbp_exact,
    gbp_short,
    long_date,
    percent,
    plural,
    short_date,
)
from boardbrief.present import Column, Html, Row, Table, capped, render_block
from boardbrief.sections.funding import BELOW_MEDIAN_SHARE, FundingStatus, round_pence

COUNTYWIDE = "Countywide"
WORD_JOINER = "\u2060"
MONEY_COLUMNS = [
    Column("Lines", "num"),
    Column("Committed", "num"),
    Column("Spent", "num"),
    Column("Spend rate", "num"),
]
VALUED_NOTE = (
    "Physical resources and staff time are valued in pounds by the organisation giving them."
)
FLAG_WORDS = f"more than {round(BELOW_MEDIAN_SHARE * 100)}% below the median"


def funding_summary(funds: FundingStatus) -> Html:
    """The section's plain-English opening: who put in what, whether it is spent, fair shares."""
    return render_block("paragraphs.html.j2", paragraphs=summary_sentences(funds))


def summary_sentences(funds: FundingStatus) -> list[str]:
    """The opening sentences, one per paragraph; also used by tests."""
    return [_who_sentence(funds), _spending_sentence(funds), _districts_sentence(funds)]


def investment_by_organisation(funds: FundingStatus) -> Table:
    """Committed and spent per organisation, largest commitment first, with the change."""
    rows = [
        Row([r.name, *_money_cells(r), *_change_cells(funds, r)])
        for r in funds.by_organisation.itertuples()
    ]
    rows.append(_total_row(funds, "All organisations", []))
    organisations = int((funds.by_organisation["lines"] > 0).sum())
    verb = "has" if organisations == 1 else "have"
    lead = (
        f"{plural(organisations, 'organisation')} {verb} committed "
        f"{gbp_short(funds.totals['committed_pence'])}, of which "
        f"{gbp_short(funds.totals['spent_pence'])} ({percent(funds.totals['spend_rate'])}) "
        "has been spent."
    )
    notes = []
    if funds.without_lines:
        notes.append(f"No lines in the register from: {_and_list(funds.without_lines)}.")
    return Table(
        caption=f"Investment by organisation, as at {long_date(funds.register_date)}",
        columns=[Column("Organisation"), *MONEY_COLUMNS, *_change_columns(funds)],
        rows=rows,
        lead=lead,
        notes=notes + _change_notes(funds),
    )


def investment_by_type(funds: FundingStatus) -> Table:
    """Committed and spent per type of organisation, largest commitment first."""
    rows = [
        Row(
            [
                _first_upper(r.type),
                count(r.organisations),
                *_money_cells(r),
                *_change_cells(funds, r),
            ]
        )
        for r in funds.by_type.itertuples()
    ]
    rows.append(_total_row(funds, "All types", [count(int(funds.by_type["organisations"].sum()))]))
    return Table(
        caption=f"Investment by type of organisation, as at {long_date(funds.register_date)}",
        columns=[
            Column("Type of organisation"),
            Column("Organisations", "num"),
            *MONEY_COLUMNS,
            *_change_columns(funds),
        ],
        rows=rows,
        notes=_change_notes(funds),
    )


def investment_by_kind(funds: FundingStatus) -> Table:
    """Committed and spent as funding, physical resources and staff time."""
    rows = [
        Row([r.kind.capitalize(), *_money_cells(r), *_change_cells(funds, r)])
        for r in funds.by_kind.itertuples()
    ]
    rows.append(_total_row(funds, "All kinds", []))
    return Table(
        caption=f"Investment by kind, as at {long_date(funds.register_date)}",
        columns=[Column("Kind"), *MONEY_COLUMNS, *_change_columns(funds)],
        rows=rows,
        notes=[VALUED_NOTE, *_change_notes(funds)],
    )


def investment_by_area(funds: FundingStatus) -> Table:
    """Committed and spent per priority area, in the board's order, including areas with none."""
    rows = [
        Row([r.name, *_money_cells(r), *_change_cells(funds, r)])
        for r in funds.by_area.itertuples()
    ]
    rows.append(_total_row(funds, "All areas", []))
    return Table(
        caption=f"Investment by priority area, as at {long_date(funds.register_date)}",
        columns=[Column("Priority area"), *MONEY_COLUMNS, *_change_columns(funds)],
        rows=rows,
        notes=_change_notes(funds),
    )


def investment_chart(funds: FundingStatus) -> Chart:
    """Committed per priority area, stacked by kind, with the table behind it."""
    frame = funds.by_area_and_kind
    areas = list(funds.by_area["name"])
    svg = investment_by_area_chart(frame, areas)
    kinds = list(dict.fromkeys(frame["kind"]))
    wide = frame.pivot_table(
        index="name", columns="kind", values="committed_pence", aggfunc="sum", sort=False
    )
    rows = [
        Row(
            [
                area,
                *(gbp_exact(int(wide.loc[area, kind])) for kind in kinds),
                gbp_exact(int(wide.loc[area].sum())),
            ]
        )
        for area in areas
    ]
    ranked = funds.by_area.sort_values("committed_pence", ascending=False, kind="stable")
    top = ranked.iloc[0]
    parts = [
        f"{r.name} {gbp_short(r.committed_pence)}"
        for r in ranked.itertuples()
        if r.committed_pence > 0
    ]
    share = top.committed_pence / funds.totals["committed_pence"] if len(parts) else None
    alt = "Horizontal bars of committed investment per priority area, split by kind. "
    if parts:
        alt += (
            f"{top['name']} has the most, {percent(share)} of the total. " + "; ".join(parts) + "."
        )
    else:
        alt += "Nothing is committed yet."
    return Chart(
        svg=svg,
        alt=alt,
        caption=(
            f"Committed investment by priority area and kind, as at "
            f"{long_date(funds.register_date)}"
        ),
        data=Table(
            caption="Committed by priority area and kind",
            columns=[
                Column("Priority area"),
                *(Column(kind.capitalize(), "num") for kind in kinds),
                Column("Total", "num"),
            ],
            rows=rows,
        ),
    )


def funding_movement(funds: FundingStatus) -> Table | Html:
    """The register's totals then and now: committed, spent, spend rate and lines."""
    if funds.previous_totals is None:
        return _sentence(
            "This is the board's first investment register, so there is nothing to compare it "
            "with yet."
        )
    if not funds.register_updated:
        return _sentence(
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
                _signed(now[key] - then[key]),
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
            f"Since the register the last meeting used, {_were(counts['new'], 'line')} added, "
            f"{count(counts['changed'])} changed and {count(counts['withdrawn'])} withdrawn."
        ),
    )


def funding_line_changes(funds: FundingStatus) -> Table | Html:
    """Lines added, withdrawn, re-committed or moved, and lines whose spend went down.

    Lines whose only change is more spending are counted in a note, not listed: in a busy register
    that is most of them, and the totals already show it.
    """
    if funds.lines is None or not funds.register_updated:
        return _sentence("No lines to compare with the last meeting.")
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
        return _sentence(f"{text} {note}" if note else text)
    rows = [
        Row(
            [
                f"{r.line_id}: {r.description}",
                _organisation(funds, r.organisation),
                r.district or COUNTYWIDE,
                _what_changed(funds, r),
                _money_or_dash(r.committed_pence),
                _money_or_dash(r.spent_pence),
            ]
        )
        for r in listed.itertuples()
    ]
    rows, left_out = capped(rows, "lines listed", "funding_lines.csv")
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
            f"{long_date(last['meeting'])}, the first meeting."
        )
    return Chart(
        svg=svg,
        alt=alt,
        caption="Committed and spent at each meeting, from the register each meeting used",
        data=Table(
            caption="Committed and spent at each meeting",
            columns=[
                Column("Meeting"),
                Column("Register as at"),
                Column("Committed", "num"),
                Column("Spent", "num"),
                Column("Spend rate", "num"),
            ],
            rows=rows,
        ),
    )


def investment_per_child(funds: FundingStatus) -> Table:
    """Committed per child in each district, best-funded first, with low districts flagged."""
    districts = funds.districts
    median = funds.median_per_child_pence
    rows = [
        Row(
            [
                r.district,
                count(r.population_0_25),
                count(r.lines),
                gbp_exact(r.committed_pence),
                gbp_per_child(r.per_child_pence),
                _against_median(r.vs_median),
                _first_upper(FLAG_WORDS) if r.below_median else "",
            ]
        )
        for r in districts.itertuples()
    ]
    population = int(districts["population_0_25"].sum())
    local = funds.district_committed_pence
    rows.append(
        Row(
            [
                "All districts",
                count(population),
                count(int(districts["lines"].sum())),
                gbp_exact(local),
                gbp_per_child(local / population),
                "",
                "",
            ],
            total=True,
        )
    )
    county = funds.countywide
    rows.append(
        Row(
            [
                "Countywide lines (not tied to a district, not counted above)",
                count(population),
                count(county["lines"]),
                gbp_exact(county["committed_pence"]),
                gbp_per_child(county["per_child_pence"]),
                "",
                "",
            ]
        )
    )
    flagged = funds.flagged_districts
    threshold = median * (1 - BELOW_MEDIAN_SHARE)
    lead = f"The median district has {gbp_per_child(median)} committed per child. " + (
        f"{_were(len(flagged), 'district', verb='is', plural_verb='are')} {FLAG_WORDS} "
        f"(under {gbp_per_child(threshold)} per child)"
        + (f": {_and_list(list(flagged['district']))}." if len(flagged) else ".")
    )
    return Table(
        caption=(
            f"Committed per child and young person aged 0 to 25, by district, as at "
            f"{long_date(funds.register_date)}"
        ),
        columns=[
            Column("District"),
            Column("Population 0 to 25", "num"),
            Column("Lines", "num"),
            Column("Committed", "num"),
            Column("Per child", "num"),
            Column("Against median", "num"),
            Column("Flag"),
        ],
        rows=rows,
        lead=lead,
        notes=[
            "Per child: committed on lines tied to the district, divided by its population aged "
            "0 to 25 (board.yml).",
            "Countywide lines serve every district and are not shared out; their per-child figure "
            "is over the whole county's population.",
            _ratio_note(funds),
        ],
    )


def investment_per_child_chart(funds: FundingStatus) -> Chart:
    """Committed per child by district, sorted, with the median and the flag threshold marked."""
    districts = funds.districts
    median = funds.median_per_child_pence
    threshold = median * (1 - BELOW_MEDIAN_SHARE)
    labelled = districts.assign(
        label=[
            gbp_per_child(r.per_child_pence) + (f"  {FLAG_WORDS}" if r.below_median else "")
            for r in districts.itertuples()
        ]
    )
    svg = per_child_chart(
        labelled,
        median=(median, f"Median {gbp_per_child(median)}"),
        threshold=(threshold, f"{_first_upper(FLAG_WORDS)}: under {gbp_per_child(threshold)}"),
    )
    rows = [
        Row(
            [
                r.district,
                gbp_per_child(r.per_child_pence),
                _against_median(r.vs_median),
                "Yes" if r.below_median else "No",
            ]
        )
        for r in districts.itertuples()
    ]
    best, worst = funds.best_district, funds.worst_district
    flagged = list(funds.flagged_districts["district"])
    alt = (
        f"Horizontal bars of committed investment per child aged 0 to 25 in each district, "
        f"highest first, with the median of {gbp_per_child(median)} marked. {best['district']} "
        f"has the most ({gbp_per_child(best['per_child_pence'])}) and {worst['district']} the "
        f"least ({gbp_per_child(worst['per_child_pence'])}). "
        + (
            f"{_and_list(flagged)} {'is' if len(flagged) == 1 else 'are'} {FLAG_WORDS}."
            if flagged
            else f"No district is {FLAG_WORDS}."
        )
    )
    return Chart(
        svg=svg,
        alt=alt,
        caption=(
            "Committed per child aged 0 to 25 by district, counting only lines tied to a "
            "district; orange bars are flagged"
        ),
        data=Table(
            caption="Committed per child by district",
            columns=[
                Column("District"),
                Column("Per child", "num"),
                Column("Against median", "num"),
                Column("Flagged", "left"),
            ],
            rows=rows,
        ),
    )


def gbp_per_child(pence: float) -> str:
    """Money per child, always to the penny: '£21.42', '£0.63', '£53.00'."""
    pounds, remainder = divmod(round_pence(pence), 100)
    return f"£{pounds:,}.{remainder:02d}"


def _who_sentence(funds: FundingStatus) -> str:
    totals = funds.totals
    organisations = int((funds.by_organisation["lines"] > 0).sum())
    if organisations == 0:
        return "The investment register has no lines yet: no organisation has committed anything."
    kinds = funds.by_kind[funds.by_kind["committed_pence"] > 0].sort_values(
        "committed_pence", ascending=False, kind="stable"
    )
    split = _and_list([f"{gbp_short(r.committed_pence)} as {r.kind}" for r in kinds.itertuples()])
    verb = "has" if organisations == 1 else "have"
    sentence = (
        f"{plural(organisations, 'organisation')} {verb} committed "
        f"{gbp_short(totals['committed_pence'])} across {plural(totals['lines'], 'line')}: "
        f"{split}."
    )
    top = funds.by_organisation.head(3)
    top = top[top["committed_pence"] > 0]
    if organisations > 1 and totals["committed_pence"] > 0:
        first = top.iloc[0]
        share = first["committed_pence"] / totals["committed_pence"]
        sentence += (
            f" {first['name']} has committed the most ({gbp_short(first['committed_pence'])}, "
            f"{percent(share)} of the total)"
        )
        others = [f"{r.name} ({gbp_short(r.committed_pence)})" for r in top.iloc[1:].itertuples()]
        sentence += f", followed by {_and_list(others)}." if others else "."
    if funds.without_lines:
        count_without = len(funds.without_lines)
        sentence += (
            f" {plural(count_without, 'partner organisation')} "
            f"{'has' if count_without == 1 else 'have'} no lines in the register."
        )
    return sentence


def _spending_sentence(funds: FundingStatus) -> str:
    totals = funds.totals
    sentence = (
        f"{gbp_short(totals['spent_pence'])} ({percent(totals['spend_rate'])}) of it has been "
        "spent."
        if totals["committed_pence"]
        else "Nothing is committed, so nothing has been spent."
    )
    areas = funds.by_area[funds.by_area["committed_pence"] > 0]
    if len(areas) > 1:
        slowest = areas.sort_values("spend_rate", kind="stable").iloc[0]
        sentence += (
            f" Spending is slowest in {slowest['name']} ({percent(slowest['spend_rate'])} spent)."
        )
    if funds.previous_totals is None:
        return sentence + " This is the first register, so there is nothing to compare it with."
    if not funds.register_updated:
        return sentence + (
            " The register has not been updated since the last meeting: both use the register "
            f"of {long_date(funds.register_date)}."
        )
    then = funds.previous_totals
    counts = funds.change_counts
    return sentence + (
        f" Since the register of {long_date(funds.previous_register_date)}, which the last "
        f"meeting used, commitments {_moved(totals['committed_pence'] - then['committed_pence'])}"
        f" and spending {_moved(totals['spent_pence'] - then['spent_pence'])}; "
        f"{_were(counts['new'], 'line')} added, {count(counts['changed'])} changed and "
        f"{count(counts['withdrawn'])} withdrawn."
    )


def _districts_sentence(funds: FundingStatus) -> str:
    districts = funds.districts
    local = funds.district_committed_pence
    county = funds.countywide
    committed = funds.totals["committed_pence"]
    county_part = (
        f" A further {gbp_short(county['committed_pence'])} "
        f"({percent(county['committed_pence'] / committed)} of all commitments) is countywide, "
        "not tied to any district."
        if county["committed_pence"]
        else " No commitment is countywide: every line is tied to a district."
    )
    if local == 0:
        return "No line is tied to a district, so shares by district cannot be compared." + (
            f" All {gbp_short(committed)} committed is countywide." if committed else ""
        )
    best, worst = funds.best_district, funds.worst_district
    sentence = (
        f"Counting only the {gbp_short(local)} tied to a district, commitment per child aged 0 "
        f"to 25 ranges from {gbp_per_child(best['per_child_pence'])} in {best['district']} to "
        f"{gbp_per_child(worst['per_child_pence'])} in {worst['district']}"
    )
    ratio = funds.best_to_worst_ratio
    empty = list(districts.loc[districts["lines"] == 0, "district"])
    if ratio is not None:
        sentence += f": {best['district']} has {_times(ratio)} as much per child."
    else:
        sentence += "."
    if empty:
        sentence += (
            f" {_and_list(empty)} {'has' if len(empty) == 1 else 'have'} no lines of "
            f"{'its' if len(empty) == 1 else 'their'} own."
        )
    return f"{sentence} {flagged_sentence(funds)}{county_part}"


def flagged_sentence(funds: FundingStatus) -> str:
    """Which districts get markedly less per child than the median (the equal-access pledge)."""
    flagged = funds.flagged_districts
    median = gbp_per_child(funds.median_per_child_pence)
    if not len(flagged):
        return f"No district is {FLAG_WORDS} of {median}."
    return (
        f"{count(len(flagged))} of {plural(len(funds.districts), 'district')} "
        f"{'is' if len(flagged) == 1 else 'are'} {FLAG_WORDS} of {median} per child: "
        f"{_and_list(list(flagged['district']))}."
    )


def _money_cells(row: object) -> list[str]:
    return [
        count(row.lines),
        gbp_exact(row.committed_pence),
        gbp_exact(row.spent_pence),
        percent(row.spend_rate),
    ]


def _change_columns(funds: FundingStatus) -> list[Column]:
    if funds.previous_totals is None:
        return []
    return [Column("Committed: change", "num"), Column("Spent: change", "num")]


def _change_cells(funds: FundingStatus, row: object) -> list[str]:
    if funds.previous_totals is None:
        return []
    return [_signed(row.committed_change_pence), _signed(row.spent_change_pence)]


def _change_notes(funds: FundingStatus) -> list[str]:
    if funds.previous_totals is None:
        return []
    if not funds.register_updated:
        return [
            f"Change: none, as the register of {long_date(funds.register_date)} is the one the "
            "last meeting used too."
        ]
    return [
        f"Change: since the register of {long_date(funds.previous_register_date)}, which the "
        f"meeting of {long_date(funds.previous_date)} used."
    ]


def _total_row(funds: FundingStatus, label: str, extra: list[str]) -> Row:
    totals = funds.totals
    cells = [
        label,
        *extra,
        count(totals["lines"]),
        gbp_exact(totals["committed_pence"]),
        gbp_exact(totals["spent_pence"]),
        percent(totals["spend_rate"]),
    ]
    if funds.previous_totals is not None:
        then = funds.previous_totals
        cells += [
            _signed(totals["committed_pence"] - then["committed_pence"]),
            _signed(totals["spent_pence"] - then["spent_pence"]),
        ]
    return Row(cells, total=True)


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


def _first_upper(text: str) -> str:
    """'NHS trust' stays as is; 'county council' becomes 'County council'."""
    return text[:1].upper() + text[1:]


def _organisation(funds: FundingStatus, organisation: str) -> str:
    known = {o.id: o.name for o in funds.config.organisations}
    return known.get(organisation, organisation)


def _money_or_dash(pence: object) -> str:
    return "\u2013" if pd.isna(pence) else gbp_exact(int(pence))


def _signed(pence: object) -> str:
    """A change in money: '+£1,250', '-£300.50', 'no change'; a dash when not known.

    A word joiner keeps the sign on the same line as the amount in narrow table cells.
    """
    if pd.isna(pence):
        return "\u2013"
    pence = int(pence)
    if pence == 0:
        return "no change"
    return f"{'+' if pence > 0 else '-'}{WORD_JOINER}{gbp_exact(abs(pence))}"


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


def _moved(pence: int) -> str:
    if pence == 0:
        return "did not change"
    return f"{'rose' if pence > 0 else 'fell'} by {gbp_short(abs(pence))}"


def _against_median(share: object) -> str:
    if pd.isna(share):
        return "\u2013"
    text = percent(abs(float(share)))
    if text == "0%":
        return "at the median"
    return f"{text} {'above' if share > 0 else 'below'}"


def _ratio_note(funds: FundingStatus) -> str:
    ratio = funds.best_to_worst_ratio
    best, worst = funds.best_district, funds.worst_district
    if ratio is None:
        return (
            f"Best to worst: no ratio can be given, as {worst['district']} has nothing committed "
            "on lines of its own."
        )
    return (
        f"Best to worst: {best['district']} has {_times(ratio)} as much per child as "
        f"{worst['district']}."
    )


def _times(ratio: float) -> str:
    value = Decimal(repr(ratio)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return f"{value} times"


def _were(number: int, noun: str, verb: str = "was", plural_verb: str = "were") -> str:
    return f"{plural(number, noun)} {verb if number == 1 else plural_verb}"


def _and_list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _sentence(text: str) -> Html:
    return render_block("paragraphs.html.j2", paragraphs=[text])
