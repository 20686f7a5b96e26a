"""The codebook's trie pattern codes every comment exactly as the flat alternation of phrases did."""

import random
import re
from pathlib import Path

import pandas as pd
import pytest

from boardbrief.contract.board_config import load_board_config
from boardbrief.contract.codebook import ThemeMatcher, load_codebook, phrase_alternatives
from tests.conftest import NORTHSHIRE

SAMPLE = Path(__file__).resolve().parents[3] / "data"


class FlatMatcher(ThemeMatcher):
    """The matcher as it was: every phrase tried in turn, longest first."""

    def __init__(self, codebook):
        super().__init__(codebook)
        phrases = sorted(self._themes_of, key=lambda p: (-len(p), p))
        alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
        self._pattern = re.compile(rf"(?=(?<!\w)({alternatives})(?!\w))", re.IGNORECASE)


def _codebook(folder: Path):
    return load_codebook(folder, list(load_board_config(folder).priority_areas))


def _comments(folder: Path) -> pd.Series:
    frames = [
        pd.read_csv(path, dtype=str, keep_default_na=False)
        for path in sorted((folder / "feedback").glob("*.csv"))
    ]
    return pd.concat(frames, ignore_index=True)["comment"]


def _variants(phrases: list[str], seed: int) -> list[str]:
    """Comments made of phrases cut short, run on, re-cased and re-spaced, among filler words."""
    rng = random.Random(seed)
    pieces = ["", " ", "  ", "\t", "\n", "-", "'", "\u2019", "s", "ed", ".", ",", "x", "é", "_"]
    comments = []
    for _ in range(3000):
        parts = []
        for _ in range(rng.randint(1, 5)):
            phrase = rng.choice(phrases)
            phrase = phrase[: rng.randint(1, len(phrase))] if rng.random() < 0.2 else phrase
            phrase = phrase.replace(" ", rng.choice([" ", "  ", "\n", " \t"]))
            phrase = "".join(c.upper() if rng.random() < 0.3 else c for c in phrase)
            parts += [rng.choice(pieces), phrase, rng.choice(pieces)]
        comments.append("".join(parts))
    return comments


@pytest.mark.parametrize("folder", [SAMPLE, NORTHSHIRE], ids=["sample", "northshire"])
def test_trie_pattern_finds_the_same_themes_as_the_flat_one(folder):
    codebook = _codebook(folder)
    phrases = [p for theme in codebook.themes for p in theme.phrases]
    comments = pd.concat(
        [_comments(folder), pd.Series(_variants(phrases, seed=len(phrases)))], ignore_index=True
    )
    expected = FlatMatcher(codebook).themes(comments)
    assert len(expected) > len(comments) / 4  # the comparison has matches to compare
    pd.testing.assert_frame_equal(ThemeMatcher(codebook).themes(comments), expected)


def test_trie_prefers_the_longest_phrase_that_ends_at_a_word_boundary():
    pattern = re.compile(
        rf"(?<!\w)({phrase_alternatives(['school transport', 'schools', 'school'])})(?!\w)",
        re.IGNORECASE,
    )
    assert pattern.findall("School  Transport, schools; school transporter") == [
        "School  Transport",
        "schools",
        "school",
    ]


def test_phrases_outside_ascii_keep_the_flat_alternation():
    assert phrase_alternatives(["café au lait", "café"]) == r"café\s+au\s+lait|café"
