"""Small-number suppression, so that counts about few children cannot identify a family."""

from __future__ import annotations

import pandas as pd


def suppress_counts(counts: pd.Series, threshold: int) -> pd.Series:
    """Counts with small ones hidden (as <NA>), safe to show beside their total.

    Primary: a count from 1 to `threshold - 1` is hidden. Secondary: the total reveals the sum of
    the hidden counts, and that sum gives each of them away when it is small (under the
    threshold) or when it can only be made one way (every hidden count 1, or every one
    `threshold - 1`); then the next smallest shown count is hidden too, until that is no longer so.
    Zeros are shown: an absence identifies no one.
    """
    shown = counts.astype("Int64").copy()
    hidden = (counts > 0) & (counts < threshold)
    while hidden.any() and _gives_away(counts[hidden], threshold):
        candidates = counts[~hidden & (counts > 0)]
        if candidates.empty:
            break
        hidden[candidates.sort_values(kind="stable").index[0]] = True
    shown[hidden] = pd.NA
    return shown


def _gives_away(hidden: pd.Series, threshold: int) -> bool:
    total, cells = int(hidden.sum()), len(hidden)
    only_small = bool((hidden < threshold).all())
    return total < threshold or (only_small and total in (cells, cells * (threshold - 1)))
