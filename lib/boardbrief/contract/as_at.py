"""The data as at a meeting: its own files, and nothing dated after its cut-off.

A board's papers go out before the meeting, so what the board saw stops at a cut-off: by default
the meeting date, or `papers_due_days` (board.yml) before it, or the date `render --as-at` gives.
Two rules, applied in one place so the briefing, the frozen copy of its inputs and `verify`
agree:

- **Files**: a dated file (an action-plan snapshot, investment or risk register, officer
  commentary, returns note) belongs to the meeting when it is dated on or before the meeting.
  These are the meeting's papers, prepared for it (`returns collect` names its snapshot by the
  meeting date, the commentary is named by it), so they are chosen by the meeting date, not the
  cut-off. Files dated after the meeting are not the meeting's and are not read for it.
- **Rows**: rows that carry a date of their own are kept when dated on or before the cut-off:
  comments by their `date`, measures' values by their `period_end` (a period not yet ended at
  the cut-off cannot have been reported by it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pandas as pd

from boardbrief.contract.load import BoardData, Snapshot
from boardbrief.contract.problems import DataError, Problem

DATED_FOLDERS = ("actions", "funding", "risks", "commentary")  # files named by their date
AS_AT_PLACE = "as at date"  # how a bad --as-at is named in its problem


def cut_off(data: BoardData, meeting_date: dt.date, as_at: str | dt.date | None = None) -> dt.date:
    """The cut-off for a meeting: `as_at` when given, else `papers_due_days` before the meeting.

    Raises
    ------
    DataError
        `as_at` is not a date, or is after the meeting.
    """
    if as_at in (None, ""):
        return meeting_date - dt.timedelta(days=data.config.papers_due_days)
    if isinstance(as_at, dt.date):
        date = as_at
    else:
        try:
            date = dt.date.fromisoformat(str(as_at).strip())
        except ValueError:
            raise DataError(
                [Problem(AS_AT_PLACE, None, None, str(as_at), "a date as YYYY-MM-DD")]
            ) from None
    if date > meeting_date:
        expected = f"a date on or before the meeting, {meeting_date.isoformat()}"
        raise DataError([Problem(AS_AT_PLACE, None, None, date.isoformat(), expected)])
    return date


def data_as_at(data: BoardData, meeting_date: dt.date, as_at: dt.date) -> BoardData:
    """The meeting's part of `data`: its own dated files, and dated rows up to `as_at`.

    `files_read` becomes the files this leaves in, so the inputs recorded and frozen for the
    meeting are exactly the files it read.
    """
    actions = _on_or_before(data.actions, meeting_date)
    funding = _on_or_before(data.funding, meeting_date)
    risks = _on_or_before(data.risks, meeting_date)
    commentary = {d: c for d, c in data.commentary.items() if d <= meeting_date}
    returns = {d: r for d, r in data.returns.items() if d <= meeting_date}
    cut = pd.Timestamp(as_at)
    measures = data.measures
    if measures is not None:
        measures = replace(measures, values=measures.values[measures.values["period_end"] <= cut])
    return replace(
        data,
        actions=actions,
        funding=funding,
        risks=risks,
        commentary=commentary,
        returns=returns,
        feedback=data.feedback[data.feedback["date"] <= cut],
        measures=measures,
        files_read=tuple(f for f in data.files_read if not dated_after(f, meeting_date)),
    )


def dated_after(name: str, date: dt.date) -> bool:
    """Whether a file of the data folder is a dated one (`actions/2026-11-05.csv`, its returns
    note `actions/2026-11-05.returns.yml`, ...) dated after `date`."""
    folder, _, file = name.partition("/")
    if folder not in DATED_FOLDERS:
        return False
    try:
        return dt.date.fromisoformat(file.split(".")[0]) > date
    except ValueError:
        return False


def _on_or_before(snapshots: dict[dt.date, Snapshot], date: dt.date) -> dict[dt.date, Snapshot]:
    return {d: s for d, s in snapshots.items() if d <= date}
