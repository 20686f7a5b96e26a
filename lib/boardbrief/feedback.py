"""Feedback computations: how many comments, from where, in the period since the last meeting."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from boardbrief.board_config import BoardConfig
from boardbrief.suppression import suppress_with_earlier

NOT_RECORDED = "Not recorded"


def in_period(feedback: pd.DataFrame, previous: dt.date | None, meeting: dt.date) -> pd.DataFrame:
    """Comments from the day after the previous meeting up to and including the meeting."""
    dates = feedback["date"]
    after = dates > pd.Timestamp(previous) if previous else pd.Series(True, index=feedback.index)
    return feedback[after & (dates <= pd.Timestamp(meeting))]


def comments_by_district(
    period: pd.DataFrame, to_date: pd.DataFrame, config: BoardConfig
) -> pd.DataFrame:
    """Comments per district in the period and to date, small counts suppressed (as <NA>).

    Every district in board.yml has a row, in board.yml's order; comments with no district come
    last as 'Not recorded' when there are any.
    """
    districts = config.district_names
    names = [*districts, NOT_RECORDED]

    def counts(frame: pd.DataFrame) -> pd.Series:
        labelled = frame["district"].where(frame["district"] != "", NOT_RECORDED)
        return labelled.value_counts().reindex(names, fill_value=0).astype("int64")

    table = pd.DataFrame({"period": counts(period), "to_date": counts(to_date)})
    if table.loc[NOT_RECORDED, "to_date"] == 0:
        table = table.drop(index=NOT_RECORDED)
    shown_period, shown_to_date = suppress_with_earlier(
        table["period"], table["to_date"], config.suppression_threshold
    )
    table = pd.DataFrame({"period": shown_period, "to_date": shown_to_date})
    return table.rename_axis("district").reset_index()


def comment_totals(
    period: pd.DataFrame, to_date: pd.DataFrame, threshold: int
) -> dict[str, int | None]:
    """How many comments in the period and to date; None where the number is too small to show.

    The period's total is hidden too when the comments before it are a small number, since the
    two totals would give that number away.
    """
    shown_period, shown_to_date = suppress_with_earlier(
        pd.Series([len(period)]), pd.Series([len(to_date)]), threshold
    )
    return {
        "period": None if pd.isna(shown_period[0]) else int(shown_period[0]),
        "to_date": None if pd.isna(shown_to_date[0]) else int(shown_to_date[0]),
    }
