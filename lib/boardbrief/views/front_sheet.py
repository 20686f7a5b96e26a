"""The front sheet: purpose, what the board is asked to do, the rating and its movement, the
highest risks and the late actions, before the key messages."""

from __future__ import annotations

import pandas as pd

from boardbrief.formatting import count, long_date, plural
from boardbrief.present import Column, Html, Row, Table, render_block
from boardbrief.ratings import RAG_WORDS
from boardbrief.sections.front_sheet import FrontSheet
from boardbrief.views.wording import agree, and_list

FRONT_LATE_ROWS = 10  # more than this and the rest are in the action plan's list


def front_sheet(sheet: FrontSheet) -> Html:
    """The front sheet as one block; a part with nothing to show has no heading."""
    top = []
    if sheet.top_risks is not None:
        top = [
            {
                "title": risk.title,
                "rating": risk.rating,
                "score": int(risk.score),
                "owner": risk.owner_name,
                "mitigation": risk.mitigation,
            }
            for risk in sheet.top_risks.itertuples()
        ]
    return render_block(
        "front_sheet.html.j2",
        purpose=purpose_sentence(sheet),
        asks=list(sheet.asks),
        movement=movement_sentence(sheet),
        top_risks=top,
        gaps_sentence=gaps_sentence(sheet),
        late=late_table(sheet).to_html() if len(sheet.late) else None,
    )


def purpose_sentence(sheet: FrontSheet) -> str:
    """What the paper is for, in one sentence naming only what it holds."""
    parts = ["what the board is asked to decide"] if sheet.asks else []
    parts.append("whether the plan is on track")
    if sheet.top_risks is not None:
        parts.append("what is at risk")
    parts.append("what is late and whose it is")
    return (
        f"This paper reports to the {sheet.board} on the SEND improvement plan for its meeting "
        f"of {long_date(sheet.meeting_date)}: {and_list(parts)}."
    )


def movement_sentence(sheet: FrontSheet) -> str:
    """Whether the overall rating is better or worse than at the last meeting, in words."""
    basis = "assessed by the lead officer" if sheet.assessed else "derived from the action plan"
    rating = RAG_WORDS[sheet.rating].lower()
    movement = sheet.movement
    if movement is None:
        return f"The overall rating, {basis}, is {rating}; this is the board's first meeting."
    since = f"at the meeting of {long_date(sheet.previous_date)}"
    if movement == "the same":
        return f"The overall rating, {basis}, is {rating}: the same as {since}."
    before = RAG_WORDS[sheet.previous_rating].lower()
    return f"The overall rating, {basis}, is {rating}: {movement} than {since} ({before})."


def gaps_sentence(sheet: FrontSheet) -> str | None:
    """How many late, stuck actions or red measures no open risk covers; None when none."""
    gaps = sheet.not_on_register
    if not gaps:
        return None
    what = plural(
        gaps, "overdue, stuck action or red measure", "overdue, stuck actions or red measures"
    )
    return f"{what} {agree(gaps, 'is', 'are')} in an area no open risk names."


def late_table(sheet: FrontSheet) -> Table:
    """Overdue actions, most overdue first: owner, due date and revised date when there is one."""
    late = sheet.late
    shown = late.head(FRONT_LATE_ROWS)
    rows = [
        Row(
            [
                f"{action.action_id}: {action.title}",
                action.owner_name,
                long_date(action.due_date.date()),
                plural(int(action.days_overdue), "day"),
                (
                    long_date(action.revised_due_date.date())
                    if not pd.isna(action.revised_due_date)
                    else "None given"
                ),
            ]
        )
        for action in shown.itertuples()
    ]
    notes = []
    if len(late) > FRONT_LATE_ROWS:
        notes.append(
            f"The {count(FRONT_LATE_ROWS)} most overdue of {count(len(late))}; every overdue "
            "action is listed in the annex on the action plan."
        )
    return Table(
        caption=f"Actions past their due date at {long_date(sheet.meeting_date)}",
        columns=[
            Column("Action"),
            Column("Owner"),
            Column("Due"),
            Column("Overdue by", "num"),
            Column("Revised date"),
        ],
        rows=rows,
        notes=notes,
    )
