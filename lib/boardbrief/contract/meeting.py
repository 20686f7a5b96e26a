"""Choosing what a meeting's briefing is built from: its snapshots, comments and comparisons."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from boardbrief.contract.as_at import cut_off, data_as_at
from boardbrief.contract.board_config import BOARD_FILE, BoardConfig
from boardbrief.contract.checked import read_checked
from boardbrief.contract.commentary import Commentary
from boardbrief.contract.load import BoardData, Snapshot, load_board_data
from boardbrief.contract.problems import DataError, Problem

LATEST = "latest"


@dataclass(frozen=True)
class Meeting:
    """The data a briefing for one meeting uses, and the meeting it is compared with."""

    date: dt.date
    previous_date: dt.date | None
    data: BoardData
    actions: Snapshot
    previous_actions: Snapshot | None
    funding: Snapshot
    previous_funding: Snapshot | None
    feedback: pd.DataFrame
    commentary: Commentary | None
    risks: Snapshot | None = None  # the latest risk register on or before the meeting
    previous_risks: Snapshot | None = None  # the one the previous meeting used
    as_at: dt.date | None = None  # the cut-off: nothing dated after it is counted (see as_at.py)

    def __post_init__(self) -> None:
        if self.as_at is None:  # made by hand (tests): the meeting date, the default cut-off
            object.__setattr__(self, "as_at", self.date)

    @property
    def config(self) -> BoardConfig:
        return self.data.config


def load_meeting(
    data_dir: Path | str,
    meeting_date: str | dt.date = LATEST,
    as_at: str | dt.date | None = None,
    checked_data: str = "",
    checked_sha256: str = "",
) -> Meeting:
    """Load and check a data folder, then pick out one meeting (the notebook's entry point).

    With `checked_data` (a file the render wrote, see `contract.checked`) whose SHA-256 is
    `checked_sha256`, the data already checked by the render is used instead of checking the
    folder again; without it, or when the file is gone, the folder is read and checked here.
    """
    data = read_checked(checked_data, checked_sha256) or load_board_data(data_dir)
    return select_meeting(data, meeting_date, as_at)


def select_meeting(
    data: BoardData, meeting_date: str | dt.date = LATEST, as_at: str | dt.date | None = None
) -> Meeting:
    """The latest snapshots on or before the meeting, feedback up to its cut-off, the previous
    meeting's. `as_at` is the cut-off (default: `papers_due_days` before the meeting); the
    meeting's `data` holds only its own files and rows up to the cut-off (`contract.as_at`).

    Raises
    ------
    DataError
        When the date is not a meeting in board.yml or there is no data for it.
    """
    date = latest_meeting(data) if meeting_date in (LATEST, "", None) else _parse(meeting_date)
    meetings = data.config.meetings
    if date not in meetings:
        listed = ", ".join(d.isoformat() for d in meetings)
        raise DataError(
            [Problem(BOARD_FILE, None, "meetings", date.isoformat(), f"a listed meeting: {listed}")]
        )
    position = meetings.index(date)
    previous = meetings[position - 1] if position > 0 else None
    cut = cut_off(data, date, as_at)
    data = data_as_at(data, date, cut)
    actions = _as_at(data.actions, date, "actions", "an action-plan snapshot")
    funding = _as_at(data.funding, date, "funding", "an investment register")
    return Meeting(
        date=date,
        previous_date=previous,
        data=data,
        actions=actions,
        previous_actions=_latest_on_or_before(data.actions, previous),
        funding=funding,
        previous_funding=_latest_on_or_before(data.funding, previous),
        feedback=data.feedback,
        commentary=data.commentary.get(date),
        risks=_latest_on_or_before(data.risks, date),
        previous_risks=_latest_on_or_before(data.risks, previous),
        as_at=cut,
    )


def latest_meeting(data: BoardData) -> dt.date:
    """The latest meeting with an action-plan snapshot of its own.

    A snapshot is a meeting's own when it is dated after the previous meeting and on or before
    this one, so a meeting already scheduled in board.yml but not yet prepared is not chosen.
    """
    for meeting in reversed(data.config.meetings):
        if has_own_snapshot(data, meeting):
            return meeting
    raise DataError(
        [Problem("actions/", None, None, None, "a snapshot dated on or before a listed meeting")]
    )


def meetings_with_data(data: BoardData) -> list[dt.date]:
    """Meetings that can be briefed: an action-plan snapshot and a register on or before them."""
    return [meeting for meeting in data.config.meetings if not missing_data(data, meeting)]


def missing_data(data: BoardData, meeting: dt.date) -> list[str]:
    """What a render of `meeting` needs and the folder lacks, in words; empty when it has all.

    These are exactly the files `select_meeting` refuses a meeting without.
    """
    needs = [(data.actions, "an action-plan snapshot"), (data.funding, "an investment register")]
    return [
        f"{what} dated on or before it"
        for snapshots, what in needs
        if _latest_on_or_before(snapshots, meeting) is None
    ]


def has_own_snapshot(data: BoardData, meeting: dt.date) -> bool:
    """Whether an action-plan snapshot is dated after the previous meeting and on or before this."""
    meetings = data.config.meetings
    position = meetings.index(meeting)
    start = meetings[position - 1] if position > 0 else dt.date.min
    return any(start < snapshot <= meeting for snapshot in data.actions)


def _parse(meeting_date: str | dt.date) -> dt.date:
    if isinstance(meeting_date, dt.date):
        return meeting_date
    try:
        return dt.date.fromisoformat(str(meeting_date).strip())
    except ValueError:
        raise DataError(
            [Problem("meeting date", None, None, str(meeting_date), "a date as YYYY-MM-DD")]
        ) from None


def _latest_on_or_before(
    snapshots: dict[dt.date, Snapshot], date: dt.date | None
) -> Snapshot | None:
    if date is None:
        return None
    earlier = [d for d in snapshots if d <= date]
    return snapshots[max(earlier)] if earlier else None


def _as_at(snapshots: dict[dt.date, Snapshot], date: dt.date, folder: str, what: str) -> Snapshot:
    snapshot = _latest_on_or_before(snapshots, date)
    if snapshot is None:
        raise DataError(
            [
                Problem(
                    f"{folder}/", None, None, None, f"{what} dated on or before {date.isoformat()}"
                )
            ]
        )
    return snapshot
