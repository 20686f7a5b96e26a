"""For analysts: the numbers typed into the officer's commentary that match no figure."""

from __future__ import annotations

from collections.abc import Mapping

from boardbrief.contract.commentary_numbers import (
    UnmatchedNumber,
    commentary_numbers,
    unmatched_numbers,
)
from boardbrief.contract.meeting import Meeting
from boardbrief.formatting import count, gbp_short, plural
from boardbrief.present import Column, Html, Row, Table
from boardbrief.views.wording import sentence


def unmatched_commentary_numbers(meeting: Meeting, figures: Mapping[str, object]) -> Html:
    """The commentary's typed numbers that match none of the briefing's figures, line by line.

    The commentary is typed by hand; the figures are computed. A number listed here may be a
    slip ("2 are past their due date" beside a computed 15) or a figure the briefing does not
    compute: either way it is for an analyst to check with the officer before the papers go.
    """
    if meeting.commentary is None:
        return sentence("There is no commentary from the lead officer for this meeting to check.")
    if not commentary_numbers(meeting.commentary):
        return sentence("The lead officer's commentary has no numbers in it to check.")
    found = unmatched_numbers(meeting.commentary, figures)
    how = (
        "Each number typed into the lead officer's commentary is compared with the figures this "
        "briefing computes, rounded as the briefing rounds them; dates, years, action ids and "
        "list numbers are left out."
    )
    if not found:
        return sentence(f"{how} Every number in it matches a figure of this briefing.")
    return Table(
        caption="Numbers in the commentary that match no figure of this briefing",
        columns=[
            Column("Number as typed"),
            Column("Line", "num"),
            Column("In the sentence"),
            Column("What this briefing computes"),
        ],
        rows=[Row([f.text, count(f.line), f.sentence, _computed(f)]) for f in found],
        lead=(
            f"{how} {plural(len(found), 'number matches', 'numbers match')} none: check "
            f"{'it' if len(found) == 1 else 'them'} with the officer before the papers go out."
        ),
        notes=["Line numbers count from the top of the commentary as the officer wrote it."],
    ).to_html()


def _computed(found: UnmatchedNumber) -> str:
    """The figure the number's words name, with its computed value, or that none matches."""
    if found.figure is None:
        return "No figure matches it"
    value = found.computed
    if found.figure.endswith("_gbp") and isinstance(value, int | float):
        shown = gbp_short(round(value * 100))
    else:
        shown = count(value) if isinstance(value, int) else str(value)
    label = found.figure_label or found.figure
    return f"{label[0].upper()}{label[1:]}: {shown}"
