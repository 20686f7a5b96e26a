"""'You said, we did' in the board's briefing: each theme raised, and the actions answering it."""

from __future__ import annotations

from boardbrief.formatting import lower_first, medium_date, plural
from boardbrief.present import Column, Html, Row, Table, rag_badge, suppressible
from boardbrief.sections.you_said import ACTIONS_PER_THEME, NO_ACTION_YET, YouSaidStatus
from boardbrief.views.wording import and_list, sentence


def you_said_we_did(status: YouSaidStatus) -> Table | Html:
    """Each theme raised this period (largest first) with the actions that answer it: rating,
    owner, due date and latest commentary; a theme no action answers is flagged."""
    if status.themes.empty:
        return sentence("No comment raised a theme from the codebook this period.")
    owners = {o.id: o.name for o in status.config.organisations}
    rows = []
    for theme in status.themes.itertuples():
        label = f"{theme.name} ({suppressible(theme.period, lambda n: f'{int(n):,} comments')})"
        answering = status.answers[status.answers["theme"] == theme.theme]
        if answering.empty:
            rows.append(Row([label, NO_ACTION_YET, "\u2013", "\u2013", "\u2013", "\u2013"]))
        for action in answering.head(ACTIONS_PER_THEME).itertuples():
            rows.append(
                Row(
                    [
                        label,
                        f"{action.action_id}: {action.title}",
                        rag_badge(action.rag),
                        owners.get(action.owner, action.owner),
                        medium_date(action.due_date.date()),
                        action.commentary or "\u2013",
                    ]
                )
            )
        if len(answering) > ACTIONS_PER_THEME:
            more = len(answering) - ACTIONS_PER_THEME
            rows.append(
                Row([label, f"And {plural(more, 'more action')}, listed in the analysts' export "
                     "(you_said_we_did.csv)", "", "", "", ""])
            )  # fmt: skip
    return Table(
        caption="You said, we did: what families raised this period and the actions answering it",
        columns=[
            Column("Theme (comments this period)"),
            Column("Action"),
            Column("Rating"),
            Column("Owner"),
            Column("Due"),
            Column("Latest commentary"),
        ],
        rows=rows,
        lead=unanswered_sentence(status),
        notes=[
            "An action answers a theme when the action plan links it to that theme. "
            "[c]: a number too small to show.",
        ],
    )


def unanswered_sentence(status: YouSaidStatus) -> str:
    """Which of the most raised themes no action on the plan answers, or that every one is."""
    names = dict(zip(status.themes["theme"], status.themes["name"], strict=True))
    if not status.unanswered:
        checked = min(status.checked, len(status.themes))
        return f"Each of the {checked} most raised themes has an action on the plan answering it."
    listed = and_list([lower_first(names[t]) for t in status.unanswered])
    return f"No action on the plan answers {listed}, among the most raised themes this period."
