"""Reading one CSV or XLSX table into text cells, keeping spreadsheet row numbers for errors."""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
from pathlib import Path

import pandas as pd

from boardbrief.contract.problems import DataError, Problem, unreadable

TABLE_SUFFIXES = (".csv", ".xlsx")
FIRST_DATA_ROW = 2  # row 1 is the header, as a spreadsheet shows it


FORMULA_PROBLEMS = "formula_problems"  # DataFrame.attrs key, with read_table(defer_formulas=True)


def read_table(
    path: Path, name: str, required: list[str], defer_formulas: bool = False
) -> pd.DataFrame:
    """Read a table as text, one column per header, indexed by the row number a spreadsheet shows.

    Every cell is a stripped string ('' when blank); fully blank rows are dropped; column names are
    stripped and lower-cased. `name` is how the file is named in problems (relative to the data
    folder). Missing `required` columns are reported here, all at once. A formula saved with no
    result is a problem; with `defer_formulas` those problems are not raised but kept in
    `frame.attrs[FORMULA_PROBLEMS]`, so the caller can report them beside the table's others.

    Raises
    ------
    DataError
        When the file cannot be read as a table, is empty, or lacks required columns.
    """
    formula_problems: list[Problem] = []
    try:
        if path.suffix.lower() == ".xlsx":
            rows = _xlsx_rows(path, name)
            formula_problems = _uncalculated_formulas(path, name, rows)
        else:
            rows = _csv_rows(path, name)
    except OSError as error:
        raise DataError([unreadable(name, error)]) from None
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise DataError([Problem(name, None, None, None, _needs_header(required))])
    header = [_header_cell(cell) for cell in rows[0]]
    _reject_repeated_columns(header, name)
    missing = [column for column in required if column not in header]
    if missing and len(missing) == len(required):  # no header at all in row 1: say what is there
        raise DataError([_header_not_in_row_1(path, name, required, rows)])
    if missing:
        raise DataError(
            [
                Problem(name, 1, column, None, f"a column named '{column}' in the header row")
                for column in missing
            ]
        )
    width = len(header)
    _reject_overlong_rows(rows, width, name)
    body = [_clean_row((row + [""] * width)[:width]) for row in rows[1:]]
    frame = pd.DataFrame(body, columns=_unique(header), dtype=str)
    frame.index = pd.RangeIndex(FIRST_DATA_ROW, FIRST_DATA_ROW + len(frame), name="row")
    if formula_problems and not defer_formulas:
        raise DataError(formula_problems)
    frame = frame[(frame != "").any(axis=1)].copy()
    frame.attrs[FORMULA_PROBLEMS] = formula_problems
    return frame


def _clean_row(row: list[str]) -> list[str]:
    """Spaces stripped and accents composed one way (NFC), so 'Éastmoor' typed on any system
    matches; a row of plain ASCII (nearly all) has nothing to compose."""
    if "".join(row).isascii():
        return list(map(str.strip, row))
    return [unicodedata.normalize("NFC", cell).strip() for cell in row]


def _header_not_in_row_1(
    path: Path, name: str, required: list[str], rows: list[list[str]]
) -> Problem:
    """One problem for a table whose row 1 is not its header: what row 1 holds, and where the
    header is, when it is found lower down or (in a workbook) on another worksheet."""
    found = " | ".join(cell.strip() for cell in rows[0] if cell.strip())
    expected = f"the header row ({', '.join(required)}) in row 1"
    is_workbook = path.suffix.lower() == ".xlsx"
    if is_workbook:
        sheets = _sheet_headers(path)
        expected += f" of the first worksheet, '{sheets[0][0]}' (only the first is read)"
    below = next(
        (
            number
            for number, row in enumerate(rows[1:21], start=2)
            if set(required) <= {_header_cell(cell) for cell in row}
        ),
        None,
    )
    if below is not None:
        expected += f"; the header is in row {below}: delete the rows above it"
    elif is_workbook:
        holding = [title for title, first in sheets[1:] if set(required) <= set(first)]
        if holding:
            expected += f"; the worksheet '{holding[0]}' has that header: move it first"
    return Problem(name, 1, None, found, expected)


def _sheet_headers(path: Path) -> list[tuple[str, list[str]]]:
    """Each worksheet's title and its row 1 as header names, in the workbook's order."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        return [
            (
                sheet.title,
                [
                    _header_cell(_cell_text(value))
                    for row in sheet.iter_rows(max_row=1, values_only=True)
                    for value in row
                ],
            )
            for sheet in workbook.worksheets
        ]
    finally:
        workbook.close()


def _header_cell(cell: str) -> str:
    return unicodedata.normalize("NFC", cell).strip().lower()


def _reject_overlong_rows(rows: list[list[str]], width: int, name: str) -> None:
    """A row with more filled cells than the header usually hides an unquoted comma."""
    problems = [
        Problem(
            name,
            number,
            None,
            None,
            f"at most {width} cells, as in the header, but found {len(row)} "
            "(a value containing a comma must be in double quotes)",
        )
        for number, row in enumerate(rows[1:], start=FIRST_DATA_ROW)
        if len(row) > width and any(cell.strip() for cell in row[width:])
    ]
    if problems:
        raise DataError(problems)


def _reject_repeated_columns(header: list[str], name: str) -> None:
    named = [column for column in header if column]
    repeated = sorted({column for column in named if named.count(column) > 1})
    if repeated:
        raise DataError(
            [
                Problem(name, 1, column, None, "each column name once in the header")
                for column in repeated
            ]
        )


def _csv_rows(path: Path, name: str) -> list[list[str]]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataError(
            [
                Problem(
                    name,
                    _row_at(data, error.start),
                    None,
                    None,
                    f"UTF-8 text, but byte 0x{data[error.start]:02x} is not UTF-8 "
                    "(in Excel, save as 'CSV UTF-8')",
                )
            ]
        ) from None
    rows: list[list[str]] = []
    try:
        rows.extend(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        row = len(rows) + 1  # the record that could not be read
        if "field larger than field limit" in str(error):
            expected = (
                f"cells of at most {csv.field_size_limit():,} characters "
                "(a longer one was found, or a double quote was left open)"
            )
            raise DataError([Problem(name, row, None, None, expected)]) from None
        raise DataError([Problem(name, row, None, None, f"a readable CSV row ({error})")]) from None
    return rows


def _row_at(data: bytes, offset: int) -> int:
    """The spreadsheet row (CSV record) that holds the byte at `offset`."""
    before = data[:offset].decode("utf-8-sig")  # valid: decoding failed only at offset
    records = list(csv.reader(io.StringIO(before, newline="")))
    starts_new_record = not before or before.endswith(("\n", "\r"))
    return len(records) + 1 if starts_new_record else len(records)


def _xlsx_rows(path: Path, name: str) -> list[list[str]]:
    from openpyxl import load_workbook  # imported here: only spreadsheets pay for it

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file
        expected = "an Excel .xlsx workbook, but it could not be opened as one"
        raise DataError([Problem(name, None, None, None, expected)]) from None
    try:
        sheet = workbook.worksheets[0]
        rows = [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    return rows


def _uncalculated_formulas(path: Path, name: str, rows: list[list[str]]) -> list[Problem]:
    """A formula saved without its result (as some tools write them) reads as blank: refuse it.

    Excel saves each formula's last result beside it, and that is what is read; a workbook written
    by a program that cannot calculate has only the formula, which must not pass as a blank cell.
    """
    from openpyxl import load_workbook

    if not any(cell == "" for row in rows for cell in row):
        return []
    header = [_header_cell(cell) for cell in rows[0]] if rows else []
    workbook = load_workbook(path, read_only=True, data_only=False)
    try:
        formulas = list(workbook.worksheets[0].iter_rows(values_only=True))
        problems = [
            Problem(
                name,
                number,
                header[position] if position < len(header) and header[position] else None,
                formula,
                "a value, but this formula has no saved result (open the file in Excel and save "
                "it, or type the value)",
            )
            for number, (row, written) in enumerate(zip(rows, formulas, strict=False), start=1)
            for position, (cell, formula) in enumerate(zip(row, written, strict=False))
            if cell == "" and isinstance(formula, str) and formula.startswith("=")
        ]
    finally:
        workbook.close()
    return problems


def _cell_text(value: object) -> str:
    """Turn an Excel cell into the text the data contract expects (dates as YYYY-MM-DD)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        pence = round(value * 100)
        if abs(value * 100 - pence) < 1e-6:  # Excel arithmetic: 60000.249999999993 is £60,000.25
            return f"{pence / 100:.2f}"
    return str(value)


def _unique(header: list[str]) -> list[str]:
    """Keep repeated or blank header cells distinct so pandas does not merge them."""
    seen: dict[str, int] = {}
    names = []
    for position, column in enumerate(header, start=1):
        label = column or f"(blank header {position})"
        count = seen.get(label, 0)
        seen[label] = count + 1
        names.append(label if count == 0 else f"{label} ({count + 1})")
    return names


def _needs_header(required: list[str]) -> str:
    return "a header row naming the columns " + ", ".join(required)
