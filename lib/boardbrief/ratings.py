"""RAG ratings: their order, their words, and the rule that derives a rating from actions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

RAG_ORDER = ("red", "amber", "green", "blue")
RAG_WORDS = {"red": "Red", "amber": "Amber", "green": "Green", "blue": "Complete"}
RAG_RANK = {rag: rank for rank, rag in enumerate(RAG_ORDER)}  # red < amber < green < blue
RAG_CODES = {"r": "red", "a": "amber", "g": "green", "b": "blue"}
RAG_SPELLINGS = (*RAG_ORDER, *RAG_CODES)  # accepted in any case
RAG_EXPECTED = "red, amber, green or blue (or R/A/G/B)"


def normalise_rag(text: str) -> str | None:
    """'R', 'Amber', ' GREEN ' -> red/amber/green; None for anything that is not a rating."""
    lowered = text.strip().casefold()
    rating = RAG_CODES.get(lowered, lowered)
    return rating if rating in RAG_ORDER else None


@dataclass(frozen=True)
class RagRule:
    """How a set of actions earns a rating; the thresholds come from board.yml's `rag_rule`.

    Open actions are those not blue. No open actions: blue. A red share of open actions of
    `red_share` or more: red. A green share of `green_share` or more with no red: green.
    Otherwise amber.
    """

    red_share: float = 0.25
    green_share: float = 0.75

    def derive(self, ratings: Iterable[str]) -> str:
        open_ratings = [r for r in ratings if r != "blue"]
        if not open_ratings:
            return "blue"
        total = len(open_ratings)
        red = Fraction(sum(r == "red" for r in open_ratings), total)
        green = Fraction(sum(r == "green" for r in open_ratings), total)
        # Exact fractions, so a share of exactly the threshold always counts.
        if red >= _exact(self.red_share):
            return "red"
        if green >= _exact(self.green_share) and red == 0:
            return "green"
        return "amber"

    def describe(self) -> str:
        """The rule in a sentence for the briefing's notes."""
        return (
            f"red when {_share(self.red_share)} or more of open actions are red; green when "
            f"{_share(self.green_share)} or more are green and none is red; complete when no "
            "action is open; otherwise amber. Complete actions are not open."
        )


DEFAULT_RULE = RagRule()


@dataclass(frozen=True)
class RiskBands:
    """How a risk's score (likelihood x impact, 1 to 25) earns its rating; board.yml's
    `risk_bands` may move the lines.

    Red at `red_from` or more, amber at `amber_from` or more, green below.
    """

    red_from: int = 15
    amber_from: int = 8

    def rate(self, score: int) -> str:
        if score >= self.red_from:
            return "red"
        return "amber" if score >= self.amber_from else "green"

    def describe(self) -> str:
        """The bands in a sentence for the briefing's notes."""
        return (
            f"red at {self.red_from} or more, amber from {self.amber_from} to "
            f"{self.red_from - 1}, green at {self.amber_from - 1} or less"
        )


DEFAULT_RISK_BANDS = RiskBands()


def derived_rating(ratings: Iterable[str], rule: RagRule = DEFAULT_RULE) -> str:
    """The rating a set of actions earns under `rule` (the board's default unless given)."""
    return rule.derive(ratings)


def _exact(share: float) -> Fraction:
    return Fraction(str(share))


def _share(value: float) -> str:
    return f"{value * 100:g}%"
