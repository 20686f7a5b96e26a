"""Finding people's names in what families wrote, so that no quote shows one.

Consent to be quoted is not consent to name a child, and nobody can list every child's and every
member of staff's name in advance. A word is taken for a name from what it is and where it stands:

- **Lists of names**: every first name given to 3 or more babies a year in England and Wales,
  1996-2024 (ONS, copied into `resources/`), and the first names and surnames of every locale
  Faker ships (older staff, surnames, Welsh, Irish, Polish, South Asian, African, Chinese ...).
- **A dictionary of English words**, with their inflections and with proper nouns kept in their
  capitals (simplemma's English lemmatisation data), so that "amber" and "hope" are words as well
  as names, and "Oliver" is only a name.
- **The board's own vocabulary**: its districts, organisations and the places it lists as not
  names are never taken for names; its codebook phrases and a SEND glossary are words.
- **Context**: a title (Mr, Mrs, Dr ...), a kinship word ("my daughter ..."), a possessive,
  capitals in mid-sentence, and a name beside another name.

A word that is certainly a name is masked. A word that may still be one (a name that is also a
word, written like a name; any word neither list knows) makes the whole comment unquotable: when
in doubt, leave it out, and the briefing quotes another comment instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from boardbrief.privacy.name_lists import (
    COMMON_PHRASES,
    DATE_WORDS,
    FUNCTION_WORDS,
    GLOSSARY,
    KIN,
    KIN_BEFORE_CAPITAL,
    MONTHS,
    NAME_BEFORE,
    PROPER_WORDS,
    SUBJECT_VERBS,
    TITLES,
    WEAK_TITLES,
    english_word,
    fold,
    is_child_name,
    is_name,
    proper_noun,
)

NAME_REMOVED = "[name removed]"
CONTRACTION = re.compile(r"(?<=[a-z])(?:n't|'ve|'re|'ll|'d|'m)$")
WORD = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*['\u2019]?")
SENTENCE_END = re.compile(r"[.!?:\n\u2022\"\u201c]|^\s*[-*]")
INITIAL = re.compile(r"\b[A-Z]\.?\s*$")


@dataclass(frozen=True)
class Screened:
    """A comment with its certain names masked, and the words that may still be names."""

    text: str
    doubtful: tuple[str, ...]

    @property
    def quotable(self) -> bool:
        """Whether the masked text may be shown: no word in it may still be a name."""
        return not self.doubtful


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    word: str  # as written, without a possessive ending
    key: str  # folded
    possessive: bool
    capital: bool
    sentence_start: bool
    beside_number: bool


class NameScreen:
    """Masks people's names in text and says when a word may still be one.

    Parameters
    ----------
    not_names:
        The board's proper nouns that are never names (districts, places, organisations): matched
        as whole phrases, in any case, unless a title or kinship word stands before them.
    words:
        The board's own common words (codebook phrases, area names), added to the dictionary.
    listed:
        Names the board lists to remove: always masked, whatever the context.
    """

    def __init__(
        self,
        not_names: Iterable[str] = (),
        words: Iterable[str] = (),
        listed: Iterable[str] = (),
    ):
        self._not_names = _phrases([*COMMON_PHRASES, *not_names])
        self._listed = _phrases(listed)
        self._words = frozenset(fold(w) for text in words for w in WORD.findall(text))
        self._listed_words = frozenset(fold(w) for text in listed for w in WORD.findall(text))

    def screen(self, text: str) -> Screened:
        """The text with certain names masked, and the words that may still be names."""
        certain, doubtful = self._classify(text)
        return Screened(_mask(text, certain), tuple(text[s:e] for s, e in doubtful))

    def mask_all(self, text: str) -> str:
        """The text with every certain or possible name masked: for counting words, not quoting."""
        certain, doubtful = self._classify(text)
        return _mask(text, sorted(certain + doubtful))

    def _classify(self, text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Spans of certain names and of words that may be names."""
        tokens = list(_tokens(text))
        protected = _phrase_spans(self._not_names, text)
        listed = _phrase_spans(self._listed, text)
        certain: list[tuple[int, int]] = list(listed)
        doubtful: list[tuple[int, int]] = []
        named = [False] * len(tokens)
        for i, token in enumerate(tokens):
            span = (token.start, token.start + len(token.word))
            if any(s <= token.start < e for s, e in listed):
                named[i] = True
                continue
            context = _name_context(tokens, i, text)
            if context == "title" or (context == "kin" and not self._is_plain_word(token)):
                certain.append(span)
                named[i] = True
                continue
            if any(s <= token.start < e for s, e in protected):
                continue
            verdict = self._verdict(token, i > 0 and named[i - 1], tokens, i)
            if verdict == "name":
                certain.append(span)
                named[i] = True
            elif verdict == "doubt":
                doubtful.append(span)
        # An initial or a capitalised word right after a name is part of it: "J. Patel", "Ana Wood".
        for i, token in enumerate(tokens):
            if named[i] or not token.capital or token.sentence_start:
                continue
            neighbour = (i > 0 and named[i - 1] and _adjacent(tokens[i - 1], token, text)) or (
                i + 1 < len(tokens) and named[i + 1] and _adjacent(token, tokens[i + 1], text)
            )
            title = token.key in TITLES or token.key in WEAK_TITLES
            if neighbour and token.key not in FUNCTION_WORDS and not title:
                certain.append((token.start, token.start + len(token.word)))
        certain += [(m.start(), m.end()) for m in _initials_before(certain, text)]
        return sorted(set(certain)), sorted(set(doubtful) - set(certain))

    def _verdict(self, token: _Token, after_name: bool, tokens: list[_Token], i: int) -> str | None:
        """'name', 'doubt' or None (a word) for one word outside a title or kinship phrase."""
        key = token.key
        if key in TITLES or len(key) == 1 or (key in MONTHS and _dated(tokens, i)):
            return None
        if key in FUNCTION_WORDS:  # "will", "may": a name only where written as one
            name_like = token.capital and not _is_acronym(token.word) and is_name(key)
            verb_itself = key in SUBJECT_VERBS or key in ("may", "might", "shall", "must")
            if name_like and (
                not token.sentence_start or (verb_itself and _verb_follows(tokens, i))
            ):
                return "doubt"
            return None
        if "-" in key and not self._is_word(key) and not is_name(key):
            parts = [p for p in key.split("-") if p]
            verdicts = [self._part_verdict(p, token, False, tokens, i) for p in parts]
            if "name" in verdicts:
                return "name"
            return "doubt" if "doubt" in verdicts else None
        return self._part_verdict(key, token, after_name, tokens, i)

    def _part_verdict(
        self, key: str, token: _Token, after_name: bool, tokens: list[_Token], i: int
    ) -> str | None:
        word, name = self._is_word(key) or key in PROPER_WORDS, is_name(key)
        if name and not word:
            return "name"
        if name:  # a name that is also a word: "Grace", "Hope", "Mason", "amber", "June"
            return self._name_or_word(key, token, after_name, tokens, i)
        if word or proper_noun(key):
            return None
        if _is_acronym(token.word):
            return None
        return "doubt"  # a word neither list knows may be a name nobody listed

    def _name_or_word(
        self, key: str, token: _Token, after_name: bool, tokens: list[_Token], i: int
    ) -> str | None:
        """A name that is also a word is a possible name where it is written like one.

        Children's first names (the ONS list, and the board's own list) are doubted at the start
        of a sentence and in a possessive too; other names only in mid-sentence capitals.
        """
        if token.capital and after_name:
            return "name"
        if key in PROPER_WORDS or _is_acronym(token.word):
            return None
        child = is_child_name(key) or key in self._listed_words
        if token.capital and not token.sentence_start:
            return "doubt"
        if (token.capital or token.possessive) and child:
            return "doubt"
        if child and _verb_follows(tokens, i):
            return "doubt"  # "thank you to the portage worker, ivy has come on so much"
        if child and i and tokens[i - 1].key in NAME_BEFORE:
            return "doubt"  # "told jack he'd be kept in", "letters for holly"
        return None

    def _is_word(self, key: str) -> bool:
        key = CONTRACTION.sub("", key)
        return (
            english_word(key)
            or key in GLOSSARY
            or key in self._words
            or key.replace("'", "") in GLOSSARY
            or (key.endswith("s") and key[:-1] in self._words)
        )

    def _is_plain_word(self, token: _Token) -> bool:
        """After a kinship word: a function word, or a word that is not a name ("my son loves")."""
        key = token.key
        return key in FUNCTION_WORDS or (self._is_word(key) and not is_name(key))


def _tokens(text: str) -> Iterator[_Token]:
    previous_end = 0
    for match in WORD.finditer(text):
        word = match.group().replace("\u2019", "'")
        possessive = False
        if word.endswith("'"):  # a closing quotation mark, or the possessive of "James'"
            word = word[:-1]
            possessive = word.endswith("s")
        elif word.endswith("'s"):
            word, possessive = word[:-2], True
        gap = text[previous_end : match.start()]
        sentence_start = (previous_end == 0 and not gap.strip()) or bool(SENTENCE_END.search(gap))
        if previous_end and INITIAL.search(text[:previous_end]) and gap.strip() == ".":
            sentence_start = False  # "J. Patel": the full stop ends an initial, not a sentence
        previous_end = match.end()
        yield _Token(
            start=match.start(),
            end=match.end(),
            word=word,
            key=fold(word),
            possessive=possessive,
            capital=word[:1].isupper(),
            sentence_start=sentence_start,
            beside_number=bool(
                re.match(r"\s*\d", text[match.end() :])
                or re.search(r"\d(?:st|nd|rd|th)?\s+$", text[: match.start()])
            ),
        )


def _name_context(tokens: list[_Token], i: int, text: str) -> str | None:
    """'title' or 'kin' when the word before makes this one a name."""
    if i == 0:
        return None
    before, token = tokens[i - 1], tokens[i]
    if token.key in TITLES or not _adjacent(before, token, text):
        return None
    if before.key in TITLES:
        return "title"
    if before.key in WEAK_TITLES and before.capital and token.capital:
        return "title"
    if before.key in KIN and not token.sentence_start:
        return "kin"
    if before.key in KIN_BEFORE_CAPITAL and token.capital and not token.sentence_start:
        return "kin"
    return None


def _adjacent(first: _Token, second: _Token, text: str) -> bool:
    """Only spaces, or an abbreviation's full stop or a hyphen, between two words."""
    return text[first.end : second.start].strip(" ") in ("", ".", "-")


def _initials_before(spans: list[tuple[int, int]], text: str) -> Iterator[re.Match[str]]:
    """Initials standing right before a masked name: the 'J.' of 'J. Patel'."""
    for start, _ in spans:
        match = re.search(r"(?<![\w'])[A-Z]\.?\s+$", text[:start])
        if match:
            yield match


def _mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Replace each span, and each run of spans with only spaces between, by one marker."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and (start <= merged[-1][1] or not text[merged[-1][1] : start].strip(" .-")):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in reversed(merged):
        text = text[:start] + NAME_REMOVED + text[end:]
    return text


def _is_acronym(word: str) -> bool:
    """SALT, OT, EHCP: short words in capitals are abbreviations, not shouted names."""
    return word.isupper() and 2 <= len(word) <= 5


def _phrases(texts: Iterable[str]) -> re.Pattern[str] | None:
    listed = sorted({t.strip() for t in texts if t.strip()}, key=len, reverse=True)
    if not listed:
        return None
    pattern = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in listed)
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE)


def _phrase_spans(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    return [] if pattern is None else [(m.start(), m.end()) for m in pattern.finditer(text)]


def _verb_follows(tokens: list[_Token], i: int) -> bool:
    """The next word is one a person's name is often the subject of: "Will will", "ivy has"."""
    return i + 1 < len(tokens) and tokens[i + 1].key in SUBJECT_VERBS


def _dated(tokens: list[_Token], i: int) -> bool:
    """A month written as a date: 'in June', 'since May 2025', 'June 14th', 'last August'."""
    return tokens[i].beside_number or (i > 0 and tokens[i - 1].key in DATE_WORDS)
