"""An .xlsx register whose first sheet is a cover note: the first sheet is what is read."""

from pathlib import Path

from openpyxl import Workbook

from tests.corpus_tools import csv_rows, replace_with_xlsx


def build(data: Path) -> None:
    source = data / "funding/2026-05-01.csv"
    workbook = Workbook()
    workbook.active.title = "Cover"
    workbook.active.append(["Investment register, May 2026"])
    register = workbook.create_sheet("Register")
    for row in csv_rows(source):
        register.append(row)
    replace_with_xlsx(source, workbook)
