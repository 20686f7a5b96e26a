"""An .xlsx snapshot with real Excel date cells and numbers: accepted."""

import csv
from pathlib import Path

from openpyxl import Workbook


def rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def build(data: Path) -> None:
    import datetime as dt

    source = data / "actions/2026-05-05.csv"
    workbook = Workbook()
    for number, row in enumerate(rows(source)):
        if number:
            row[4] = dt.date.fromisoformat(row[4])
            row[7] = dt.datetime.fromisoformat(row[7])
        workbook.active.append(row)
    source.unlink()
    workbook.save(source.with_suffix(".xlsx"))
