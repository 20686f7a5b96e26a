"""An .xlsx register whose first sheet is a cover note: the first sheet is what is read."""

import csv
from pathlib import Path

from openpyxl import Workbook


def rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def build(data: Path) -> None:
    source = data / "funding/2026-05-01.csv"
    workbook = Workbook()
    workbook.active.title = "Cover"
    workbook.active.append(["Investment register, May 2026"])
    register = workbook.create_sheet("Register")
    for row in rows(source):
        register.append(row)
    source.unlink()
    workbook.save(source.with_suffix(".xlsx"))
