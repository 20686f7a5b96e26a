"""Numbers typed into the officer's commentary that match no figure the meeting computed.

The commentary is typed by hand, beside figures that are computed, so the two can disagree ("2
are past their due date" where the briefing counts 15). Each number in its prose and asks is
compared with the meeting's figures (figures.json's values, and what its keys count: 21
organisations have a `funding.org.*` figure each), rounded as the briefing rounds.

Where the words right after a number say unmistakably what it counts ("15 are past their due
date", "6 red" in a sentence about actions), it is compared with that figure only, and a
mismatch names it. Anything less certain is only looked for among all the figures: a number that
matches none is reported, without a guess at what it should have been. Dates, years, ids such as
ACC-03, ordinals, list numbering, ranges, times and measure names such as "20-week" are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal

from boardbrief.contract.commentary import Commentary

COUNT, MONEY, PERCENT = "count", "money", "percent"

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b"
)
NUMBER = re.compile(
    r"(?P<pound>£\s?)?"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<scale>\s?(?:million|billion|thousand|bn|m|k)\b)?"
    r"(?P<percent>\s?%|\s?per\s?cent\b|\s?percent\b)?",
    re.IGNORECASE,
)
SCALES = {"million": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9, "thousand": 1000, "k": 1000}
# Text no number in it is checked in: inline code, link targets, web addresses.
UNCHECKED_TEXT = re.compile(r"`[^`]*`|\]\([^)]*\)|https?://\S+")
LIST_NUMBER = re.compile(r"\s*(?:[-*+]\s+)?$")
LABEL_BEFORE = re.compile(
    r"\b(?:years?|key stage|stage|ks|tier|phase|wave|level|page|section|annex|appendix|step"
    r"|round|part|item|version|number|no\.|row|line|question|aged?|ages|under|over|"
    + MONTH
    + r")\s*$",
    re.IGNORECASE,
)
DATE_AFTER = re.compile(r"\s*(?:st|nd|rd|th)?\s+" + MONTH, re.IGNORECASE)
GLUED_AFTER = re.compile(r"[A-Za-z0-9]|[-\u2013/:.][A-Za-z0-9]|\s?(?:am|pm)\b", re.IGNORECASE)
GLUED_BEFORE = re.compile(r"(?:[A-Za-z0-9][-\u2013/.:]?|[<>~\u2264\u2265])$")
SENTENCE_END = re.compile(r"[.!?;:](?:\s|$)")


@dataclass(frozen=True)
class TypedNumber:
    """A number as the officer typed it, where it is, and the words around it."""

    line: int
    text: str
    value: Decimal  # in the units typed: 14.7 for "£14.7 million"
    scale: int  # 1_000_000 for "million"
    decimals: int
    kind: str  # COUNT, MONEY or PERCENT
    before: str  # the clause up to the number
    after: str  # the clause after the number, up to the next number
    sentence: str


@dataclass(frozen=True)
class UnmatchedNumber:
    """A typed number that no figure of the meeting bears out."""

    file: str
    line: int
    text: str
    sentence: str
    figure: str | None = None  # the figure it names and contradicts, when the words are clear
    figure_label: str | None = None  # that figure in words
    computed: object = None  # that figure's value

    def warning(self) -> str:
        """One line for the command's warnings: file, line, the number, what it disagrees with."""
        where = f"{self.file}, line {self.line}: {self.text}"
        if self.figure is None:
            return f"{where} matches no figure of this meeting"
        return (
            f"{where} ({self.figure_label}) does not match {self.figure}, "
            f"which this meeting's data gives as {self.computed}"
        )


def unmatched_numbers(
    commentary: Commentary | None, figures: Mapping[str, object]
) -> list[UnmatchedNumber]:
    """Every number in the commentary's narrative and asks that no figure of the meeting matches.

    Parameters
    ----------
    commentary
        The meeting's commentary (None: there is none, so nothing to check).
    figures
        The meeting's headline figures, figures.json's keys and values.
    """
    if commentary is None:
        return []
    candidates = _candidates(figures)
    found = []
    for number in commentary_numbers(commentary):
        named = named_figure(number)
        if named is not None and named[0] in figures:
            key, label = named
            if _matches(number, _as_candidates(figures[key], number.kind, key)):
                continue
            if _matches(number, candidates[number.kind]) and number.kind == MONEY:
                continue  # a part of the total, such as one partner's commitment
            found.append(
                UnmatchedNumber(
                    commentary.file,
                    number.line,
                    number.text,
                    number.sentence,
                    key,
                    label,
                    figures[key],
                )
            )
        elif not _matches(number, candidates[number.kind]):
            found.append(
                UnmatchedNumber(commentary.file, number.line, number.text, number.sentence)
            )
    return found


def commentary_numbers(commentary: Commentary) -> list[TypedNumber]:
    """The numbers of a commentary's asks, then of its narrative, with their lines in the file."""
    numbers = []
    for ask, line in zip(commentary.asks, commentary.ask_lines, strict=False):
        numbers += typed_numbers(ask, line or 1)
    return numbers + typed_numbers(commentary.body, commentary.body_line)


def typed_numbers(text: str, first_line: int = 1) -> list[TypedNumber]:
    """The numbers in some prose that may state a figure: dates, ids and labels are skipped."""
    found = []
    for offset, line in enumerate(text.splitlines()):
        found += _numbers_in_line(line, first_line + offset)
    return found


def _numbers_in_line(raw: str, line_number: int) -> Iterator[TypedNumber]:
    line = UNCHECKED_TEXT.sub(lambda m: " " * len(m.group()), raw)
    matches = list(NUMBER.finditer(line))
    skipped_end = -1
    for index, match in enumerate(matches):
        start, end = match.span()
        before, after = line[:start], line[end:]
        pound, percent, scale = match.group("pound"), match.group("percent"), match.group("scale")
        joined_to_skipped = skipped_end >= 0 and re.fullmatch(
            r"\s*(?:to|and|or|-|\u2013)\s*£?", line[skipped_end:start]
        )
        if _is_label(match, before, after, line) or joined_to_skipped:
            skipped_end = end
            continue
        skipped_end = -1
        digits = match.group("digits").replace(",", "")
        kind = MONEY if pound else PERCENT if percent else COUNT
        sentence_start = max((m.end() for m in SENTENCE_END.finditer(line, 0, start)), default=0)
        sentence_end = SENTENCE_END.search(line, end)
        clause_start = max(sentence_start, matches[index - 1].end() if index else 0)
        clause_end = matches[index + 1].start() if index + 1 < len(matches) else len(line)
        if sentence_end:
            clause_end = min(clause_end, sentence_end.start())
        yield TypedNumber(
            line=line_number,
            text=match.group().strip(),
            value=Decimal(digits),
            scale=SCALES[scale.strip().lower()] if scale else 1,
            decimals=len(digits.partition(".")[2]),
            kind=kind,
            before=line[clause_start:start],
            after=line[end:clause_end],
            sentence=raw[sentence_start : sentence_end.start() + 1 if sentence_end else None]
            .strip()
            .lstrip("#")
            .strip(),
        )


def _is_label(match: re.Match[str], before: str, after: str, line: str) -> bool:
    """A number that names or dates something rather than states a figure."""
    pound, percent, scale = match.group("pound"), match.group("percent"), match.group("scale")
    digits = match.group("digits")
    if not pound and GLUED_BEFORE.search(before):
        return True  # ACC-03, KS2, <1%, 2026/27's second half, 9.30
    if not (percent or scale) and GLUED_AFTER.match(after):
        return True  # 1st, 20-week, 6wk, 0-25, 5/11/2026, 9:30, 10am
    if not (pound or percent) and LIST_NUMBER.fullmatch(before) and re.match(r"[.)]\s", after):
        return True  # "1. Agree..." numbering a list
    if DATE_AFTER.match(after) or LABEL_BEFORE.search(before):
        return True  # 5 November, November 2026, Year 6, aged 16
    return not (pound or percent or scale) and bool(re.fullmatch(r"(?:19|20)\d\d", digits))


# What the words right after a number say it counts: (pattern, figure key, figure in words).
# `{family}` rules apply only in a sentence about one kind of thing (actions, risks, measures).
FILLER = r"(?:\s*(?:of|them|these|those|actions?|are|is|were|was|have|has|had|been|now|still|rated|remain|remains|currently|so|far|in|all|total)\b)*\s*"  # noqa: E501
AFTER_RULES: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(r"^" + FILLER + pattern, re.IGNORECASE), key, label)
    for pattern, key, label in (
        (
            r"(?:past (?:their|its|the) due dates?|overdue|behind (?:their|its) due dates?)\b",
            "actions.overdue",
            "actions past their due date",
        ),
        (r"not yet (?:complete|completed|done)\b", "{family}.open", "open {family}"),
        (r"(?:complete|completed|done|finished)\b", "actions.rag.blue", "actions complete"),
        (r"(?:red|amber|green)\b", "{family}.{colour}", "{family} rated {colour}"),
        (r"open\b", "{family}.open", "open {family}"),
        (r"stuck\b", "actions.stuck", "stuck actions"),
        (r"not (?:been )?updated\b", "actions.stale", "actions not updated"),
        (r"(?:on|in) the (?:action |improvement )?plan\b", "actions.total", "actions on the plan"),
        (
            r"comments?(?: from [a-z ,]+?)? since the (?:last|previous) meeting\b",
            "feedback.period.comments",
            "comments since the last meeting",
        ),
        (
            r"(?:comments? )?(?:from [a-z ,]+? )?so far this year\b",
            "feedback.total.comments",
            "comments so far this year",
        ),
    )
)
BEFORE_RULES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (
        re.compile(r"\borganisations (?:have|has) (?:now )?(?:committed|invested)\s*$", re.I),
        "funding.committed_gbp",
        "committed by all partners",
    ),
)
MONEY_AFTER_RULES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (
        re.compile(r"^\s*of (?:it|this|that) (?:has |have )?(?:now )?(?:been )?spent\b", re.I),
        "funding.spent_gbp",
        "spent by all partners",
    ),
)
FAMILIES = {
    "actions": (re.compile(r"\bactions?\b", re.I), {"open": "actions.open"}, "actions.rag"),
    "risks": (re.compile(r"\brisks?\b", re.I), {"open": "risks.open"}, "risks.rating"),
    "measures": (re.compile(r"\bmeasures?\b", re.I), {}, "scorecard.rating"),
}


def named_figure(number: TypedNumber) -> tuple[str, str] | None:
    """The figure a number's own words name (key, and the figure in words), or None if unclear."""
    if number.kind == MONEY:
        rules = [(p, k, lbl) for p, k, lbl in BEFORE_RULES if p.search(number.before)]
        rules += [(p, k, lbl) for p, k, lbl in MONEY_AFTER_RULES if p.search(number.after)]
        return (rules[0][1], rules[0][2]) if rules else None
    if number.kind != COUNT:
        return None
    sentence = number.sentence
    for pattern, key, label in AFTER_RULES:
        match = pattern.search(number.after)
        if not match:
            continue
        if "{family}" not in key:
            return key, label
        families = [name for name, (words, _, _) in FAMILIES.items() if words.search(sentence)]
        if len(families) != 1:
            return None  # about no kind of thing, or several: too unclear to name one
        family = families[0]
        _, keys, rating_prefix = FAMILIES[family]
        colour = match.group().split()[-1].lower()
        if "{colour}" in key:
            return f"{rating_prefix}.{colour}", label.format(family=family, colour=colour)
        if "open" in keys:
            return keys["open"], label.format(family=family)
        return None
    return None


def _matches(number: TypedNumber, candidates: list[float]) -> bool:
    """Whether the typed number is one of the values, rounded as typed.

    "£14.7 million" stands for anything from £14.65m to £14.75m, "12%" for 11.5% to 12.5%; a
    whole number of pounds ending in 000 for the nearest thousand, as the briefing's '£120k'.
    """
    tolerance = Decimal(5).scaleb(-number.decimals - 1)  # half the last digit typed
    typed = number.value
    if number.kind == MONEY and number.scale == 1 and number.decimals == 0 and typed % 1000 == 0:
        typed, tolerance = typed / 1000, Decimal("0.5")
        scale = 1000
    else:
        scale = number.scale
    margin = tolerance + Decimal("1e-9")
    return any(abs(Decimal(repr(value)) / scale - typed) <= margin for value in candidates)


def _as_candidates(value: object, kind: str, key: str) -> list[float]:
    """A figure's value as the kind of number typed: a share of 1 is typed as a percentage."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return []
    if kind == PERCENT and "share" in key:
        return [value * 100]
    return [value]


def _candidates(figures: Mapping[str, object]) -> dict[str, list[float]]:
    """Every value a typed number may match, by the kind of number typed."""
    numeric = {
        key: value
        for key, value in figures.items()
        if isinstance(value, int | float) and not isinstance(value, bool)
    }
    money = [v for k, v in numeric.items() if k.endswith("_gbp")]
    committed, spent = figures.get("funding.committed_gbp"), figures.get("funding.spent_gbp")
    if isinstance(committed, int | float) and isinstance(spent, int | float):
        money.append(committed - spent)  # what is still to be spent
    counts = [v for k, v in numeric.items() if not k.endswith("_gbp")] + _key_counts(figures)
    counts += [len(v) for v in figures.values() if isinstance(v, list)]
    percents = [
        v * 100 if "share" in k else v for k, v in numeric.items() if not k.endswith("_gbp")
    ]
    percents += [share * 100 for share in _shares(numeric)]
    return {COUNT: counts, MONEY: money, PERCENT: percents}


def _key_counts(figures: Mapping[str, object]) -> list[int]:
    """How many things the keys name: 21 `funding.org.ID.committed_gbp` keys, 21 organisations."""
    families: dict[tuple[str, ...], set[str]] = {}
    for key in figures:
        parts = key.split(".")
        for position in range(1, len(parts)):
            pattern = (*parts[:position], "*", *parts[position + 1 :])
            families.setdefault(pattern, set()).add(parts[position])
    return sorted({len(ids) for ids in families.values() if len(ids) > 1})


# Shares the briefing states as percentages: each part over its whole.
SHARES = (
    (re.compile(r"^(feedback\.period)\.(?:themes\.[^.]+|uncoded)$"), r"\1.comments"),
    (re.compile(r"^(feedback\.total)\.(?:themes\.[^.]+|uncoded)$"), r"\1.comments"),
    (re.compile(r"^actions\.(?:rag\.[a-z]+|open|overdue|stuck|stale)$"), "actions.total"),
    (re.compile(r"^actions\.(?:overdue|stuck|stale)$"), "actions.open"),
    (re.compile(r"^funding\.(?:spent_gbp|[a-z]+\.[^.]+\.committed_gbp)$"), "funding.committed_gbp"),
    (re.compile(r"^risks\.rating\.[a-z]+$"), "risks.open"),
)


def _shares(numeric: Mapping[str, float]) -> Iterator[float]:
    for key, value in numeric.items():
        for pattern, whole in SHARES:
            if pattern.match(key):
                base = numeric.get(pattern.sub(whole, key))
                if base:
                    yield value / base
