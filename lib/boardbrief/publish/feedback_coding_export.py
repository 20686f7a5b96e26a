"""`feedback_coding.csv`: how every comment up to a meeting was coded, without its words.

One row per comment: its id, date, district, who sent it, the file and the row it is in (as a
spreadsheet shows it), the themes it carries and, for each, how it got it: the codebook's
phrases found in it, or "coded by the analyst" where the row's own theme column gave it. An
auditor can check any theme count of the briefing against this file and the codebook. The
comment's text is never written: it can name people.
"""

from __future__ import annotations

import pandas as pd

from boardbrief.contract.codebook import coding_phrases
from boardbrief.contract.meeting import Meeting
from boardbrief.sections.feedback import in_period

FEEDBACK_CODING_CSV = "feedback_coding.csv"


def feedback_coding_table(meeting: Meeting) -> pd.DataFrame:
    """Each comment up to the meeting, in the files' order, with its themes and their coding.

    `themes` lists the theme ids in codebook order, `; ` between them; `how_coded` gives each
    as `theme: phrase, phrase` (or `theme: coded by the analyst`), in the same order. A comment
    with no theme has both blank. `in_period` is yes for the comments the meeting's period
    counts (from the day after the previous meeting up to the meeting).
    """
    comments = meeting.feedback
    codebook = meeting.data.codebook
    order = {theme: position for position, theme in enumerate(codebook.ids)}
    coding = coding_phrases(comments, codebook)
    coding = coding.assign(order=coding["theme"].map(order)).sort_values(
        ["row", "order"], kind="stable"
    )
    themes = coding.groupby("row")["theme"].agg("; ".join)
    how = (coding["theme"] + ": " + coding["how"]).groupby(coding["row"]).agg("; ".join)
    period = in_period(comments, meeting.previous_date, meeting.date).index
    return pd.DataFrame(
        {
            "meeting": meeting.date.isoformat(),
            "feedback_id": comments["feedback_id"],
            "date": comments["date"].dt.date.map(lambda d: d.isoformat()),
            "district": comments["district"],
            "respondent": comments["respondent"],
            "source_file": comments["source_file"],
            "source_row": comments["source_row"].astype("int64"),
            "in_period": comments.index.isin(period),
            "themes": themes.reindex(comments.index),
            "how_coded": how.reindex(comments.index),
        }
    ).assign(in_period=lambda t: t["in_period"].map({True: "yes", False: "no"}))
