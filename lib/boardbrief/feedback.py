"""Feedback computations: how many comments, from where, in the period since the last meeting."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from boardbrief.board_config import BoardConfig
from boardbrief.suppression import suppress_counts

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
    threshold = config.suppression_threshold
    table = table.apply(lambda column: suppress_counts(column, threshold))
    return table.rename_axis("district").reset_index()
