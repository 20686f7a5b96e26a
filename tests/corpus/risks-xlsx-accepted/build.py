"""A risk register as a workbook: scores as numbers, ids and status in any case, no area column."""

from tests.corpus_tools import workbook_from


def build(data):
    rows = [
        ["Risk_ID", "Title", "Owner", "Likelihood", "Impact", "Mitigation", "Status"],
        ["R1", "Therapists leave the trust", "NHS_NORTH", 3, 4, "Retention payments", "Open"],
        ["R2", "Drop-in venue lost", "pcf", 2, 5, "Second venue booked", "CLOSED"],
    ]
    (data / "risks").mkdir(exist_ok=True)
    workbook_from(rows).save(data / "risks" / "2026-05-01.xlsx")
