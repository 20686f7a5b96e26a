"""Long lists in the briefing: cut to the first rows, with a note of the rest."""

from __future__ import annotations

import pandas as pd

from boardbrief.present import MAX_LIST_ROWS, Row, capped


def test_a_short_list_is_shown_whole_with_no_note() -> None:
    frame = pd.DataFrame({"id": ["A", "B"]})
    rows, notes = capped(frame, lambda r: Row([r.id]), "actions", "actions.csv")
    assert [row.cells for row in rows] == [["A"], ["B"]]
    assert notes == []


def test_a_long_list_builds_only_the_rows_it_shows_and_says_where_the_rest_are() -> None:
    total = MAX_LIST_ROWS + 1234
    frame = pd.DataFrame({"id": [f"A{n}" for n in range(total)]})
    built: list[str] = []

    def row(record: object) -> Row:
        built.append(record.id)
        return Row([record.id])

    rows, notes = capped(frame, row, "overdue actions", "actions.csv")
    assert built == [f"A{n}" for n in range(MAX_LIST_ROWS)]
    assert len(rows) == MAX_LIST_ROWS
    assert notes == [
        f"Showing the first {MAX_LIST_ROWS} of {total:,} overdue actions; the other 1,234 are "
        "listed in the analysts' export (actions.csv)."
    ]
