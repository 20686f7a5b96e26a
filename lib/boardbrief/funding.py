"""Funding computations: what each organisation has committed and spent, in whole pence."""

from __future__ import annotations

import pandas as pd

from boardbrief.board_config import BoardConfig


def investment_by_organisation(register: pd.DataFrame, config: BoardConfig) -> pd.DataFrame:
    """Committed and spent per organisation with any lines, largest commitment first.

    Columns: `organisation`, `name`, `type`, `lines`, `committed_pence`, `spent_pence`,
    `spend_rate` (spent / committed, or <NA> when nothing is committed).
    """
    totals = register.groupby("organisation").agg(
        lines=("line_id", "size"),
        committed_pence=("committed_pence", "sum"),
        spent_pence=("spent_pence", "sum"),
    )
    totals["name"] = [config.organisation(o).name for o in totals.index]
    totals["type"] = [config.organisation(o).type for o in totals.index]
    totals["spend_rate"] = spend_rate(totals["spent_pence"], totals["committed_pence"])
    totals = totals.rename_axis("organisation").reset_index()
    totals = totals.sort_values(["committed_pence", "name"], ascending=[False, True], kind="stable")
    columns = [
        "organisation",
        "name",
        "type",
        "lines",
        "committed_pence",
        "spent_pence",
        "spend_rate",
    ]
    return totals[columns].reset_index(drop=True)


def spend_rate(spent: pd.Series, committed: pd.Series) -> pd.Series:
    """Spent as a share of committed; <NA> where nothing is committed."""
    return (spent / committed.where(committed > 0)).astype("Float64")


def register_totals(register: pd.DataFrame) -> dict[str, int | float | None]:
    """Total committed and spent across the register, in pence, and the overall spend rate."""
    committed = int(register["committed_pence"].sum())
    spent = int(register["spent_pence"].sum())
    return {
        "committed_pence": committed,
        "spent_pence": spent,
        "spend_rate": spent / committed if committed else None,
    }
