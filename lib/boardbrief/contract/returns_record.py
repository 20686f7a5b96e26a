"""The note `returns collect` leaves beside its snapshot: who returned, who was carried forward.

`actions/DATE.returns.yml` records, for the snapshot of the same date, which organisations sent
their workbook back and whose rows were carried forward unchanged from the previous snapshot, so
the briefing can say so. It is part of the data folder: `validate` checks it like any other file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import Field, ValidationError

from boardbrief.contract.board_config import BoardConfig
from boardbrief.contract.problems import DataError, Problem
from boardbrief.contract.settings import (
    Identifier,
    IsoDate,
    Settings,
    problems_from,
    read_settings_file,
)

RETURNS_SUFFIX = ".returns.yml"
RETURNS_FOLDER = "actions"


class ReturnsRecord(Settings):
    """Which organisations returned their workbook for a meeting, and whose rows were carried."""

    meeting: IsoDate
    returned: list[Identifier] = Field(default_factory=list)
    carried_forward: list[Identifier] = Field(default_factory=list)


def returns_record_name(date: dt.date) -> str:
    """The sidecar's name relative to the data folder, e.g. actions/2026-12-03.returns.yml."""
    return f"{RETURNS_FOLDER}/{date.isoformat()}{RETURNS_SUFFIX}"


def is_returns_record(path: Path) -> bool:
    return path.name.endswith(RETURNS_SUFFIX)


def load_returns_records(
    data_dir: Path, config: BoardConfig, snapshot_dates: set[dt.date]
) -> dict[dt.date, ReturnsRecord]:
    """Every sidecar in actions/, checked: named by a snapshot's date, naming known organisations.

    Raises
    ------
    DataError
        With every problem in every sidecar.
    """
    folder = data_dir / RETURNS_FOLDER
    if not folder.is_dir():
        return {}
    records: dict[dt.date, ReturnsRecord] = {}
    problems: list[Problem] = []
    for path in sorted(p for p in folder.iterdir() if is_returns_record(p)):
        name = f"{RETURNS_FOLDER}/{path.name}"
        try:
            date, record = _read_record(data_dir, name, config, snapshot_dates)
        except DataError as error:
            problems.extend(error.problems)
            continue
        records[date] = record
    if problems:
        raise DataError(problems)
    return records


def _read_record(
    data_dir: Path, name: str, config: BoardConfig, snapshot_dates: set[dt.date]
) -> tuple[dt.date, ReturnsRecord]:
    stem = name.rsplit("/", 1)[1].removesuffix(RETURNS_SUFFIX)
    try:
        date = dt.date.fromisoformat(stem)
    except ValueError:
        expected = f"a file named by its snapshot's date, YYYY-MM-DD{RETURNS_SUFFIX}"
        raise DataError([Problem(name, None, None, None, expected)]) from None
    if date not in snapshot_dates:
        expected = f"an action-plan snapshot of the same date, actions/{stem}.csv or .xlsx"
        raise DataError([Problem(name, None, None, None, expected)])
    raw, root = read_settings_file(
        data_dir, name, "a YAML mapping: meeting, returned, carried_forward"
    )
    try:
        record = ReturnsRecord.model_validate(raw)
    except ValidationError as error:
        raise DataError(problems_from(error, root, name)) from None
    known = {o.casefold() for o in config.organisation_ids}
    problems = [
        Problem(name, None, key, org, "an organisation id from board.yml")
        for key, orgs in (
            ("returned", record.returned),
            ("carried_forward", record.carried_forward),
        )
        for org in orgs
        if org.casefold() not in known
    ]
    if problems:
        raise DataError(problems)
    return date, record
