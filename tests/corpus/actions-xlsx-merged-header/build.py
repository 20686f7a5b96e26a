"""An .xlsx snapshot whose header merges two cells: the hidden column is reported missing."""

import csv
from pathlib import Path

from openpyxl import Workbook


def rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def build(data: Path) -> None:
    source = data / "actions/2026-05-05.csv"
    workbook = Workbook()
    for row in rows(source):
        workbook.active.append(row)
    workbook.active.merge_cells("A1:B1")
    source.unlink()
    workbook.save(source.with_suffix(".xlsx"))
