"""An .xlsx snapshot whose header merges two cells: the hidden column is reported missing."""

from pathlib import Path

from tests.corpus_tools import csv_rows, replace_with_xlsx, workbook_from


def build(data: Path) -> None:
    source = data / "actions/2026-05-05.csv"
    workbook = workbook_from(csv_rows(source))
    workbook.active.merge_cells("A1:B1")
    replace_with_xlsx(source, workbook)
