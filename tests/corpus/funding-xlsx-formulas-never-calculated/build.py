"""An .xlsx register with formulas but no saved results (as openpyxl writes them)."""

import csv
from pathlib import Path

from openpyxl import Workbook


def rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def build(data: Path) -> None:
    source = data / "funding/2026-05-01.csv"
    workbook = Workbook()
    for row in rows(source):
        workbook.active.append(row)
    workbook.active["F3"] = "=40000*2"
    workbook.active["G3"] = "=F3"
    source.unlink()
    workbook.save(source.with_suffix(".xlsx"))
