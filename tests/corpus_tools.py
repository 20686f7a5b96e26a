"""Helpers for corpus cases that turn a fixture CSV into a spreadsheet at test time."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook


def csv_rows(path: Path) -> list[list[str]]:
    """A CSV file's rows as lists of text, header first."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def workbook_from(rows: list[list[object]]) -> Workbook:
    """A workbook whose first sheet holds `rows`."""
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    return workbook


def replace_with_xlsx(source: Path, workbook: Workbook) -> None:
    """Swap a CSV table for the workbook, saved as the same name with .xlsx."""
    source.unlink()
    workbook.save(source.with_suffix(".xlsx"))
