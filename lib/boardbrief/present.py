"""Turning computed tables and sentences into escaped, accessible HTML for the notebook to show.

Every value from the data passes through Jinja2's autoescaping: text typed by the public or by
partners is always shown as text, never run as markup.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import jinja2
import pandas as pd
from markupsafe import Markup

from boardbrief.ratings import RAG_WORDS

SUPPRESSED = "[c]"
# Lists of actions or funding lines show at most this many rows, so a briefing's size does not
# grow with the data; the rest are counted in a note and listed in full by `boardbrief export`.
MAX_LIST_ROWS = 25


@dataclass(frozen=True)
class Html:
    """A block of finished HTML that Jupyter shows as HTML and nbconvert copies as is."""

    markup: str

    def _repr_html_(self) -> str:
        return self.markup

    def __html__(self) -> str:  # Jinja inserts finished blocks as they are, not escaped again
        return self.markup

    def __str__(self) -> str:
        return self.markup


@dataclass(frozen=True)
class Column:
    """A table column: its heading and how its cells align (numbers right)."""

    label: str
    align: str = "left"


@dataclass(frozen=True)
class Row:
    """A table row; the first cell is the row's header."""

    cells: Sequence[Any]
    total: bool = False


@dataclass(frozen=True)
class Table:
    """A captioned table with an optional plain-English lead sentence and notes below."""

    caption: str
    columns: Sequence[Column]
    rows: Sequence[Row]
    lead: str | None = None
    notes: Sequence[str] = field(default_factory=tuple)

    def to_html(self) -> Html:
        return render_block("table.html.j2", **self.__dict__)

    def _repr_html_(self) -> str:
        return self.to_html().markup


def capped(
    frame: pd.DataFrame, row: Callable[[Any], Row], what: str, export: str
) -> tuple[list[Row], list[str]]:
    """A `row` for each of the frame's first MAX_LIST_ROWS records (lists come most important
    first), and a note of the rest. Only the rows shown are built: at a hundred times the data a
    list can run to thousands."""
    rows = [row(record) for record in frame.head(MAX_LIST_ROWS).itertuples()]
    if len(frame) <= MAX_LIST_ROWS:
        return rows, []
    left_out = len(frame) - MAX_LIST_ROWS
    return rows, [
        f"Showing the first {MAX_LIST_ROWS} of {len(frame):,} {what}; the other {left_out:,} are "
        f"listed in the analysts' export ({export})."
    ]


def rag_badge(rag: str) -> Markup:
    """A rating as its word on its colour, so colour is never the only carrier."""
    word = RAG_WORDS.get(rag, rag)
    return Markup('<span class="rag rag-{}">{}</span>').format(rag, word)


def suppressible(value: Any, show: Any = str) -> str:
    """A count that may have been suppressed (<NA>) shown with the suppression mark."""
    return SUPPRESSED if pd.isna(value) else show(value)


def slug(text: str) -> str:
    """A readable ASCII id for a heading: `Impact: what it shows` -> `impact-what-it-shows`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return words or "section"


def render_block(template: str, **context: Any) -> Html:
    """Render one of the package's block templates with autoescaping on."""
    return Html(_environment().get_template(template).render(rag_badge=rag_badge, **context))


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("boardbrief", "templates/blocks"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
