"""An .xlsx snapshot with real Excel date cells and numbers: accepted."""

from pathlib import Path

from openpyxl import Workbook

from tests.corpus_tools import csv_rows, replace_with_xlsx


def build(data: Path) -> None:
    import datetime as dt

    source = data / "actions/2026-05-05.csv"
    workbook = Workbook()
    for number, row in enumerate(csv_rows(source)):
        if number:
            row[4] = dt.date.fromisoformat(row[4])
            row[7] = dt.datetime.fromisoformat(row[7])
        workbook.active.append(row)
    replace_with_xlsx(source, workbook)
