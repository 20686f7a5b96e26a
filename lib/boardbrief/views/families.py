"""The page for families, 'What you told us and what we are doing', in plain English.

Built from the same status objects as the board's briefing (the feedback section's suppressed
counts and screened quotes, and 'You said, we did'), so the two never disagree. It shows no
action ids, organisation codes, money, officer commentary or rating colours: progress is
"done", "on track", "a little behind" or "behind", and dates are written out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from boardbrief.formatting import count, long_date, plural
from boardbrief.present import Html, render_block
from boardbrief.sections.feedback import FeedbackStatus, Quote
from boardbrief.sections.you_said import ACTIONS_PER_THEME, YouSaidStatus
from boardbrief.views.wording import and_list, first_upper

PAGE_TITLE = "What you told us and what we are doing"
PROGRESS_WORDS = {
    "blue": "Done",
    "green": "On track",
    "amber": "A little behind",
    "red": "Behind",
}
WHO = {
    "parent": "parents",
    "carer": "carers",
    "young person": "young people",
    "professional": "people who work with children",
    "other": "other people",
}


@dataclass(frozen=True)
class FamilyAction:
    """One action as a family reads it: what, who leads it, how far it has got, by when."""

    title: str
    lead: str
    progress: str
    when: str


@dataclass(frozen=True)
class FamilyTheme:
    """One thing families raised: how often, what is being done, and in their own words."""

    theme: str
    name: str
    how_often: str
    actions: list[FamilyAction]
    more: str | None
    no_action: str | None
    quotes: list[Quote]


def family_page(
    voices: FeedbackStatus, said: YouSaidStatus, who: pd.Series, board: str, sample: bool
) -> Html:
    """The whole page for families, as one self-contained HTML document.

    `who` is the period's comments by respondent group as `sections.you_said.comments_by_who`
    gives them (small numbers hidden).
    """
    threshold = voices.config.suppression_threshold
    return render_block(
        "families.html.j2",
        title=PAGE_TITLE,
        board=board,
        meeting=long_date(said.meeting_date),
        intro=intro_paragraphs(said),
        heard=heard_paragraphs(voices, said, who),
        themes=family_themes(voices, said),
        about=about_paragraphs(said, threshold, sample),
        who_phrase=who_phrase,
    )


def intro_paragraphs(said: YouSaidStatus) -> list[str]:
    """What the page is, for a parent who has never seen it."""
    return [
        "Parents, carers and young people tell us what it is like to get help for children "
        "with special needs. We read every comment.",
        f"This page shows what you told us before the board met on {long_date(said.meeting_date)}"
        ", and what we are doing about it.",
    ]


def heard_paragraphs(voices: FeedbackStatus, said: YouSaidStatus, who: pd.Series) -> list[str]:
    """How many comments, over what time, and who sent them (small numbers never shown)."""
    threshold = voices.config.suppression_threshold
    since = (
        f"Between {long_date(said.previous_date + dt.timedelta(days=1))} and "
        f"{long_date(said.meeting_date)}"
        if said.previous_date
        else f"Up to {long_date(said.meeting_date)}"
    )
    total = voices.totals["period"]
    if total is None:
        return [f"{since}, a few of you wrote to us. We do not say how many when it is less "
                f"than {threshold}, so that no one can be picked out."]  # fmt: skip
    if total == 0:
        return [f"{since}, we did not hear from anyone."]
    paragraphs = [f"{since}, you sent us {count(total)} comments."]
    shown = [f"{WHO[group]} sent {count(int(n))}" for group, n in who.items() if pd.notna(n) and n]
    hidden = [WHO[group] for group, n in who.items() if pd.isna(n)]
    if shown:
        paragraphs.append(f"{first_upper(and_list(shown))}.")
    if hidden:
        paragraphs.append(
            f"Some came from {and_list(hidden)}. We do not give numbers under {threshold}, so "
            "that no one can be picked out."
        )
    return paragraphs


def family_themes(voices: FeedbackStatus, said: YouSaidStatus) -> list[FamilyTheme]:
    """Each theme raised, most raised first, with what is being done and in people's words."""
    threshold = voices.config.suppression_threshold
    owners = {o.id: o.name for o in voices.config.organisations}
    themes = []
    for theme in said.themes.itertuples():
        answering = said.answers[said.answers["theme"] == theme.theme]
        actions = [
            FamilyAction(
                title=action.title,
                lead=owners.get(action.owner, "one of our partners"),
                progress=PROGRESS_WORDS[action.rag],
                when=_when(action.rag, action.due_date, said.meeting_date),
            )
            for action in answering.head(ACTIONS_PER_THEME).itertuples()
        ]
        themes.append(
            FamilyTheme(
                theme=theme.theme,
                name=theme.name,
                how_often=_how_often(theme.period, threshold),
                actions=actions,
                more=_more(len(answering)),
                no_action=None
                if actions
                else "We have not agreed an action on this yet. We will tell you when we do.",
                quotes=[q for q in voices.quotes if q.theme == theme.theme],
            )
        )
    return themes


def about_paragraphs(said: YouSaidStatus, threshold: int, sample: bool) -> list[str]:
    """Where the page comes from, and what it leaves out and why."""
    paragraphs = [
        f"This page uses the same facts as the report the board read on "
        f"{long_date(said.meeting_date)}.",
        f"We do not give numbers under {threshold}, so that no one can be picked out. We only "
        "use your words if you said we could, and we take out names and other details.",
    ]
    if sample:
        paragraphs.append("The facts on this page are made up. They show how the page will look.")
    return paragraphs


def who_phrase(quote: Quote) -> str:
    """Who said it and when, loosely: 'A parent, October 2026'."""
    person = {"young person": "A young person", "other": "Someone"}.get(
        quote.respondent, f"A {quote.respondent}"
    )
    return f"{person}, {quote.date:%B %Y}"


def _more(actions: int) -> str | None:
    if actions <= ACTIONS_PER_THEME:
        return None
    return f"We are also doing {plural(actions - ACTIONS_PER_THEME, 'other thing')} about this."


def _how_often(period: object, threshold: int) -> str:
    if pd.isna(period):
        return f"Fewer than {threshold} comments"
    return f"{count(int(period))} comments" if int(period) != 1 else "1 comment"


def _when(rag: str, due: pd.Timestamp, meeting: dt.date) -> str:
    if rag == "blue" or pd.isna(due):
        return ""
    if due.date() < meeting:
        return f"It was due by {long_date(due.date())} and is not finished yet"
    return f"Due by {long_date(due.date())}"
