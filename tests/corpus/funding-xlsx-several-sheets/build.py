"""An .xlsx register whose later sheets hold notes and junk: only the first is read."""

from pathlib import Path

from tests.corpus_tools import csv_rows, replace_with_xlsx, workbook_from


def build(data: Path) -> None:
    source = data / "funding/2026-05-01.csv"
    workbook = workbook_from(csv_rows(source))
    workbook.create_sheet("Notes").append(["line_id", "not a number"])
    workbook.create_sheet("Pivot").append(["total", "=SUM(Sheet!F2:F5)"])
    replace_with_xlsx(source, workbook)
