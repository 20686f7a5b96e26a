"""Helpers for the returns tests: a data folder with a meeting to collect for, and a workbook
filled in with openpyxl as an organisation would fill it."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from openpyxl import load_workbook

from boardbrief.returns import layout

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE_DATA = Path(__file__).resolve().parents[1] / "data"


def board_folder(source: Path, target: Path, next_meeting: str | None = None) -> Path:
    """A copy of a data folder, with `next_meeting` added to board.yml's meetings when given."""
    shutil.copytree(source, target)
    if next_meeting:
        board = target / "board.yml"
        text = board.read_text(encoding="utf-8")
        last = text.index("\nmeetings:")
        end = text.index("\n", text.index("\n- ", last) + 1)
        while text.startswith("- ", end + 1):
            end = text.index("\n", end + 1)
        text = text[: end + 1] + f"- {next_meeting}\n" + text[end + 1 :]
        board.write_text(text, encoding="utf-8", newline="\n")
    return target


def fill(
    path: Path,
    actions: dict[str, dict[str, object]] | None = None,
    lines: dict[str, dict[str, object]] | None = None,
    new_lines: list[dict[str, object]] | None = None,
    measures: dict[tuple[str, int], dict[str, object]] | None = None,
    save_as: Path | None = None,
) -> Path:
    """Type values into a made workbook, by id and column header, and save it.

    `actions` and `lines` map an id to {header: value}; `new_lines` go in the empty rows under
    the lines; `measures` maps (measure id, n-th row of that measure) to {header: value}.
    """
    workbook = load_workbook(path)
    _by_id(workbook[layout.ACTIONS_SHEET], layout.ACTION_COLUMNS, actions or {})
    investment = workbook[layout.INVESTMENT_SHEET]
    _by_id(investment, layout.INVESTMENT_COLUMNS, lines or {})
    first_blank = next(
        row for row in range(2, investment.max_row + 2) if investment.cell(row, 2).value is None
    )
    for offset, line in enumerate(new_lines or []):
        _set(investment, layout.INVESTMENT_COLUMNS, first_blank + offset, line)
    if measures:
        sheet = workbook[layout.MEASURES_SHEET]
        seen: dict[str, int] = {}
        for row in range(2, sheet.max_row + 1):
            measure_id = sheet.cell(row, 1).value
            seen[measure_id] = seen.get(measure_id, 0) + 1
            if (measure_id, seen[measure_id]) in measures:
                _set(sheet, layout.MEASURE_COLUMNS, row, measures[(measure_id, seen[measure_id])])
    target = save_as or path
    workbook.save(target)
    return target


def set_cell(path: Path, sheet: str, cell: str, value: object, save_as: Path | None = None) -> None:
    """Change one cell, locked or not (as someone who removed the protection would)."""
    workbook = load_workbook(path)
    workbook[sheet][cell] = value
    workbook.save(save_as or path)


def row_of(path: Path, sheet: str, identifier: str) -> int:
    """The row holding `identifier` in column A of a sheet."""
    workbook = load_workbook(path)
    column = [c.value for c in workbook[sheet]["A"]]
    return column.index(identifier) + 1


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under a folder with the SHA-256 of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _by_id(sheet, columns, updates: dict[str, dict[str, object]]) -> None:
    rows = {sheet.cell(row, 1).value: row for row in range(2, sheet.max_row + 1)}
    for identifier, values in updates.items():
        _set(sheet, columns, rows[identifier], values)


def _set(sheet, columns, row: int, values: dict[str, object]) -> None:
    for header, value in values.items():
        sheet.cell(row, layout.column_number(columns, header)).value = value
