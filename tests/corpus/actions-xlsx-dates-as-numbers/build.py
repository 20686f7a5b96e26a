"""An .xlsx snapshot whose dates are Excel serial numbers without a date format."""

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
        if number in (1, 2):
            row[4] = (dt.date.fromisoformat(row[4]) - dt.date(1899, 12, 30)).days
        workbook.active.append(row)
    source.unlink()
    workbook.save(source.with_suffix(".xlsx"))
