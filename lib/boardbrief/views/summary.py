"""The summary panel: three to five key messages a board member reads before anything else.

Each message is drawn from a section's own plain-English sentences, so the summary can never say
something the section below it does not, and links to that section.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from boardbrief.formatting import count, gbp_short, lower_first, percent, plural
from boardbrief.present import Html, render_block, slug
from boardbrief.sections.action_plan import ActionPlanStatus
from boardbrief.sections.feedback import FeedbackStatus
from boardbrief.sections.funding import FundingStatus
from boardbrief.sections.impact import ImpactStatus, can_lead, is_stale
from boardbrief.sections.scorecard import ScorecardStatus
from boardbrief.sections.you_said import YouSaidStatus
from boardbrief.views import action_plan, feedback, funding, impact, scorecard
from boardbrief.views.wording import agree
from boardbrief.views.you_said import unanswered_sentence

# The notebook's section headings, whose ids the messages link to.
SECTIONS = {
    "actions": "Action plan",
    "feedback": "What families are telling us",
    "funding": "Investment by partners",
    "impact": "Impact: what the published statistics show",
    "scorecard": "Impact scorecard: are outcomes improving?",
}
MAX_MESSAGES = 5


@dataclass(frozen=True)
class KeyMessage:
    """One message: a short headline, the sentences behind it and the section that says more."""

    headline: str
    detail: str
    section: str
    rag: str | None = None

    @property
    def href(self) -> str:
        return "#" + slug(SECTIONS[self.section])


def key_messages(
    plan: ActionPlanStatus,
    voices: FeedbackStatus,
    funds: FundingStatus,
    impact_status: ImpactStatus,
    said: YouSaidStatus | None = None,
    outcomes: ScorecardStatus | None = None,
) -> Html:
    """The summary panel: the key messages as a numbered list, each linking to its section."""
    return render_block(
        "key_messages.html.j2",
        messages=messages(plan, voices, funds, impact_status, said, outcomes),
        sections=SECTIONS,
    )


def messages(
    plan: ActionPlanStatus,
    voices: FeedbackStatus,
    funds: FundingStatus,
    impact_status: ImpactStatus,
    said: YouSaidStatus | None = None,
    outcomes: ScorecardStatus | None = None,
) -> list[KeyMessage]:
    """Three to five messages: the plan's rating, its delivery, families, money, impact.

    With `said`, the families' message also names the most raised themes no action answers.
    With a scorecard, its message comes first (impact before activity) and the published
    statistics' message is left out when it would make more than five.
    """
    families = _feedback_message(voices)
    if said is not None and said.unanswered:
        families = unanswered_message(families, said)
    found = [*_plan_messages(plan), families, _funding_message(funds)]
    if outcomes is not None:
        found.insert(0, _scorecard_message(outcomes))
    if len(found) < MAX_MESSAGES:
        found.append(_impact_message(impact_status, plan.meeting_date))
    return [m for m in found if m is not None]


def _scorecard_message(outcomes: ScorecardStatus) -> KeyMessage:
    counts = outcomes.counts
    rated = counts["green"] + counts["amber"] + counts["red"]
    headline = "Impact: local outcome measures against their trajectories"
    if rated:
        headline = (
            f"Impact: {counts['green']} of {plural(rated, 'measure')} on or ahead of trajectory, "
            f"{counts['red']} behind"
        )
    detail = [scorecard.rating_sentence(outcomes)]
    flagged = [a for a in outcomes.areas if a.flag]
    if flagged:
        detail.append(scorecard.activity_sentence(outcomes))
    late = scorecard.late_sentence(outcomes)
    if late:
        detail.append(late)
    return KeyMessage(headline=headline, detail=" ".join(detail), section="scorecard")


def _plan_messages(plan: ActionPlanStatus) -> list[KeyMessage]:
    sentences = action_plan.summary_sentences(plan)
    rating = plan.assessed_overall_rag or plan.overall_rag
    moved = plan.movement_counts
    first = [sentences[0]] + ([sentences[1]] if moved is not None else [])
    late = len(plan.overdue)
    delivery = (
        f"{count(late)} of {plural(plan.open_count, 'open action')} "
        f"{agree(late, 'is', 'are')} overdue"
        if plan.open_count
        else "No action is open"
    )
    return [
        KeyMessage(
            headline="Overall rating of the action plan:",
            detail=" ".join(first),
            section="actions",
            rag=rating,
        ),
        KeyMessage(
            headline=delivery,
            detail=" ".join(  # overdue, stuck and not updated; ratings that do not add up
                s for s in (sentences[len(first)], action_plan.consistency_sentence(plan)) if s
            ),
            section="actions",
        ),
    ]


def _feedback_message(voices: FeedbackStatus) -> KeyMessage:
    top = voices.themes[voices.themes["theme"].isin(voices.top_themes[:1])]
    threshold = voices.config.suppression_threshold
    if top.empty:
        headline = "Families' feedback this period"
    elif pd.isna(top.iloc[0]["period"]):  # hidden counts are not ranked, so nothing is "most"
        headline = f"No theme was raised in {threshold} or more comments this period"
    else:
        headline = f"Families most often raised {lower_first(top.iloc[0]['name'])}"
    detail = feedback.count_sentence(voices)
    movement = feedback.movement_sentence(voices)
    return KeyMessage(
        headline=headline,
        detail=f"{detail} {movement}" if movement else detail,
        section="feedback",
    )


def _funding_message(funds: FundingStatus) -> KeyMessage:
    totals = funds.totals
    headline = f"{gbp_short(totals['committed_pence'])} committed by partners"
    if totals["spend_rate"] is not None:
        headline += f", {percent(totals['spend_rate'])} of it spent"
    sentences = funding.summary_sentences(funds)
    detail = funding.flagged_sentence(funds) if funds.district_committed_pence else sentences[-1]
    return KeyMessage(headline=headline, detail=detail, section="funding")


def _impact_message(status: ImpactStatus, meeting_date: dt.date) -> KeyMessage | None:
    """The first published figure a chair can trust: never one flagged "check this figure" or
    more than twelve months older than the meeting (those stay in their section, flagged)."""
    if not status.configured:
        return None
    for measure in status.measures:
        if can_lead(measure, meeting_date):
            return KeyMessage(
                headline=f"Published statistics: {lower_first(measure.measure.label)}",
                detail=impact.measure_sentence(status, measure),
                section="impact",
            )
    waits = status.waiting_lists
    if waits is not None and not is_stale(waits.month, meeting_date):
        return KeyMessage(
            headline="Published statistics: children waiting for community health services",
            detail=impact.waiting_sentence(status),
            section="impact",
        )
    return None


def unanswered_message(message: KeyMessage, said: YouSaidStatus) -> KeyMessage:
    """The families' message with the most raised themes no action answers added to it."""
    return KeyMessage(
        headline=message.headline,
        detail=f"{message.detail} {unanswered_sentence(said)}",
        section=message.section,
        rag=message.rag,
    )
