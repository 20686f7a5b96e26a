"""`returns collect`: the returned workbooks turned into the meeting's snapshot files.

Every workbook is checked first and any problem stops the command with nothing written. The new
files are then written into a copy of the data folder and checked there with the data contract,
and only then moved into place, so the data folder gains files that pass `validate` or none.
Organisations that did not return have their rows carried forward unchanged.
"""

from __future__ import annotations

import csv
import io
import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from boardbrief.contract.inputs import sha256_of
from boardbrief.contract.load import load_board_data
from boardbrief.contract.measures import MEASURES_FOLDER
from boardbrief.contract.problems import DataError
from boardbrief.contract.read_tables import TABLE_SUFFIXES
from boardbrief.contract.returns_record import returns_record_name
from boardbrief.errors import UsageError
from boardbrief.publish.folders import replace_retrying, require_replaceable
from boardbrief.returns.expected import ReturnsRound
from boardbrief.returns.read_workbooks import LineUpdate, Returned, read_returns
from boardbrief.returns.status import ReturnsStatus, require_folder

log = logging.getLogger(__name__)

MEASURE_VALUE_COLUMNS = ["measure_id", "period_end", "value", "status", "note"]


@dataclass(frozen=True)
class Collected:
    """What `collect` did: the files written, those it replaced (with their old fingerprints)."""

    status: ReturnsStatus
    written: tuple[Path, ...]
    replaced: tuple[tuple[Path, str], ...]


def collect_returns(returns: ReturnsRound, folder: Path, replace: bool = False) -> Collected:
    """Check every workbook in `folder` and write the meeting's snapshots into the data folder.

    Raises
    ------
    DataError
        With every problem in every workbook; nothing is written.
    UsageError
        When a file it would write exists and `replace` is not given.
    """
    require_folder(folder)
    data_dir = returns.data.data_dir
    existing = _existing_outputs(returns)
    if existing and not replace:
        names = ", ".join(str(path.relative_to(data_dir).as_posix()) for path in existing)
        raise UsageError(
            f"the data folder already has {names}: collect never replaces a snapshot "
            "(give --replace to allow it)"
        )
    received, problems = read_returns(folder, returns)
    if problems:
        raise DataError(problems)
    files = snapshot_files(returns, received)
    _check_in_a_copy(data_dir, files, existing)
    require_replaceable(existing)  # a snapshot open in Excel stops collect before any change
    replaced = tuple((path, sha256_of(path)) for path in existing)
    for path in existing:
        if path.relative_to(data_dir).as_posix() not in files:
            path.unlink()
    written = []
    for name, text in files.items():
        target = data_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.partial")
        partial.write_text(text, encoding="utf-8", newline="\n")
        replace_retrying(partial, target)
        written.append(target)
    asked = list(returns.asked)
    status = ReturnsStatus(
        returns,
        tuple(org for org in asked if org in received),
        tuple(org for org in asked if org not in received),
        (),
    )
    return Collected(status, tuple(written), replaced)


def snapshot_files(returns: ReturnsRound, received: dict[str, Returned]) -> dict[str, str]:
    """The new files' text by name relative to the data folder."""
    date = returns.meeting.isoformat()
    files = {
        f"actions/{date}.csv": _csv(_actions_table(returns, received)),
        f"funding/{date}.csv": _csv(_funding_table(returns, received)),
    }
    values = [value for org in received.values() for value in org.measures]
    if values:
        rows = [[v.measure_id, v.period_end.isoformat(), v.value, v.status, v.note] for v in values]
        files[f"{MEASURES_FOLDER}/returns-{date}.csv"] = _csv(
            pd.DataFrame(rows, columns=MEASURE_VALUE_COLUMNS)
        )
    asked = list(returns.asked)
    record = {
        "meeting": date,
        "returned": [org for org in asked if org in received],
        "carried_forward": [org for org in asked if org not in received],
    }
    files[returns_record_name(returns.meeting)] = (
        "# Made by the returns command's collect: which organisations returned their workbook\n"
        "# for this meeting, and whose rows were carried forward unchanged.\n"
        + yaml.safe_dump(record, sort_keys=False, default_flow_style=False, allow_unicode=True)
    )
    return files


def _actions_table(returns: ReturnsRound, received: dict[str, Returned]) -> pd.DataFrame:
    table = returns.raw_actions()
    date = returns.meeting.isoformat()
    rows = {action_id: row for row, action_id in table["action_id"].items()}
    for returned in received.values():
        for update in returned.actions:
            row = rows[update.action_id]
            if update.rag is not None:
                table.at[row, "rag"] = update.rag
            if update.commentary is not None:
                table.at[row, "commentary"] = update.commentary
            if update.due_date is not None:
                table.at[row, "due_date"] = update.due_date.isoformat()
            table.at[row, "last_updated"] = date
    return table


def _funding_table(returns: ReturnsRound, received: dict[str, Returned]) -> pd.DataFrame:
    table = returns.raw_funding()
    base = returns.base_funding.table
    rows = {line_id: row for row, line_id in table["line_id"].items()}
    new_rows = []
    for organisation_id, returned in received.items():
        added = 0
        for line in returned.lines:
            if line.line_id is None:
                added += 1
                new_rows.append(_new_line_row(table, organisation_id, line, added, returns))
                continue
            row = rows[line.line_id]
            if line.committed_pence != base.at[row, "committed_pence"]:
                table.at[row, "committed_gbp"] = _pounds(line.committed_pence)
            if line.spent_pence != base.at[row, "spent_pence"]:
                table.at[row, "spent_gbp"] = _pounds(line.spent_pence)
    if new_rows:
        table = pd.concat([table, pd.DataFrame(new_rows, columns=table.columns)])
    return table


def _new_line_row(
    table: pd.DataFrame, organisation_id: str, line: LineUpdate, number: int, returns: ReturnsRound
) -> list[str]:
    """A new line, its id made from the organisation, the meeting and its place in the return."""
    values = {
        "line_id": f"{organisation_id}-{returns.meeting.isoformat()}-{number}",
        "organisation": organisation_id,
        "priority_area": line.priority_area,
        "kind": line.kind,
        "description": line.description,
        "committed_gbp": _pounds(line.committed_pence),
        "spent_gbp": _pounds(line.spent_pence),
        "district": line.district,
    }
    return [values.get(column, "") for column in table.columns]


def _pounds(pence: int) -> str:
    return str(pence // 100) if pence % 100 == 0 else f"{pence // 100}.{pence % 100:02d}"


def _csv(table: pd.DataFrame) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.columns)
    writer.writerows(table.itertuples(index=False))
    return buffer.getvalue()


def _existing_outputs(returns: ReturnsRound) -> list[Path]:
    """Files for the meeting's date that collect would write or that would clash with them."""
    data_dir = returns.data.data_dir
    date = returns.meeting.isoformat()
    candidates = [
        *(
            data_dir / folder / f"{date}{suffix}"
            for folder in ("actions", "funding")
            for suffix in TABLE_SUFFIXES
        ),
        data_dir / returns_record_name(returns.meeting),
        data_dir / MEASURES_FOLDER / f"returns-{date}.csv",
    ]
    return [path for path in candidates if path.exists()]


def _check_in_a_copy(data_dir: Path, files: dict[str, str], existing: list[Path]) -> None:
    """Write the new files into a copy of the data folder and load it with the data contract."""
    with tempfile.TemporaryDirectory(prefix="boardbrief-collect-") as temporary:
        copy = Path(temporary) / "data"
        shutil.copytree(data_dir, copy)
        for path in existing:
            (copy / path.relative_to(data_dir)).unlink()
        for name, text in files.items():
            target = copy / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        try:
            load_board_data(copy)
        except DataError as error:
            log.error("the files collect made do not meet the data contract; nothing was written")
            raise DataError(error.problems) from None
