"""Corrections since a meeting: today's data compared with its frozen inputs, row by row.

Both sides are the meeting's part of a data folder (`contract.as_at`: its own dated files, rows
up to the same cut-off), so data that only grew since (later comments, a later meeting's files)
is no correction. A row is matched by its table's id: `action_id` within each action-plan
snapshot, `line_id` within each investment register, `risk_id` within each risk register,
`feedback_id` across the feedback files, and a measure's id with its `period_end`. Free text
(a comment, an action's commentary, a mitigation, a note) is never shown: only that it changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from boardbrief.contract.board_config import BOARD_FILE, BoardConfig
from boardbrief.contract.inputs import sha256_of
from boardbrief.contract.load import BoardData, Snapshot
from boardbrief.contract.measures import MEASURES_FILE

NOT_COMPARED = ("source_file", "source_row")  # where a row sits, not what it says
TEXT_COLUMNS = {"comment": "text", "commentary": "commentary", "mitigation": "mitigation"}
TEXT_COLUMNS |= {"note": "note"}
PENCE_COLUMNS = {"committed_pence": "committed_gbp", "spent_pence": "spent_gbp"}


@dataclass(frozen=True)
class Table:
    """One table's rows on both sides: where they are, what a row is called, how it is keyed."""

    file: str
    label: str
    key: list[str]
    frozen: pd.DataFrame
    today: pd.DataFrame


def corrections(frozen: BoardData, today: BoardData, meeting_date: dt.date) -> list[str]:
    """Every difference between the frozen inputs and today's data, one line each, in order:
    board.yml's settings, files added or missing (or changed, for other files without rows),
    then rows by table and id. Empty when they agree."""
    lines = config_differences(frozen.config, today.config, meeting_date)
    lines += file_differences(frozen, today)
    for table in compared_tables(frozen, today):
        lines += row_differences(table)
    return lines


def config_differences(frozen: BoardConfig, today: BoardConfig, meeting_date: dt.date) -> list[str]:
    """board.yml's settings that differ, later meetings left out (adding one is no correction):
    a plain value as old -> new, a list or mapping as changed."""
    then, now = frozen.model_dump(), today.model_dump()
    for settings in (then, now):
        settings["meetings"] = [m for m in settings["meetings"] if m <= meeting_date]
    lines = []
    for key in sorted(set(then) | set(now)):
        was, new = then.get(key), now.get(key)
        if was == new:
            continue
        if isinstance(was, dict | list) or isinstance(new, dict | list):
            lines.append(f"{BOARD_FILE}: {key} changed")
        else:
            lines.append(f"{BOARD_FILE}: {key} {_shown(key, was)} -> {_shown(key, new)}")
    return lines


def file_differences(frozen: BoardData, today: BoardData) -> list[str]:
    """Files the meeting reads now and did not then, or then and not now; and files without
    rows (board.yml, themes.yml, commentary, ...) whose bytes changed."""
    with_rows = _row_files(frozen) | _row_files(today)
    then, now = set(frozen.files_read), set(today.files_read)
    lines = []
    for name in sorted(then | now):
        if name in then and name in now:
            if name in with_rows or name == BOARD_FILE:
                continue  # compared by row, or by setting
            if sha256_of(frozen.data_dir / name) != sha256_of(today.data_dir / name):
                lines.append(f"{name}: changed")
        elif _table_folder(name):
            continue  # its rows are compared wherever they are
        elif name in now:
            lines.append(f"{name}: added since the meeting's data was frozen")
        else:
            lines.append(f"{name}: missing (the meeting read it)")
    return lines


def compared_tables(frozen: BoardData, today: BoardData) -> list[Table]:
    """The tables compared row by row: each snapshot of a date both sides have, the comments,
    the measures' values."""
    tables = [
        *_snapshots(frozen.actions, today.actions, "action", ["action_id"]),
        *_snapshots(frozen.funding, today.funding, "line", ["line_id"]),
        *_snapshots(frozen.risks, today.risks, "risk", ["risk_id"]),
    ]
    tables.append(Table("feedback", "comment", ["feedback_id"], frozen.feedback, today.feedback))
    if frozen.measures is not None or today.measures is not None:
        empty = pd.DataFrame(columns=["measure_id", "period_end"])
        tables.append(
            Table(
                "measures",
                "measure",
                ["measure_id", "period_end"],
                frozen.measures.values if frozen.measures else empty,
                today.measures.values if today.measures else empty,
            )
        )
    return tables


def row_differences(table: Table) -> list[str]:
    """Rows of one table changed (which columns, old -> new), added or removed, by id."""
    old, new = _rows(table.frozen, table.key), _rows(table.today, table.key)
    columns = [
        c
        for c in dict.fromkeys([*table.frozen.columns, *table.today.columns])
        if c not in NOT_COMPARED
    ]
    lines = []
    for key in sorted(set(old) | set(new)):
        row = new.get(key) or old[key]
        where = str(row.get("source_file") or table.file)
        name = _row_name(table, key)
        if key not in new:
            lines.append(f"{where}: {name} removed")
        elif key not in old:
            lines.append(f"{where}: {name} added")
        else:
            changes = _changes(old[key], new[key], columns)
            if changes:
                lines.append(f"{where}: {name} changed: {', '.join(changes)}")
    return lines


def _changes(old: dict[str, object], new: dict[str, object], columns: Iterable[str]) -> list[str]:
    changes = []
    for column in columns:
        was, now = _shown(column, old.get(column)), _shown(column, new.get(column))
        if was == now:
            continue
        if column in TEXT_COLUMNS:
            changes.append(f"{TEXT_COLUMNS[column]} changed")
        else:
            changes.append(f"{PENCE_COLUMNS.get(column, column)} {was} -> {now}")
    return changes


def _shown(column: str, value: object) -> str:
    """A cell as the auditor reads it: dates as YYYY-MM-DD, money in pounds, blank as blank."""
    if value is None or (not isinstance(value, str | list | tuple) and pd.isna(value)):
        return "blank"
    if isinstance(value, pd.Timestamp | dt.date):
        return value.strftime("%Y-%m-%d")
    if column in PENCE_COLUMNS:
        return f"{int(value) / 100:.2f}"
    text = str(value)
    return text if text else "blank"


def _rows(table: pd.DataFrame, key: list[str]) -> dict[tuple[str, ...], dict[str, object]]:
    """Each row by its id (the key columns as shown)."""
    return {
        tuple(_shown(c, record.get(c)) for c in key): record for record in table.to_dict("records")
    }


def _row_name(table: Table, key: tuple[str, ...]) -> str:
    if table.label == "measure":
        return f"measure {key[0]} for the period ending {key[1]}"
    return f"{table.label} {key[0]}"


def _snapshots(
    frozen: dict[dt.date, Snapshot], today: dict[dt.date, Snapshot], label: str, key: list[str]
) -> list[Table]:
    return [
        Table(today[date].file, label, key, frozen[date].table, today[date].table)
        for date in sorted(set(frozen) & set(today))
    ]


def _row_files(data: BoardData) -> set[str]:
    """The files whose rows are compared (snapshots, comments, measures' values)."""
    snapshots = [*data.actions.values(), *data.funding.values(), *data.risks.values()]
    tables = {s.file for s in snapshots} | set(data.feedback["source_file"])
    measures = set(data.measures.files_read) - {MEASURES_FILE} if data.measures else set()
    return tables | measures | {f for f in data.files_read if f.startswith("feedback/")}


def _table_folder(name: str) -> bool:
    """Comments and measures' values are compared by row wherever they are: a file of them
    added or gone is reported through its rows (none, when all are after the cut-off)."""
    return name.startswith(("feedback/", "measures/"))
