"""A returns workbook's shape: its sheets, columns and identity, shared by writer and reader."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from boardbrief.ratings import RAG_WORDS

HOW_TO_SHEET = "How to fill this in"
ACTIONS_SHEET = "Actions"
INVESTMENT_SHEET = "Investment"
MEASURES_SHEET = "Measures"
LISTS_SHEET = "Lists"  # hidden: the drop-downs' choices
IDENTITY_SHEET = "Workbook identity"  # hidden: which board, meeting and organisation

WORKBOOK_SUFFIX = ".xlsx"
IDENTITY_KEYS = ("board", "la_code", "meeting", "organisation")
NEW_LINE_ROWS = 10  # blank rows on the Investment sheet for new lines

# The drop-down's words, and the rating each means.
RATING_CHOICES = {RAG_WORDS[rag]: rag for rag in ("red", "amber", "green", "blue")}


@dataclass(frozen=True)
class Column:
    """One column of a sheet: its header, what it means, whether it is filled in, its width."""

    header: str
    meaning: str
    filled_in: bool = False
    width: int = 14


ACTION_COLUMNS = (
    Column("Action id", "the action's reference in the plan", width=11),
    Column("Title", "what the action is", width=40),
    Column("Priority area", "the part of the plan it belongs to", width=22),
    Column("Due date", "when it is due to be done", width=12),
    Column("Current rating", "its rating now: Red, Amber, Green or Complete", width=12),
    Column("Last commentary", "what your organisation said last time", width=50),
    Column("Last updated", "when it was last updated", width=12),
    Column("New rating", "its rating now, if it has changed", filled_in=True, width=12),
    Column(
        "Commentary",
        "progress since last time; required when the rating changes or is red",
        filled_in=True,
        width=50,
    ),
    Column("Revised due date", "a new due date, only if one is agreed", filled_in=True, width=14),
)
INVESTMENT_COLUMNS = (
    Column("Line id", "the line's reference in the register (new lines are given one)", width=11),
    Column("Description", "what the money, staff time or resources pay for", width=44),
    Column("Priority area", "the part of the plan it supports", width=22),
    Column("District", "where it is spent; blank when countywide", width=16),
    Column("Kind", "funding, physical resources or staff time", width=18),
    Column("Committed (£)", "the amount committed, in pounds", filled_in=True, width=15),
    Column(
        "Spent (£)", "the amount spent so far, no more than committed", filled_in=True, width=15
    ),
)
MEASURE_COLUMNS = (
    Column("Measure id", "the measure's reference", width=18),
    Column("Measure", "what is measured", width=50),
    Column("Unit", "percent (0 to 100), number, days, weeks or rate", width=10),
    Column("Period end", "the last day of the period the value covers", width=12),
    Column("Value", "the figure for that period, as a number", filled_in=True, width=12),
    Column(
        "Status", "provisional if it may still change; blank is final", filled_in=True, width=12
    ),
    Column("Note", "anything the board should know about the figure", filled_in=True, width=40),
)
MEASURE_STATUSES = ("final", "provisional")


def column_number(columns: tuple[Column, ...], header: str) -> int:
    """The 1-based column of `header` on a sheet."""
    return next(n for n, c in enumerate(columns, start=1) if c.header == header)


def workbook_name(organisation_id: str, meeting: dt.date) -> str:
    """`<org_id>-<DATE>.xlsx`: what `make` writes and an organisation sends back."""
    return f"{organisation_id}-{meeting.isoformat()}{WORKBOOK_SUFFIX}"
