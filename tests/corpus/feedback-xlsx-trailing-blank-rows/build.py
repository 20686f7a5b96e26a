"""An .xlsx feedback file with formatted but empty rows below the data: accepted."""

import csv
from pathlib import Path

from openpyxl import Workbook


def rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def build(data: Path) -> None:
    from openpyxl.styles import Font

    source = data / "feedback/dropins.csv"
    workbook = Workbook()
    for row in rows(source):
        workbook.active.append(row)
    for number in range(10, 40):
        workbook.active.cell(row=number, column=2).font = Font(bold=True)
    workbook.active.cell(row=41, column=6).value = "   "
    source.unlink()
    workbook.save(source.with_suffix(".xlsx"))
