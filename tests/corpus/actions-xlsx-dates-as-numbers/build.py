"""An .xlsx snapshot whose dates are Excel serial numbers without a date format."""

from pathlib import Path

from openpyxl import Workbook

from tests.corpus_tools import csv_rows, replace_with_xlsx


def build(data: Path) -> None:
    import datetime as dt

    source = data / "actions/2026-05-05.csv"
    workbook = Workbook()
    for number, row in enumerate(csv_rows(source)):
        if number in (1, 2):
            row[4] = (dt.date.fromisoformat(row[4]) - dt.date(1899, 12, 30)).days
        workbook.active.append(row)
    replace_with_xlsx(source, workbook)
