"""The words and two-word phrases most used in comments the codebook does not code.

For analysts extending the codebook. Text is redacted before it gets here; a term is listed only
when it appears in at least as many comments as the suppression threshold, so no rare word can
point to one family.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable

import pandas as pd

PLACEHOLDER = re.compile(r"\[[^\]]*removed\]")
WORD = re.compile(r"[a-z][a-z'-]*[a-z]")
HOW_MANY = 15

# A plain English stop list: words that say nothing about what a comment is about.
STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do does
    doesn't doing don't down during each even ever every few for from further get gets getting
    got had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers
    herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself
    just know let's like lot lots many me more most much must mustn't my myself no nor not now
    of off on once one only or other ought our ours ourselves out over own really same say said
    she she'd she'll she's should shouldn't so some still such than that that's the their theirs
    them themselves then there there's these they they'd they'll they're they've thing things
    this those though through to too under until up upon us very was wasn't we we'd we'll we're
    we've well were weren't what what's when when's where where's which while who who's whom why
    why's will with won't would wouldn't yes yet you you'd you'll you're you've your yours
    yourself yourselves
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def frequent_terms(comments: Iterable[str], min_comments: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The most frequent words and two-word phrases, counted once per comment.

    Returns two tables with columns `term` and `comments`, most frequent first (ties
    alphabetical), at most fifteen rows each, each term in at least `min_comments` comments.
    """
    words: Counter[str] = Counter()
    phrases: Counter[str] = Counter()
    for comment in comments:
        tokens = WORD.findall(PLACEHOLDER.sub(" ", comment.casefold().replace("\u2019", "'")))
        words.update({t for t in tokens if t not in STOP_WORDS})
        phrases.update(
            {
                f"{first} {second}"
                for first, second in itertools.pairwise(tokens)
                if first not in STOP_WORDS and second not in STOP_WORDS
            }
        )
    return _top(words, min_comments), _top(phrases, min_comments)


def _top(counter: Counter[str], min_comments: int) -> pd.DataFrame:
    ranked = sorted(
        ((term, n) for term, n in counter.items() if n >= min_comments),
        key=lambda item: (-item[1], item[0]),
    )[:HOW_MANY]
    return pd.DataFrame(ranked, columns=["term", "comments"])
