"""'You said, we did': each theme families raised, joined to the actions that answer it.

An action names the themes it answers in its optional `responds_to` column. The themes and
their counts come from the feedback section as they are (suppressed there), so the board's
briefing and the families' page can never disagree about how often a theme was raised.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from boardbrief.contract.board_config import BoardConfig
from boardbrief.contract.meeting import Meeting
from boardbrief.privacy.suppression import suppress_counts
from boardbrief.sections.feedback import RESPONDENTS, FeedbackStatus, in_period, top_themes
from boardbrief.sections.tracing import COUNT, IDS, Rule, SourceRow, Trace, rows_by_id

# The flag is checked for at least this many of the most raised themes, whatever `top_themes`.
FLAG_AT_LEAST = 5
# Pages list at most this many actions per theme, so their size does not grow with the plan;
# the rest are counted, and all are in `boardbrief export`.
ACTIONS_PER_THEME = 5
NO_ACTION_YET = "No action on the plan answers this yet."
ANSWER_COLUMNS = [
    "theme",
    "action_id",
    "title",
    "priority_area",
    "owner",
    "rag",
    "status",
    "due_date",
    "last_updated",
    "commentary",
]


@dataclass(frozen=True)
class YouSaidStatus:
    """The themes raised in the period, the actions answering each, and those unanswered.

    `themes` has the feedback section's columns (`theme`, `name`, `period` as shown,
    `period_actual` only for ordering) for the themes raised in the period, largest first;
    `answers` one row per theme and answering action (`ANSWER_COLUMNS`); `unanswered` the ids
    of the most raised themes no action answers, in the same order; `checked` how many of the
    most raised themes were checked for the flag.
    """

    config: BoardConfig
    meeting_date: dt.date
    previous_date: dt.date | None
    themes: pd.DataFrame
    answers: pd.DataFrame
    unanswered: list[str]
    checked: int


def responding_actions(actions: pd.DataFrame, theme_ids: list[str]) -> pd.DataFrame:
    """One row per action and theme it names in `responds_to` (any case), in action order.

    An action naming several themes has a row for each; a plan without the column, or actions
    with it blank, give no rows. `theme` holds the codebook's spelling of the id.
    """
    if "responds_to" not in actions.columns:
        return pd.DataFrame(columns=ANSWER_COLUMNS)
    canonical = {theme_id.casefold(): theme_id for theme_id in theme_ids}
    named = actions["responds_to"].fillna("").str.split(";").explode().str.strip()
    named = named[named != ""].str.casefold().map(canonical).dropna()
    joined = actions.loc[named.index].assign(theme=named.to_numpy())
    joined = joined.reset_index(drop=True)
    for column in ANSWER_COLUMNS:
        if column not in joined.columns:
            joined[column] = ""
    return joined.drop_duplicates(["theme", "action_id"])[ANSWER_COLUMNS].reset_index(drop=True)


def answers_by_theme(themes: pd.DataFrame, responses: pd.DataFrame) -> pd.DataFrame:
    """The answering actions of each theme raised in the period, in the themes' order.

    `themes` is the feedback section's table (largest first, suppression-safe order); only
    themes raised in the period (`period_actual` above 0) are kept. Within a theme, open
    actions come before completed ones, then by action id.
    """
    raised = themes.loc[themes["period_actual"] > 0, "theme"].tolist()
    chosen = responses[responses["theme"].isin(raised)].copy()
    chosen["theme_order"] = chosen["theme"].map({t: i for i, t in enumerate(raised)})
    chosen["completed"] = chosen["rag"] == "blue"
    chosen = chosen.sort_values(["theme_order", "completed", "action_id"], kind="stable")
    return chosen[ANSWER_COLUMNS].reset_index(drop=True)


def unanswered_themes(themes: pd.DataFrame, answers: pd.DataFrame, how_many: int) -> list[str]:
    """Of the `how_many` most raised themes, those no open or completed action answers.

    Every action on the current plan is either open or completed (blue), so a theme is
    unanswered when no action on the plan names it.
    """
    most_raised = top_themes(themes, how_many)
    answered = set(answers["theme"])
    return [theme for theme in most_raised if theme not in answered]


def you_said_status(meeting: Meeting, feedback: FeedbackStatus) -> YouSaidStatus:
    """'You said, we did' at a meeting, from its action plan and the feedback section's themes."""
    codebook = meeting.data.codebook
    checked = max(meeting.config.top_themes, FLAG_AT_LEAST)
    responses = responding_actions(meeting.actions.table, codebook.ids)
    answers = answers_by_theme(feedback.themes, responses)
    raised = feedback.themes[feedback.themes["period_actual"] > 0].reset_index(drop=True)
    return YouSaidStatus(
        config=meeting.config,
        meeting_date=meeting.date,
        previous_date=meeting.previous_date,
        themes=raised[["theme", "name", "period", "period_actual"]],
        answers=answers,
        unanswered=unanswered_themes(feedback.themes, answers, checked),
        checked=checked,
    )


def you_said_figures(status: YouSaidStatus) -> dict[str, object]:
    """figures.json's keys: `feedback.you_said.<theme>.actions` (answering actions of each
    theme raised in the period) and `feedback.unanswered` (ids of the most raised themes with
    none)."""
    counts = status.answers.groupby("theme")["action_id"].nunique()
    figures: dict[str, object] = {
        f"feedback.you_said.{theme}.actions": int(counts.get(theme, 0))
        for theme in status.themes["theme"]
    }
    figures["feedback.unanswered"] = list(status.unanswered)
    return figures


def comments_by_who(meeting: Meeting) -> pd.Series:
    """The period's comments by respondent group (parent, carer ...), small numbers hidden.

    Suppressed beside their total, the period's count of comments the briefing shows: a group's
    count is <NA> when it is small, or when it and the total would give a small one away.
    """
    period = in_period(meeting.feedback, meeting.previous_date, meeting.date)
    counts = period["respondent"].value_counts().reindex(list(RESPONDENTS), fill_value=0)
    return suppress_counts(counts.astype("int64"), meeting.config.suppression_threshold)


# The rules behind `you_said_figures`, in the words of docs/counting-rules.md.
ANSWERS_RULE = Rule(
    "feedback.you_said.<theme>.actions",
    "Actions in the meeting's snapshot whose responds_to names the theme, for each theme "
    "raised in the period; nothing is inferred from titles or areas.",
    COUNT,
)
UNANSWERED_RULE = Rule(
    "feedback.unanswered",
    "Of the most raised themes of the period (at least five, or top_themes when larger), those "
    "that no action in the snapshot names in responds_to, open or complete.",
    IDS,
)
YOU_SAID_RULES = (ANSWERS_RULE, UNANSWERED_RULE)


def you_said_trace(meeting: Meeting, status: YouSaidStatus) -> list[Trace]:
    """A `Trace` for every key of `you_said_figures`: answering actions, unanswered themes."""
    figures = you_said_figures(status)
    snapshot = meeting.actions
    found = []
    for theme in status.themes["theme"]:
        ids = status.answers.loc[status.answers["theme"] == theme, "action_id"].drop_duplicates()
        rows = rows_by_id(
            snapshot.table, snapshot.file, "action_id", list(ids), ["responds_to", "rag"]
        )
        key = f"feedback.you_said.{theme}.actions"
        found.append(Trace(key, figures[key], ANSWERS_RULE, tuple(rows)))
    unanswered = tuple(
        SourceRow("themes.yml", None, theme, {"answering_actions": 0})
        for theme in status.unanswered
    )
    found.append(
        Trace(
            "feedback.unanswered",
            figures["feedback.unanswered"],
            UNANSWERED_RULE,
            unanswered,
            settings={"themes_checked": status.checked},
        )
    )
    return found
