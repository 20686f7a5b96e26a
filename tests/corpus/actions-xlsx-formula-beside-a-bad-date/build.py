"""An .xlsx snapshot with a formula that has no saved result and, two rows on, a bad date:
both are reported, not only the formula."""

from pathlib import Path

from tests.corpus_tools import csv_rows, replace_with_xlsx, workbook_from


def build(data: Path) -> None:
    source = data / "actions/2026-05-05.csv"
    workbook = workbook_from(csv_rows(source))
    workbook.active["E2"] = "=DATE(2026,4,30)"
    workbook.active["H4"] = "2026-02-30"
    replace_with_xlsx(source, workbook)
