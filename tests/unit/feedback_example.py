"""A feedback status with hand-made theme counts, for the rules on rises, falls and shares."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from boardbrief.sections.feedback import FeedbackStatus, theme_shares


def with_theme_counts(
    voices: FeedbackStatus,
    themes: dict[str, tuple[str, int, int]],
    comments: int,
    previous_comments: int,
) -> FeedbackStatus:
    """`voices` with these themes (id: name, count now, count before) and comment totals."""
    frame = pd.DataFrame(
        {
            "theme": list(themes),
            "name": [name for name, _, _ in themes.values()],
            "period": pd.array([now for _, now, _ in themes.values()], dtype="Int64"),
            "previous": pd.array([before for _, _, before in themes.values()], dtype="Int64"),
        }
    )
    frame["change"] = frame["period"] - frame["previous"]
    return replace(
        voices,
        themes=frame,
        shares=theme_shares(frame, comments, previous_comments),
        comments_changed=(comments - previous_comments) / previous_comments,
    )
