"""Values in a workbook: date cells, numbers as numbers, beside a CSV of other values."""

import datetime as dt

from tests.corpus_tools import workbook_from


def build(data):
    rows = [
        ["measure_id", "period_end", "value", "status"],
        ["ehcp-20wk", dt.datetime(2026, 3, 31), 33, "Final"],
        ["ehcp-20wk", dt.datetime(2026, 4, 30), 36.5, "PROVISIONAL"],
        ["autism-waits", dt.datetime(2026, 4, 30), 445, None],
    ]
    (data / "measures").mkdir(exist_ok=True)
    workbook_from(rows).save(data / "measures" / "performance.xlsx")
