"""Small-number suppression, primary and secondary, on one column of counts with its total."""

import pandas as pd
import pytest

from boardbrief.suppression import suppress_counts


@pytest.mark.parametrize(
    ("counts", "threshold", "hidden"),
    [
        ([10, 0, 7], 5, [False, False, False]),  # zeros and large counts are shown
        ([10, 3, 9], 5, [False, True, True]),  # one hidden alone: next smallest hidden too
        ([10, 3, 3, 9], 5, [False, True, True, False]),  # 3+3=6 can be made several ways
        ([10, 1, 1, 9], 5, [False, True, True, True]),  # 1+1 < 5: gives both away
        ([10, 4, 4, 9], 5, [False, True, True, True]),  # 8 from two of 1..4 can only be 4+4
        ([4, 1, 1, 1], 3, [True, True, True, True]),  # three 1s sum to 3: all hidden
        ([2, 2, 9], 3, [True, True, True]),  # 2+2 is the only way to make 4 from 1..2
        ([1], 5, [True]),  # nothing left to hide beside it
    ],
)
def test_suppress_counts_primary_and_secondary(counts, threshold, hidden):
    shown = suppress_counts(pd.Series(counts), threshold)
    assert shown.isna().tolist() == hidden
    assert shown[~shown.isna()].tolist() == [
        c for c, h in zip(counts, hidden, strict=True) if not h
    ]
