"""Comments per district: how many, since the last meeting and in total, small counts hidden."""

from __future__ import annotations

from boardbrief.contract.meeting import Meeting
from boardbrief.formatting import count, long_date, plural
from boardbrief.present import SUPPRESSED, Column, Row, Table, suppressible
from boardbrief.sections import feedback


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
    totals = feedback.district_totals(period, meeting.feedback, config)
    rows.append(
        Row(
            ["All districts", *(suppressible(totals[k], count) for k in ("period", "to_date"))],
            total=True,
        )
    )
    since = f"since {long_date(meeting.previous_date)}" if meeting.previous_date else "so far"
    lead = (
        f"{how_many_comments(totals['period'], len(period), threshold)} received {since}; "
        f"{how_many_comments(totals['to_date'], len(meeting.feedback), threshold)} in total "
        "up to this meeting."
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


def how_many_comments(shown: int | None, actual: int, threshold: int) -> str:
    """A count for a sentence, vague when it is hidden to protect families' privacy."""
    if shown is not None:
        return plural(shown, "comment")
    if 0 < actual < threshold:
        return f"fewer than {threshold} comments"
    return "a number of comments (hidden so that a smaller count cannot be worked out)"


def _suppression_note(threshold: int) -> str:
    return (
        f"{SUPPRESSED}: fewer than {threshold} comments, hidden to protect families' privacy; "
        "where the hidden counts could be worked out from the total, the next smallest count is "
        "hidden too."
    )
