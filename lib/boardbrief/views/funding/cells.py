"""How the funding section shows money in its tables: exact amounts, changes, totals."""

from __future__ import annotations

import pandas as pd

from boardbrief.formatting import (
    count,
    gbp_exact,
    long_date,
    percent,
)
from boardbrief.present import Column, Row
from boardbrief.sections.funding import FundingStatus

WORD_JOINER = "\u2060"


MONEY_COLUMNS = [
    Column("Lines", "num"),
    Column("Committed", "num"),
    Column("Spent", "num"),
    Column("Spend rate", "num"),
]


def money_cells(row: object) -> list[str]:
    return [
        count(row.lines),
        gbp_exact(row.committed_pence),
        gbp_exact(row.spent_pence),
        percent(row.spend_rate),
    ]


def change_columns(funds: FundingStatus) -> list[Column]:
    if funds.previous_totals is None:
        return []
    return [Column("Committed: change", "num"), Column("Spent: change", "num")]


def change_cells(funds: FundingStatus, row: object) -> list[str]:
    if funds.previous_totals is None:
        return []
    return [signed(row.committed_change_pence), signed(row.spent_change_pence)]


def change_notes(funds: FundingStatus) -> list[str]:
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


def total_row(funds: FundingStatus, label: str, extra: list[str]) -> Row:
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
            signed(totals["committed_pence"] - then["committed_pence"]),
            signed(totals["spent_pence"] - then["spent_pence"]),
        ]
    return Row(cells, total=True)


def signed(pence: object) -> str:
    """A change in money: '+£1,250', '-£300.50', 'no change'; a dash when not known.

    A word joiner keeps the sign on the same line as the amount in narrow table cells.
    """
    if pd.isna(pence):
        return "\u2013"
    pence = int(pence)
    if pence == 0:
        return "no change"
    return f"{'+' if pence > 0 else '-'}{WORD_JOINER}{gbp_exact(abs(pence))}"


def money_or_dash(pence: object) -> str:
    return "\u2013" if pd.isna(pence) else gbp_exact(int(pence))
