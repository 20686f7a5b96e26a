"""The feedback codebook (`themes.yml`) and coding comments by it, transparently.

A comment carries a theme when it contains one of the theme's phrases as whole words, ignoring
case; it may carry several. An analyst's own coding in the `theme` column replaces the codebook's
for that row. Anyone can check a count by reading the codebook: there is no model to trust.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import pandas as pd
from pydantic import Field, ValidationError, field_validator

from boardbrief.contract.plain_yaml import line_of, load_plain_yaml
from boardbrief.contract.problems import DataError, Problem, unreadable
from boardbrief.contract.settings import Identifier, Settings, Text, problems_from, require_unique

THEMES_FILE = "themes.yml"
UNCODED = "uncoded"

Phrase = Annotated[str, Field(min_length=1, max_length=200)]


class Theme(Settings):
    """One theme: an id the data and figures use, a name people read, and its phrases."""

    id: Identifier
    name: Text
    priority_area: Identifier | None = None
    phrases: list[Phrase] = Field(min_length=1)

    @field_validator("phrases")
    @classmethod
    def _lower_case(cls, phrases: list[str]) -> list[str]:
        return [" ".join(p.casefold().split()) for p in phrases]


class Codebook(Settings):
    """The whole of themes.yml, checked."""

    themes: list[Theme] = Field(min_length=1)

    @field_validator("themes")
    @classmethod
    def _ids_unique(cls, themes: list[Theme]) -> list[Theme]:
        require_unique([t.id for t in themes], "theme ids (ignoring case)")
        return themes

    @property
    def ids(self) -> list[str]:
        return [t.id for t in self.themes]

    def name(self, theme_id: str) -> str:
        return next((t.name for t in self.themes if t.id == theme_id), theme_id)


def load_codebook(data_dir: Path, area_ids: list[str]) -> Codebook:
    """Read and check themes.yml; each theme's priority area must be one in board.yml."""
    path = data_dir / THEMES_FILE
    if not path.is_file():
        raise DataError([Problem(THEMES_FILE, None, None, None, "this file to exist")])
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        problem = (
            unreadable(THEMES_FILE, error)
            if isinstance(error, OSError)
            else Problem(THEMES_FILE, None, None, None, "UTF-8 text")
        )
        raise DataError([problem]) from None
    raw, root = load_plain_yaml(text, THEMES_FILE)
    try:
        codebook = Codebook.model_validate(raw)
    except ValidationError as error:
        raise DataError(problems_from(error, root, THEMES_FILE)) from None
    listed = ", ".join(area_ids)
    unknown = [
        Problem(
            THEMES_FILE,
            line_of(root, ("themes", i, "priority_area")),
            f"themes[{i}].priority_area",
            t.priority_area,
            f"a priority area id from board.yml ({listed})",
        )
        for i, t in enumerate(codebook.themes)
        if t.priority_area and t.priority_area not in area_ids
    ]
    if unknown:
        raise DataError(unknown)
    return codebook


class ThemeMatcher:
    """Finds every theme in many comments with one compiled pattern, not a loop over themes."""

    def __init__(self, codebook: Codebook):
        themes_of: dict[str, set[str]] = {}
        for theme in codebook.themes:
            for phrase in theme.phrases:
                themes_of.setdefault(phrase, set()).add(theme.id)
        phrases = sorted(themes_of, key=lambda p: (-len(p), p))
        # The scan takes the longest phrase starting at each position, so a phrase also carries
        # the themes of any shorter phrase it starts with ("school transport" -> "school").
        self._themes_of = {
            phrase: set().union(
                *(themes_of[q] for q in phrases if re.match(rf"{re.escape(q)}(?!\w)", phrase))
            )
            for phrase in phrases
        }
        alternatives = phrase_alternatives(phrases)
        self._pattern = re.compile(rf"(?=(?<!\w)({alternatives})(?!\w))", re.IGNORECASE)
        self._order = {theme_id: i for i, theme_id in enumerate(codebook.ids)}

    def themes(self, comments: pd.Series) -> pd.DataFrame:
        """Long table of (row of `comments`, theme) pairs the codebook finds, each pair once."""
        pairs = self.phrases(comments).drop(columns="phrase")
        return pairs.drop_duplicates(["row", "theme"])

    def phrases(self, comments: pd.Series) -> pd.DataFrame:
        """Long table of (row, theme, phrase): which phrase of the codebook gave each theme.

        A theme found by two phrases in one comment has a row for each.
        """
        text = comments.str.replace("\u2019", "'", regex=False)  # curly apostrophes as typed
        found = text.str.extractall(self._pattern)
        if found.empty:
            return pd.DataFrame(
                {"row": pd.Series(dtype=comments.index.dtype), "theme": [], "phrase": []}
            )
        found = found.reset_index(level="match", drop=True)[0]
        phrase = found.str.casefold().str.split().str.join(" ")
        pairs = pd.DataFrame(
            {
                "row": found.index,
                "theme": phrase.map(self._themes_of).to_numpy(),
                "phrase": phrase.to_numpy(),
            }
        )
        pairs = pairs.explode("theme").drop_duplicates()
        return self._sorted(pairs)

    def _sorted(self, pairs: pd.DataFrame) -> pd.DataFrame:
        order = pairs["theme"].map(self._order)
        return pairs.assign(order=order).sort_values(["row", "order"]).drop(columns="order")


def phrase_alternatives(phrases: list[str]) -> str:
    """A pattern matching the longest of `phrases` at a position, any whitespace between words.

    `phrases` come longest first. Written as a trie ("school(?:s|\\s+transport)?"), so the
    pattern tries only the phrases that begin with the character at hand, not each of them in
    turn: coding is several times faster than with the flat alternation (`school transport|
    schools|school`), and finds the same phrase at each position, since the phrases that match
    there are each a prefix of the longest. That holds for ASCII phrases (no character then
    matches two different ones ignoring case); any other codebook gets the flat alternation.
    """
    if not all(phrase.isascii() for phrase in phrases):
        return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for character in phrase:
            node = node.setdefault(character, {})
        node[""] = {}  # a phrase ends here
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [
        (r"\s+" if character == " " else re.escape(character)) + _trie_pattern(child)
        for character, child in sorted(node.items())
        if character
    ]
    if not branches:
        return ""
    optional = "?" if "" in node else ""  # greedy: the longer phrases are tried first
    if len(branches) == 1 and not optional:
        return branches[0]
    return f"(?:{'|'.join(branches)}){optional}"


def code_comments(feedback: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Every comment's themes as a long table: `row` (feedback's index), `theme`, `source`.

    `source` is 'analyst' where the row's own `theme` column was filled (it replaces the
    codebook for that row) and 'codebook' otherwise. Comments with no theme have no rows here.
    """
    analyst_text = (
        feedback["theme"] if "theme" in feedback.columns else pd.Series("", index=feedback.index)
    )
    by_analyst = analyst_text.str.strip() != ""
    matched = ThemeMatcher(codebook).themes(feedback.loc[~by_analyst, "comment"])
    coded = analyst_text[by_analyst].str.split(";").explode().str.strip().loc[lambda s: s != ""]
    canonical = {theme_id.casefold(): theme_id for theme_id in codebook.ids}
    analyst = pd.DataFrame(
        {"row": coded.index, "theme": coded.str.casefold().map(canonical).to_numpy()}
    ).drop_duplicates()
    return pd.concat(
        [matched.assign(source="codebook"), analyst.assign(source="analyst")], ignore_index=True
    )


CODED_BY_ANALYST = "coded by the analyst"


def coding_phrases(feedback: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """How each comment got each theme: `row`, `theme`, `how` (the phrases matched, or
    `CODED_BY_ANALYST` where the row's own `theme` column gave it). The same pairs as
    `code_comments`, for tracing a count and for the coding export."""
    coding = code_comments(feedback, codebook)
    by_analyst = coding["source"] == "analyst"
    matched = ThemeMatcher(codebook).phrases(
        feedback.loc[coding.loc[~by_analyst, "row"].unique(), "comment"]
    )
    how = matched.groupby(["row", "theme"], sort=False)["phrase"].agg(
        lambda p: ", ".join(dict.fromkeys(p))
    )
    keys = pd.MultiIndex.from_frame(coding[["row", "theme"]])
    coding["how"] = how.reindex(keys).to_numpy()
    coding.loc[by_analyst, "how"] = CODED_BY_ANALYST
    return coding[["row", "theme", "how"]]
