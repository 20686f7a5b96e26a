"""An .xlsx feedback file with formatted but empty rows below the data: accepted."""

from pathlib import Path

from tests.corpus_tools import csv_rows, replace_with_xlsx, workbook_from


def build(data: Path) -> None:
    from openpyxl.styles import Font

    source = data / "feedback/dropins.csv"
    workbook = workbook_from(csv_rows(source))
    for number in range(10, 40):
        workbook.active.cell(row=number, column=2).font = Font(bold=True)
    workbook.active.cell(row=41, column=6).value = "   "
    replace_with_xlsx(source, workbook)
