"""The feedback section: how many comments, from where, with small counts suppressed."""

from __future__ import annotations

import pandas as pd

from boardbrief import feedback
from boardbrief.formatting import count, long_date, plural
from boardbrief.meeting import Meeting
from boardbrief.present import SUPPRESSED, Column, Row, Table, suppressible
from boardbrief.suppression import suppress_counts


def feedback_by_district(meeting: Meeting) -> Table:
    """Comments per district, since the last meeting and in total, small counts suppressed."""
    config = meeting.config
    period = feedback.in_period(meeting.feedback, meeting.previous_date, meeting.date)
    table = feedback.comments_by_district(period, meeting.feedback, config)
    rows = [
        Row([r.district, suppressible(r.period, count), suppressible(r.to_date, count)])
        for r in table.itertuples()
    ]
    threshold = config.suppression_threshold
    totals = suppress_counts(pd.Series([len(period), len(meeting.feedback)]), threshold)
    rows.append(Row(["All districts", *(suppressible(n, count) for n in totals)], total=True))
    since = f"since {long_date(meeting.previous_date)}" if meeting.previous_date else "so far"
    lead = (
        f"{_small(len(period), threshold, 'comment')} received {since}; "
        f"{_small(len(meeting.feedback), threshold, 'comment')} in total up to this meeting."
    )
    return Table(
        caption="Feedback comments by district",
        columns=[
            Column("District"),
            Column("Since last meeting" if meeting.previous_date else "This period", "num"),
            Column("All to date", "num"),
        ],
        rows=rows,
        lead=lead,
        notes=[_suppression_note(threshold)] if any(SUPPRESSED in r.cells for r in rows) else [],
    )


def _small(number: int, threshold: int, noun: str) -> str:
    """A count for a sentence, worded vaguely when it is small enough to identify a family."""
    if 0 < number < threshold:
        return f"fewer than {threshold} {noun}s"
    return plural(number, noun)


def _suppression_note(threshold: int) -> str:
    return (
        f"{SUPPRESSED}: fewer than {threshold} comments, hidden to protect families' privacy; "
        "where the hidden counts could be worked out from the total, the next smallest count is "
        "hidden too."
    )
