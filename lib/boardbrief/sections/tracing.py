"""What a figure of figures.json is made of: the rule in words and the source rows behind it.

Each section module states a `Rule` for every family of its keys (`actions.overdue`,
`areas.<area>.rag` ...) beside the code that computes them, and a `*_trace` function that
returns one `Trace` per key: the rule, the figure's value and the rows it came from, each named
by file and by the row number a spreadsheet shows. `publish/trace.py` gathers them; the rules'
words are those of docs/counting-rules.md (a test holds them equal).

Comment text never enters a trace: a comment is named by its id, file and row only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

# How a figure follows from its rows, so that anyone (and the tests) can redo it.
COUNT = "count"  # the number of rows
SUM = "sum"  # the sum of one field over the rows (money in pounds, to the penny)
PER_CHILD = "per child"  # the rows' committed money over the population in the settings
VALUE = "value"  # one field of the one row
IDS = "ids"  # the rows' ids, in order
RULE = "rule"  # a rating or judgement: the rule applied to the rows' fields

# Why a comparison figure has no rows (and is None): there is nothing earlier to compare with.
FIRST_MEETING = "a board's first meeting"
NO_EARLIER_REGISTER = "no earlier register"

RuleSettings = Mapping[str, object]  # the board's settings a rule used, by name


@dataclass(frozen=True)
class Rule:
    """One family of figures.json keys, the rule that computes them, and how to redo it.

    `pattern` names the family with placeholders in angle brackets (`areas.<area>.rag`); `text`
    is the rule in plain words, as docs/counting-rules.md states it; `check` is one of `COUNT`,
    `SUM`, `PER_CHILD`, `VALUE`, `IDS`, `RULE`; `field` the row field `SUM` and `VALUE` read.
    """

    pattern: str
    text: str
    check: str
    field: str | None = None


@dataclass(frozen=True)
class SourceRow:
    """One row of an input file behind a figure: where it is, its id, the fields the rule read."""

    file: str
    row: int | None  # the row number a spreadsheet shows (the header is row 1); None for YAML
    id: str
    fields: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Trace:
    """One figure: its key, its value as computed now, its rule and its rows.

    `settings` are the board's settings the rule used (threshold, days ...); `note` says what
    the rows cannot (a count hidden in the briefing, nothing to compare at a first meeting).
    """

    key: str
    value: object
    rule: Rule
    rows: tuple[SourceRow, ...] = ()
    settings: RuleSettings = field(default_factory=dict)
    note: str = ""


def table_rows(
    table: pd.DataFrame,
    file: str,
    id_column: str,
    fields: Sequence[str],
    where: pd.Series | None = None,
) -> list[SourceRow]:
    """Rows of a table read from `file` (indexed by spreadsheet row), with the fields named.

    `where` (a boolean Series on the table's index) keeps only some rows; dates are shown as
    YYYY-MM-DD and missing values as None.
    """
    chosen = table if where is None else table[where]
    return [
        SourceRow(
            file=file,
            row=int(index),
            id=str(record[id_column]),
            fields={name: plain(record[name]) for name in fields if name in chosen.columns},
        )
        for index, record in chosen.iterrows()
    ]


def rows_by_id(
    table: pd.DataFrame, file: str, id_column: str, ids: Iterable[str], fields: Sequence[str]
) -> list[SourceRow]:
    """The rows of `table` with these ids, in the order of `ids` (a status frame's order)."""
    position = {value: index for index, value in table[id_column].items()}
    wanted = [position[i] for i in ids if i in position]
    return table_rows(table.loc[wanted], file, id_column, fields)


def with_fields(rows: list[SourceRow], frame: pd.DataFrame, id_column: str) -> list[SourceRow]:
    """`rows` with the other columns of `frame` (a status table keyed by `id_column`) added."""
    extra = frame.set_index(id_column)
    return [
        SourceRow(
            r.file, r.row, r.id, {**r.fields, **{k: plain(v) for k, v in extra.loc[r.id].items()}}
        )
        for r in rows
    ]


def plain(value: object) -> object:
    """A cell as printed and compared: dates as YYYY-MM-DD, numpy numbers as Python's, no NaN."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()  # type: ignore[union-attr]
    if hasattr(value, "item"):
        return value.item()  # type: ignore[union-attr]
    return value
