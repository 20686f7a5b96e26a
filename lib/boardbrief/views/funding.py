"""The funding section: what each organisation has committed and spent."""

from __future__ import annotations

from boardbrief import funding
from boardbrief.formatting import count, gbp_exact, gbp_short, long_date, percent, plural
from boardbrief.meeting import Meeting
from boardbrief.present import Column, Row, Table


def investment_by_organisation(meeting: Meeting) -> Table:
    """Committed and spent per organisation, largest commitment first."""
    register = meeting.funding.table
    table = funding.investment_by_organisation(register, meeting.config)
    totals = funding.register_totals(register)
    overall_rate = totals["spend_rate"]
    rows = [
        Row(
            [
                r.name,
                r.type,
                count(r.lines),
                gbp_exact(r.committed_pence),
                gbp_exact(r.spent_pence),
                percent(r.spend_rate),
            ]
        )
        for r in table.itertuples()
    ]
    rows.append(
        Row(
            [
                "All organisations",
                "",
                count(len(register)),
                gbp_exact(totals["committed_pence"]),
                gbp_exact(totals["spent_pence"]),
                percent(overall_rate),
            ],
            total=True,
        )
    )
    verb = "has" if len(table) == 1 else "have"
    committed = gbp_short(totals["committed_pence"])
    lead = (
        f"{plural(len(table), 'organisation')} {verb} committed {committed}, "
        f"of which {gbp_short(totals['spent_pence'])} ({percent(overall_rate)}) has been spent."
    )
    return Table(
        caption=f"Investment by organisation, as at {long_date(meeting.funding.date)}",
        columns=[
            Column("Organisation"),
            Column("Type"),
            Column("Lines", "num"),
            Column("Committed", "num"),
            Column("Spent", "num"),
            Column("Spend rate", "num"),
        ],
        rows=rows,
        lead=lead,
    )
