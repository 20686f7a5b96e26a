"""Who has put in what, and where it goes: investment by organisation, type, kind and area."""

from __future__ import annotations

from boardbrief.charts.base import Chart
from boardbrief.charts.funding import investment_by_area_chart
from boardbrief.formatting import (
    count,
    gbp_exact,
    gbp_short,
    long_date,
    percent,
    plural,
)
from boardbrief.present import Column, Row, Table
from boardbrief.sections.funding import FundingStatus
from boardbrief.views.funding.cells import (
    MONEY_COLUMNS,
    change_cells,
    change_columns,
    change_notes,
    money_cells,
    total_row,
)
from boardbrief.views.wording import agree, and_list, first_upper

VALUED_NOTE = (
    "Physical resources and staff time are valued in pounds by the organisation giving them."
)


def investment_by_organisation(funds: FundingStatus) -> Table:
    """Committed and spent per organisation, largest commitment first, with the change."""
    rows = [
        Row([r.name, *money_cells(r), *change_cells(funds, r)])
        for r in funds.by_organisation.itertuples()
    ]
    rows.append(total_row(funds, "All organisations", []))
    organisations = int((funds.by_organisation["lines"] > 0).sum())
    verb = agree(organisations, "has", "have")
    lead = (
        f"{plural(organisations, 'organisation')} {verb} committed "
        f"{gbp_short(funds.totals['committed_pence'])}, of which "
        f"{gbp_short(funds.totals['spent_pence'])} ({percent(funds.totals['spend_rate'])}) "
        "has been spent."
    )
    notes = []
    if funds.without_lines:
        notes.append(f"No lines in the register from: {and_list(funds.without_lines)}.")
    return Table(
        caption=f"Investment by organisation, as at {long_date(funds.register_date)}",
        columns=[Column("Organisation"), *MONEY_COLUMNS, *change_columns(funds)],
        rows=rows,
        lead=lead,
        notes=notes + change_notes(funds),
    )


def investment_by_type(funds: FundingStatus) -> Table:
    """Committed and spent per type of organisation, largest commitment first."""
    rows = [
        Row(
            [
                first_upper(r.type),
                count(r.organisations),
                *money_cells(r),
                *change_cells(funds, r),
            ]
        )
        for r in funds.by_type.itertuples()
    ]
    rows.append(total_row(funds, "All types", [count(int(funds.by_type["organisations"].sum()))]))
    return Table(
        caption=f"Investment by type of organisation, as at {long_date(funds.register_date)}",
        columns=[
            Column("Type of organisation"),
            Column("Organisations", "num"),
            *MONEY_COLUMNS,
            *change_columns(funds),
        ],
        rows=rows,
        notes=change_notes(funds),
    )


def investment_by_kind(funds: FundingStatus) -> Table:
    """Committed and spent as funding, physical resources and staff time."""
    rows = [
        Row([r.kind.capitalize(), *money_cells(r), *change_cells(funds, r)])
        for r in funds.by_kind.itertuples()
    ]
    rows.append(total_row(funds, "All kinds", []))
    return Table(
        caption=f"Investment by kind, as at {long_date(funds.register_date)}",
        columns=[Column("Kind"), *MONEY_COLUMNS, *change_columns(funds)],
        rows=rows,
        notes=[VALUED_NOTE, *change_notes(funds)],
    )


def investment_by_area(funds: FundingStatus) -> Table:
    """Committed and spent per priority area, in the board's order, including areas with none."""
    rows = [
        Row([r.name, *money_cells(r), *change_cells(funds, r)]) for r in funds.by_area.itertuples()
    ]
    rows.append(total_row(funds, "All areas", []))
    return Table(
        caption=f"Investment by priority area, as at {long_date(funds.register_date)}",
        columns=[Column("Priority area"), *MONEY_COLUMNS, *change_columns(funds)],
        rows=rows,
        notes=change_notes(funds),
    )


def investment_chart(funds: FundingStatus, draw: bool = True) -> Chart:
    """Committed per priority area, stacked by kind, with the table behind it (`draw=False`:
    an empty picture, where only the table is wanted)."""
    frame = funds.by_area_and_kind
    areas = list(funds.by_area["name"])
    svg = investment_by_area_chart(frame, areas) if draw else ""
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
