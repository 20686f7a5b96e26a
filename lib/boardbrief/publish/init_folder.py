"""`boardbrief init`: a new board's data folder, with a commented board.yml and blank templates.

The folder passes `boardbrief validate` as soon as board.yml is filled in: its data folders are
empty but for a note on what goes in them, and the blank tables wait in `templates/`, headed
with the data contract's columns, as CSV and as XLSX with drop-down lists.
"""

from __future__ import annotations

import csv
import io
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from boardbrief import paths
from boardbrief.contract import columns
from boardbrief.contract.board_config import BOARD_FILE, BoardConfig, load_board_config
from boardbrief.contract.codebook import THEMES_FILE
from boardbrief.errors import UsageError
from boardbrief.ratings import RAG_ORDER

log = logging.getLogger(__name__)

INIT_TEMPLATES = paths.PACKAGE_DIR / "templates" / "init"
TEMPLATES_DIR = "templates"
TEMPLATE_ROWS = 1000  # rows of an XLSX template that offer the drop-down lists
LISTS_SHEET = "lists"

NOTES = {
    "actions": (
        "One action-plan snapshot per date: the tracker as it stood that day, named by the date,\n"
        "e.g. 2026-03-01.csv or 2026-03-01.xlsx. Start from templates/actions.csv or .xlsx.\n"
        "A meeting's briefing uses the latest snapshot dated on or before the meeting.\n"
    ),
    "funding": (
        "One investment register per date, named by the date, e.g. 2026-03-01.csv or .xlsx.\n"
        "Start from templates/funding.csv or .xlsx. Every meeting needs a register dated on or\n"
        "before it (the latest one is used, so an unchanged register need not be copied).\n"
    ),
    "feedback": (
        "Comments, one row each, in any number of .csv or .xlsx files with any names.\n"
        "Start from templates/feedback.csv or .xlsx.\n"
    ),
    "commentary": (
        "Optional: the lead officer's narrative for a meeting, in Markdown, named by the\n"
        "meeting's date, e.g. 2026-03-10.md.\n"
    ),
}


@dataclass(frozen=True)
class TableTemplate:
    """One table's blank template: its columns, in the order the data contract lists them."""

    name: str
    columns: list[str]


TABLES = (
    TableTemplate("actions", [*columns.ACTION_COLUMNS, "pledge"]),
    TableTemplate("funding", columns.FUNDING_COLUMNS),
    TableTemplate("feedback", [*columns.FEEDBACK_COLUMNS, "theme", "rating"]),
)


def init_folder(folder: Path | str, board_file: Path | str | None = None) -> list[Path]:
    """Write a new board's data folder and return the files written.

    Parameters
    ----------
    folder
        The folder to create; it may exist only if it is empty.
    board_file
        A board.yml already filled in, copied in place of the commented one; its ids then fill
        the XLSX templates' drop-down lists.

    Raises
    ------
    UsageError
        When `folder` holds anything, or is a file.
    DataError
        When `board_file` breaks the data contract (nothing is left written).
    """
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise UsageError(
            f"{folder} already has files in it; give a new or empty folder "
            "(init never writes over a board's data)"
        )
    created = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    try:
        return _write(folder, board_file)
    except BaseException:
        _empty(folder, remove=created)
        raise


def _write(folder: Path, board_file: Path | str | None) -> list[Path]:
    config: BoardConfig | None = None
    written = [folder / BOARD_FILE, folder / THEMES_FILE]
    if board_file is None:
        shutil.copyfile(INIT_TEMPLATES / BOARD_FILE, folder / BOARD_FILE)
    else:
        shutil.copyfile(board_file, folder / BOARD_FILE)
        config = load_board_config(folder)
    shutil.copyfile(INIT_TEMPLATES / THEMES_FILE, folder / THEMES_FILE)
    for name, note in NOTES.items():
        (folder / name).mkdir()
        note_path = folder / name / "README.txt"
        note_path.write_text(note, encoding="utf-8", newline="\n")
        written.append(note_path)
    (folder / TEMPLATES_DIR).mkdir()
    for table in TABLES:
        csv_path = folder / TEMPLATES_DIR / f"{table.name}.csv"
        csv_path.write_bytes(blank_csv(table.columns))
        xlsx_path = folder / TEMPLATES_DIR / f"{table.name}.xlsx"
        write_blank_xlsx(xlsx_path, table, choices(table.name, config))
        written += [csv_path, xlsx_path]
    log.info("wrote a new board's data folder in %s: fill in %s first", folder, BOARD_FILE)
    return written


def choices(table: str, config: BoardConfig | None) -> dict[str, list[str]]:
    """The drop-down list for each column of `table` that takes one of a fixed set of values.

    Ratings, kinds, respondents and consent are always known; priority areas, organisations,
    pledges and districts only once board.yml is filled in (`config`).
    """
    fixed = {
        "actions": {"rag": list(RAG_ORDER)},
        "funding": {"kind": list(columns.FUNDING_KINDS)},
        "feedback": {
            "respondent": list(columns.RESPONDENTS),
            "consent_to_quote": list(columns.YES_NO),
            "rating": list(columns.RATINGS),
        },
    }[table]
    if config is None:
        return fixed
    areas = list(config.priority_areas)
    from_board = {
        "actions": {
            "priority_area": areas,
            "owner": config.organisation_ids,
            "pledge": list(config.pledges),
        },
        "funding": {
            "organisation": config.organisation_ids,
            "priority_area": areas,
            "district": config.district_names,
        },
        "feedback": {"district": config.district_names},
    }[table]
    return {**fixed, **{column: values for column, values in from_board.items() if values}}


def blank_csv(columns: list[str]) -> bytes:
    """A header row only, UTF-8 with a byte-order mark so Excel reads it as UTF-8."""
    text = io.StringIO(newline="")
    csv.writer(text, lineterminator="\r\n").writerow(columns)
    return text.getvalue().encode("utf-8-sig")


def write_blank_xlsx(path: Path, table: TableTemplate, lists: dict[str, list[str]]) -> None:
    """A headed blank sheet (the one read) and a hidden sheet of the drop-down lists."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = table.name
    sheet.append(table.columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    hidden = workbook.create_sheet(LISTS_SHEET)
    hidden.sheet_state = "hidden"
    for position, column in enumerate(table.columns, start=1):
        letter = get_column_letter(position)
        sheet.column_dimensions[letter].width = max(12, len(column) + 4)
        values = lists.get(column)
        if not values:
            continue
        list_letter = get_column_letter(sorted(lists).index(column) + 1)
        hidden[f"{list_letter}1"] = column
        for row, value in enumerate(values, start=2):
            # Ratings as numbers, so a rating typed rather than chosen matches the list too.
            hidden[f"{list_letter}{row}"] = int(value) if column == "rating" else value
        last = len(values) + 1
        validation = DataValidation(
            type="list",
            formula1=f"={LISTS_SHEET}!${list_letter}$2:${list_letter}${last}",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=f"Not a {column}",
            error=f"Choose a value from the list for {column}.",
        )
        sheet.add_data_validation(validation)
        validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
    workbook.save(path)


def _empty(folder: Path, remove: bool) -> None:
    """Take back everything init wrote after a failure, so a retry finds the folder empty."""
    for entry in folder.iterdir():
        if entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    if remove:
        folder.rmdir()
