"""Small-number suppression, primary and secondary, on one column of counts with its total."""

import numpy as np
import pandas as pd
import pytest

from boardbrief.privacy.suppression import suppress_counts


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


def test_suppress_table_no_hidden_small_cell_can_be_worked_out():
    from boardbrief.privacy.suppression import suppress_table

    table = pd.DataFrame({"a": [10, 2, 8], "b": [7, 9, 12]}, index=["x", "y", "z"])
    shown = suppress_table(table, 5)
    assert shown.loc["y", "a"] is pd.NA
    assert shown.loc["Total"].tolist() == [20, 28, 48]
    assert shown["Total"].tolist()[:3] == [17, 11, 20]
    # The small cell is determined by the totals only if its unit vector lies in the row space
    # of the totals' equations over the hidden cells.
    cells = shown.loc[["x", "y", "z"], ["a", "b"]]
    hidden = [(r, c) for r in cells.index for c in cells.columns if pd.isna(cells.loc[r, c])]
    equations = [[1.0 if cell[0] == r else 0.0 for cell in hidden] for r in cells.index]
    equations += [[1.0 if cell[1] == c else 0.0 for cell in hidden] for c in cells.columns]
    target = [[1.0 if cell == ("y", "a") else 0.0 for cell in hidden]]
    rank = np.linalg.matrix_rank
    assert rank(np.array(equations + target)) > rank(np.array(equations))


def test_suppress_table_small_totals_are_hidden():
    from boardbrief.privacy.suppression import suppress_table

    shown = suppress_table(pd.DataFrame({"a": [1, 0]}, index=["x", "y"]), 5)
    assert shown.isna().values.tolist() == [[True, True], [False, False], [True, True]]


def test_a_total_that_would_give_hidden_counts_away_is_not_safe():
    from boardbrief.privacy.suppression import total_is_safe

    counts = pd.Series([0, 1, 1, 1, 0])  # three 1s: nothing else to hide, a total of 3 says all
    hidden = suppress_counts(counts, 3).isna()
    assert hidden.tolist() == [False, True, True, True, False]
    assert not total_is_safe(counts, hidden, 3)
    counts = pd.Series([9, 3, 3, 9])  # 3 + 3 = 6 can be made several ways from 1..4
    assert total_is_safe(counts, suppress_counts(counts, 5).isna(), 5)
    assert total_is_safe(pd.Series([9, 0]), pd.Series([False, False]), 5)


def test_suppress_table_hides_a_line_total_it_could_not_protect():
    from boardbrief.privacy.suppression import suppress_table

    table = pd.DataFrame({"a": [1, 20], "b": [1, 30], "c": [1, 40], "d": [0, 50]}, index=["x", "y"])
    shown = suppress_table(table, 3)
    assert shown.loc["x"].isna().tolist() == [True, True, True, False, True]
    # three hidden cells beside a 0 and a total of 3 could only be 1, 1, 1: the total goes


def test_suppress_with_earlier_hides_no_more_when_the_period_total_is_hidden():
    from boardbrief.privacy.suppression import period_total_hidden, suppress_with_earlier

    # A new board: 2 comments before the period, so the period's total (14) is hidden beside
    # the 16 to date. Westvale's 7 and 9 would give away its 2 earlier comments, so its 7 goes;
    # with no period total to subtract from, Eastmoor's 7 gives nothing away and is shown.
    period, to_date = pd.Series([7, 7, 0]), pd.Series([7, 9, 0])
    assert period_total_hidden(period, to_date, 5)
    shown_period, shown_to_date = suppress_with_earlier(period, to_date, 5)
    assert shown_period.tolist() == [7, pd.NA, 0]
    assert shown_to_date.tolist() == [7, 9, 0]


def test_suppress_with_earlier_still_protects_from_a_shown_period_total():
    from boardbrief.privacy.suppression import period_total_hidden, suppress_with_earlier

    period, to_date = pd.Series([7, 7, 0]), pd.Series([7, 9, 10])  # 10 before: total shown
    assert not period_total_hidden(period, to_date, 5)
    shown_period, _ = suppress_with_earlier(period, to_date, 5)
    assert shown_period.tolist() == [pd.NA, pd.NA, 0]
