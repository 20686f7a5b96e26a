"""An .xlsx register whose later sheets hold notes and junk: only the first is read."""

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
    workbook.create_sheet("Notes").append(["line_id", "not a number"])
    workbook.create_sheet("Pivot").append(["total", "=SUM(Sheet!F2:F5)"])
    source.unlink()
    workbook.save(source.with_suffix(".xlsx"))
