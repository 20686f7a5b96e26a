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
    """One column of a sheet: its header, whether the organisation fills it, its width."""

    header: str
    filled_in: bool = False
    width: int = 14


ACTION_COLUMNS = (
    Column("Action id", width=11),
    Column("Title", width=40),
    Column("Priority area", width=22),
    Column("Due date", width=12),
    Column("Current rating", width=12),
    Column("Last commentary", width=50),
    Column("Last updated", width=12),
    Column("New rating", filled_in=True, width=12),
    Column("Commentary", filled_in=True, width=50),
    Column("Revised due date", filled_in=True, width=14),
)
INVESTMENT_COLUMNS = (
    Column("Line id", width=11),
    Column("Description", width=44),
    Column("Priority area", width=22),
    Column("District", width=16),
    Column("Kind", width=18),
    Column("Committed (£)", filled_in=True, width=15),
    Column("Spent (£)", filled_in=True, width=15),
)
MEASURE_COLUMNS = (
    Column("Measure id", width=18),
    Column("Measure", width=50),
    Column("Unit", width=10),
    Column("Period end", width=12),
    Column("Value", filled_in=True, width=12),
    Column("Status", filled_in=True, width=12),
    Column("Note", filled_in=True, width=40),
)
MEASURE_STATUSES = ("final", "provisional")


def column_number(columns: tuple[Column, ...], header: str) -> int:
    """The 1-based column of `header` on a sheet."""
    return next(n for n, c in enumerate(columns, start=1) if c.header == header)


def workbook_name(organisation_id: str, meeting: dt.date) -> str:
    """`<org_id>-<DATE>.xlsx`: what `make` writes and an organisation sends back."""
    return f"{organisation_id}-{meeting.isoformat()}{WORKBOOK_SUFFIX}"
