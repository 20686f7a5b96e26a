"""Who owes a return for a meeting, and what each organisation is asked to update.

The round starts from the latest action-plan snapshot and investment register dated before the
meeting (the base): an organisation is asked about its open actions there, its investment lines
there and, when the board has `measures.yml`, the periods of its measures now due.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from boardbrief.contract import columns
from boardbrief.contract.board_config import BoardConfig, Organisation
from boardbrief.contract.load import BoardData, Snapshot
from boardbrief.contract.measures import MeasureDefinition
from boardbrief.contract.meeting import has_own_snapshot
from boardbrief.contract.read_tables import read_table
from boardbrief.errors import UsageError

MONTHS_BETWEEN = {"monthly": 1, "quarterly": 3, "annual": 12}  # termly: the owner gives the date
MOST_PERIODS = 12  # periods offered per measure, however far behind it is


@dataclass(frozen=True)
class DuePeriod:
    """A value asked for: a measure and its period end (None: the owner gives the term's end)."""

    measure: MeasureDefinition
    period_end: dt.date | None


@dataclass(frozen=True)
class Asked:
    """One organisation's part of a round: its open actions, its lines and its measures due."""

    organisation: Organisation
    actions: pd.DataFrame  # rows of the base snapshot (typed), indexed by their row there
    lines: pd.DataFrame  # rows of the base register (typed)
    measures: tuple[DuePeriod, ...]


@dataclass(frozen=True)
class ReturnsRound:
    """Everything one meeting's returns are made from and checked against."""

    meeting: dt.date
    due_by: dt.date
    data: BoardData
    base_actions: Snapshot
    base_funding: Snapshot
    asked: dict[str, Asked]  # by organisation id, in board.yml's order

    @property
    def config(self) -> BoardConfig:
        return self.data.config

    def raw_table(self, snapshot: Snapshot, required: list[str]) -> pd.DataFrame:
        """The base file's cells as written, so rows carried forward keep every character."""
        return read_table(self.data.data_dir / snapshot.file, snapshot.file, required)

    def raw_actions(self) -> pd.DataFrame:
        return self.raw_table(self.base_actions, columns.ACTION_COLUMNS)

    def raw_funding(self) -> pd.DataFrame:
        return self.raw_table(self.base_funding, columns.FUNDING_COLUMNS)


def next_meeting(data: BoardData) -> dt.date:
    """The meeting after the latest one with an action-plan snapshot of its own.

    That is the first meeting after the latest snapshot, unless that meeting already has its
    snapshot (dated on or before it): then the one after.

    Raises
    ------
    UsageError
        When board.yml lists no such meeting.
    """
    briefed = [m for m in data.config.meetings if has_own_snapshot(data, m)]
    after = max(briefed) if briefed else dt.date.min
    later = [m for m in data.config.meetings if m > after]
    if not later:
        raise UsageError(
            f"board.yml lists no meeting after {after.isoformat()}, the latest with an "
            "action-plan snapshot of its own: add the next meeting's date under 'meetings'"
        )
    return later[0]


def returns_round(data: BoardData, meeting: dt.date | None = None) -> ReturnsRound:
    """What each organisation owes for `meeting` (default: the next meeting).

    Raises
    ------
    UsageError
        When the date is not a meeting, or there is no snapshot or register before it.
    """
    meeting = meeting or next_meeting(data)
    if meeting not in data.config.meetings:
        listed = ", ".join(d.isoformat() for d in data.config.meetings)
        raise UsageError(f"{meeting.isoformat()} is not a meeting in board.yml ({listed})")
    base_actions = _latest_before(data.actions, meeting, "an action-plan snapshot", "actions")
    base_funding = _latest_before(data.funding, meeting, "an investment register", "funding")
    due_by = meeting - dt.timedelta(days=data.config.returns_due_days)
    actions = base_actions.table[base_actions.table["rag"] != "blue"]
    lines = base_funding.table
    asked = {}
    for organisation in data.config.organisations:
        measures = tuple(
            period
            for definition in (data.measures.definitions if data.measures else ())
            if definition.owner.casefold() == organisation.id.casefold()
            for period in _due_periods(data, definition, due_by)
        )
        own_actions = actions[actions["owner"] == organisation.id]
        own_lines = lines[lines["organisation"] == organisation.id]
        if len(own_actions) or len(own_lines) or measures:
            asked[organisation.id] = Asked(organisation, own_actions, own_lines, measures)
    return ReturnsRound(meeting, due_by, data, base_actions, base_funding, asked)


def load_round(data_dir: Path, meeting: str | None) -> ReturnsRound:
    """Load and check the data folder, then the round for `meeting` (YYYY-MM-DD or None)."""
    from boardbrief.contract.load import load_board_data

    data = load_board_data(data_dir)
    return returns_round(data, parse_meeting(meeting) if meeting else None)


def parse_meeting(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"the meeting date must be YYYY-MM-DD, not {text!r}") from None


def _latest_before(
    snapshots: dict[dt.date, Snapshot], meeting: dt.date, what: str, folder: str
) -> Snapshot:
    earlier = [d for d in snapshots if d < meeting]
    if not earlier:
        raise UsageError(
            f"returns start from {what} dated before {meeting.isoformat()}, and {folder}/ has none"
        )
    return snapshots[max(earlier)]


def _due_periods(
    data: BoardData, definition: MeasureDefinition, due_by: dt.date
) -> list[DuePeriod]:
    """The periods after the measure's latest value that have ended by the returns' due date."""
    if definition.frequency not in MONTHS_BETWEEN:
        return [DuePeriod(definition, None)]
    values = data.measures.values if data.measures else pd.DataFrame()
    reported = values[values["measure_id"] == definition.id]["period_end"] if len(values) else []
    latest = max(reported).date() if len(reported) else definition.baseline.period
    step = MONTHS_BETWEEN[definition.frequency]
    periods = []
    for count in range(1, MOST_PERIODS + 1):
        period = _months_after(latest, step * count)
        if period > due_by:
            break
        periods.append(DuePeriod(definition, period))
    return periods


def _months_after(date: dt.date, months: int) -> dt.date:
    """The same point `months` later: a month's end stays a month's end."""
    stamp = pd.Timestamp(date)
    if stamp.is_month_end:
        return (stamp + pd.offsets.MonthEnd(months)).date()
    return (stamp + pd.DateOffset(months=months)).date()
