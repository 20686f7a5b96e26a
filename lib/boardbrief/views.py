"""What the briefing notebook shows: one function per block, each returning finished HTML."""

from __future__ import annotations

import pandas as pd

from boardbrief import actions, feedback, funding
from boardbrief.formatting import count, gbp_exact, gbp_short, long_date, percent, plural
from boardbrief.meeting import Meeting
from boardbrief.present import (
    SUPPRESSED,
    Column,
    Html,
    Row,
    Table,
    rag_badge,
    render_block,
    suppressible,
)
from boardbrief.ratings import RAG_ORDER, RAG_WORDS
from boardbrief.suppression import suppress_counts


def headline(meeting: Meeting) -> Html:
    """Title block: board, meeting, the dates the data is as at, and the overall rating."""
    config = meeting.config
    latest_comment = meeting.feedback["date"].max()
    return render_block(
        "headline.html.j2",
        sample=config.sample,
        area=config.area,
        board=config.board,
        meeting_date=long_date(meeting.date),
        overall_rag=actions.overall_rating(meeting.actions.table),
        actions_as_at=long_date(meeting.actions.date),
        funding_as_at=long_date(meeting.funding.date),
        feedback_up_to=long_date(latest_comment.date())
        if len(meeting.feedback)
        else "no comments yet",
        compared_with=(
            f"the meeting of {long_date(meeting.previous_date)}"
            if meeting.previous_date
            else "nothing: this is the board's first meeting"
        ),
    )


def actions_by_area(meeting: Meeting) -> Table:
    """Actions per priority area and rating, with each area's derived rating."""
    table = actions.rag_counts_by_area(meeting.actions.table, meeting.config)
    totals = actions.rag_totals(meeting.actions.table)
    overall = actions.overall_rating(meeting.actions.table)
    rows = [
        Row(
            [
                r.name,
                *(count(getattr(r, rag)) for rag in RAG_ORDER),
                count(r.total),
                rag_badge(r.derived_rag),
            ]
        )
        for r in table.itertuples()
    ]
    total = sum(totals.values())
    rows.append(
        Row(
            [
                "All areas",
                *(count(totals[rag]) for rag in RAG_ORDER),
                count(total),
                rag_badge(overall),
            ],
            total=True,
        )
    )
    mix = ", ".join(f"{count(totals[rag])} {RAG_WORDS[rag].lower()}" for rag in RAG_ORDER)
    red_areas = [r.name for r in table.itertuples() if r.derived_rag == "red"]
    lead = f"The action plan has {plural(total, 'action')}: {mix}. "
    lead += f"Derived overall rating: {RAG_WORDS[overall].lower()}."
    if red_areas:
        lead += f" Rated red: {', '.join(red_areas)}."
    return Table(
        caption=f"Actions by priority area and rating, as at {long_date(meeting.actions.date)}",
        columns=[
            Column("Priority area"),
            *(Column(RAG_WORDS[rag], "num") for rag in RAG_ORDER),
            Column("Total", "num"),
            Column("Derived rating"),
        ],
        rows=rows,
        lead=lead,
        notes=[
            "Derived rating: red when a quarter or more of open actions are red; green when three "
            "quarters or more are green and none is red; complete when no action is open; "
            "otherwise amber. Complete actions are not open."
        ],
    )


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


def investment_by_organisation(meeting: Meeting) -> Table:
    """Committed and spent per organisation, largest commitment first."""
    register = meeting.funding.table
    table = funding.investment_by_organisation(register, meeting.config)
    totals = funding.register_totals(register)
    overall_rate = (
        totals["spent_pence"] / totals["committed_pence"] if totals["committed_pence"] else None
    )
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
