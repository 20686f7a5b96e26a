"""The wording every view shares: a sentence as a paragraph, lists, verb agreement, privacy notes.

Written once here so that every section says the same thing the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

from boardbrief.formatting import plural
from boardbrief.present import SUPPRESSED, Html, render_block

# How secondary suppression is explained under a table; the two wordings say the same thing.
HIDDEN_FROM_TOTALS = (
    "other counts are hidden too where a hidden one could be worked out from the totals"
)
HIDDEN_FROM_TOTAL = (
    "where the hidden counts could be worked out from the total, the next smallest count is "
    "hidden too"
)


def sentence(text: str) -> Html:
    """One sentence (or a few) as a paragraph of the briefing."""
    return render_block("paragraphs.html.j2", paragraphs=[text])


def and_list(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c' (no Oxford comma)."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def agree(number: int, one: str, many: str) -> str:
    """The word that agrees with a count: agree(1, 'is', 'are') is 'is', agree(3, ...) 'are'."""
    return one if number == 1 else many


def with_verb(number: int, noun: str, verb: str = "was", plural_verb: str = "were") -> str:
    """A count with its noun and the verb that agrees: '1 line was', '3 districts have'."""
    return f"{plural(number, noun)} {agree(number, verb, plural_verb)}"


def first_upper(text: str) -> str:
    """'NHS trust' stays as is; 'county council' becomes 'County council'."""
    return text[:1].upper() + text[1:]


def suppression_note(threshold: int, secondary: str = "") -> str:
    """The note under a table with hidden counts; `secondary` says what else was hidden."""
    note = f"{SUPPRESSED}: fewer than {threshold} comments, hidden to protect families' privacy"
    return note + (f"; {secondary}." if secondary else ".")
