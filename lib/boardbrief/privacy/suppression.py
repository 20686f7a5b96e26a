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
    hidden = _secondary(counts, _primary(counts, threshold), threshold)
    return _shown(counts, hidden)


def suppress_with_earlier(
    period: pd.Series, to_date: pd.Series, threshold: int
) -> tuple[pd.Series, pd.Series]:
    """Suppress a period's counts beside the counts to date that include them.

    Each column is suppressed as `suppress_counts` does, and in addition no row may show both
    numbers when their difference (the count before the period) is a small number: then the
    period's count is hidden too, and the column's secondary suppression is run again.

    The period's secondary suppression protects its hidden counts from the period's total, so it
    is left out when that total is itself hidden (`period_total_hidden`): with no total to
    subtract from, no hidden count can be worked out, and nothing more is hidden.
    """
    protect_from_total = not period_total_hidden(period, to_date, threshold)

    def secondary_in_period(hidden: pd.Series) -> pd.Series:
        return _secondary(period, hidden, threshold) if protect_from_total else hidden

    hidden_period = secondary_in_period(_primary(period, threshold))
    hidden_to_date = _secondary(to_date, _primary(to_date, threshold), threshold)
    while True:
        earlier = to_date - period
        reveals = ~hidden_period & ~hidden_to_date & (earlier > 0) & (earlier < threshold)
        if not reveals.any():
            break
        hidden_period = secondary_in_period(hidden_period | reveals)
    return _shown(period, hidden_period), _shown(to_date, hidden_to_date)


def period_total_hidden(period: pd.Series, to_date: pd.Series, threshold: int) -> bool:
    """Whether a period's total is hidden beside the total to date that includes it.

    It is when it is a small number, or when the two totals would give away a small number of
    counts before the period (as for a new board with few comments before its last meeting).
    """
    total, before = int(period.sum()), int(to_date.sum() - period.sum())
    return 0 < total < threshold or 0 < before < threshold


def total_is_safe(counts: pd.Series, hidden: pd.Series, threshold: int) -> bool:
    """Whether a line's total may be shown beside its shown counts.

    Not when the hidden counts could still be worked out from it: secondary suppression can run
    out of counts to hide (three hidden 1s and zeros elsewhere, say), and then the total must go.
    """
    return not hidden.any() or not _gives_away(counts[hidden], threshold)


def shown_total(counts: pd.Series, hidden: pd.Series, threshold: int) -> int | None:
    """A line's total as shown beside its counts: None when small, or when it is not safe."""
    if not total_is_safe(counts, hidden, threshold):
        return None
    return suppress_total(int(counts.sum()), threshold)


def suppress_total(total: int, threshold: int) -> int | None:
    """A single total, or None when it is itself a small number."""
    return None if 0 < total < threshold else total


def _primary(counts: pd.Series, threshold: int) -> pd.Series:
    return (counts > 0) & (counts < threshold)


def _secondary(counts: pd.Series, hidden: pd.Series, threshold: int) -> pd.Series:
    hidden = hidden.copy()
    while hidden.any() and _gives_away(counts[hidden], threshold):
        candidates = counts[~hidden & (counts > 0)]
        if candidates.empty:
            break
        hidden[candidates.sort_values(kind="stable").index[0]] = True
    return hidden


def _gives_away(hidden: pd.Series, threshold: int) -> bool:
    """Whether the hidden cells of one line could be worked out from the line's total.

    One hidden cell alone always can (and in a table that can unlock a small one elsewhere).
    """
    total, cells = int(hidden.sum()), len(hidden)
    if cells == 1:
        return True
    only_small = bool((hidden < threshold).all())
    return total < threshold or (only_small and total in (cells, cells * (threshold - 1)))


def _shown(counts: pd.Series, hidden: pd.Series) -> pd.Series:
    shown = counts.astype("Int64").copy()
    shown[hidden] = pd.NA
    return shown


def suppress_table(table: pd.DataFrame, threshold: int) -> pd.DataFrame:
    """A table of counts with a total row and column added, suppressed in both directions.

    Small cells are hidden; then, row by row and column by column, more cells are hidden until
    no hidden cell can be worked out from the totals shown (the rule of `suppress_counts`),
    repeating until nothing changes. Totals that are small numbers themselves are hidden too.
    The result is Int64 with <NA> where hidden; its last row and column are named 'Total'.
    """
    counts = table.astype("int64")
    hidden = (counts > 0) & (counts < threshold)
    changed = True
    while changed:
        changed = False
        for axis_labels, line_of in (
            (counts.index, lambda label: (counts.loc[label], hidden.loc[label])),
            (counts.columns, lambda label: (counts[label], hidden[label])),
        ):
            for label in axis_labels:
                values, mask = line_of(label)
                updated = _secondary(values, mask, threshold)
                if (updated != mask).any():
                    changed = True
                    if axis_labels is counts.index:
                        hidden.loc[label] = updated
                    else:
                        hidden[label] = updated
    shown = counts.astype("Int64").mask(hidden)
    shown["Total"] = [shown_total(counts.loc[r], hidden.loc[r], threshold) for r in counts.index]
    column_totals = [shown_total(counts[c], hidden[c], threshold) for c in counts.columns]
    overall = suppress_total(int(counts.to_numpy().sum()), threshold)
    shown.loc["Total"] = [*column_totals, overall]
    return shown.astype("Int64")
