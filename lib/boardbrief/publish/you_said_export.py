"""`you_said_we_did.csv`: each theme raised at a meeting and every action answering it.

Built from the same 'You said, we did' status as the briefing's table, with every answering
action rather than the first few; counts as the briefing shows them (`[c]` when small), and no
action commentary, which can name people.
"""

from __future__ import annotations

import pandas as pd

from boardbrief.present import SUPPRESSED
from boardbrief.sections.you_said import YouSaidStatus

YOU_SAID_CSV = "you_said_we_did.csv"


def you_said_table(said: YouSaidStatus) -> pd.DataFrame:
    """One row per theme raised and answering action, themes in the briefing's order.

    A theme no action answers has one row with the action's columns blank; `unanswered` is
    `yes` for the most raised themes the briefing flags.
    """
    organisations = {o.id: o.name for o in said.config.organisations}
    rows = []
    for theme in said.themes.itertuples():
        answering = said.answers[said.answers["theme"] == theme.theme]
        base = {
            "meeting": said.meeting_date.isoformat(),
            "theme": theme.theme,
            "name": theme.name,
            "comments_this_period": SUPPRESSED if pd.isna(theme.period) else int(theme.period),
            "unanswered": "yes" if theme.theme in said.unanswered else "no",
        }
        if answering.empty:
            rows.append({**base, "action_id": None})
        for action in answering.itertuples():
            rows.append(
                {
                    **base,
                    "action_id": action.action_id,
                    "title": action.title,
                    "owner": action.owner,
                    "owner_name": organisations.get(action.owner),
                    "rag": action.rag,
                    "status": action.status,
                    "due_date": action.due_date.date().isoformat(),
                }
            )
    columns = [
        "meeting", "theme", "name", "comments_this_period", "unanswered", "action_id", "title",
        "owner", "owner_name", "rag", "status", "due_date",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns).astype({"comments_this_period": object})
