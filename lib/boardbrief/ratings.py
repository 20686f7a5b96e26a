"""RAG ratings: their order, their words, and the rule that derives a rating from actions."""

from __future__ import annotations

from collections.abc import Iterable

RAG_ORDER = ("red", "amber", "green", "blue")
RAG_WORDS = {"red": "Red", "amber": "Amber", "green": "Green", "blue": "Complete"}
RED_SHARE_FOR_RED = 0.25
GREEN_SHARE_FOR_GREEN = 0.75


def derived_rating(ratings: Iterable[str]) -> str:
    """The rating a set of actions earns under the board's default rule.

    Open actions are those not blue. No open actions: blue. A red share of open actions of 25% or
    more: red. A green share of 75% or more with no red: green. Otherwise amber.
    """
    open_ratings = [r for r in ratings if r != "blue"]
    if not open_ratings:
        return "blue"
    red = sum(r == "red" for r in open_ratings) / len(open_ratings)
    green = sum(r == "green" for r in open_ratings) / len(open_ratings)
    if red >= RED_SHARE_FOR_RED:
        return "red"
    if green >= GREEN_SHARE_FOR_GREEN and red == 0:
        return "green"
    return "amber"
