"""An .xlsx register with formulas but no saved results (as openpyxl writes them)."""

from pathlib import Path

from tests.corpus_tools import csv_rows, replace_with_xlsx, workbook_from


def build(data: Path) -> None:
    source = data / "funding/2026-05-01.csv"
    workbook = workbook_from(csv_rows(source))
    workbook.active["F3"] = "=40000*2"
    workbook.active["G3"] = "=F3"
    replace_with_xlsx(source, workbook)
