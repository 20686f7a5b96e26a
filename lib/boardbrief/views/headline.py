"""The title block and the lead officer's commentary."""

from __future__ import annotations

from markupsafe import Markup

from boardbrief.contract.fingerprint import meeting_fingerprint
from boardbrief.contract.inputs import short_fingerprint
from boardbrief.contract.meeting import Meeting
from boardbrief.formatting import long_date
from boardbrief.present import Html, render_block
from boardbrief.sections import action_plan


def headline(meeting: Meeting) -> Html:
    """Title block: board, meeting, the dates the data is as at, the rating, the fingerprint."""
    config = meeting.config
    latest_comment = meeting.feedback["date"].max()
    commentary = meeting.commentary
    return render_block(
        "headline.html.j2",
        sample=config.sample,
        area=config.area,
        board=config.board,
        meeting_date=long_date(meeting.date),
        derived_rag=action_plan.overall_rating(meeting.actions.table, config.rag_rule.rule()),
        assessed_rag=commentary.overall_rag if commentary else None,
        actions_as_at=long_date(meeting.actions.date),
        funding_as_at=long_date(meeting.funding.date),
        feedback_up_to=(
            long_date(latest_comment.date()) if len(meeting.feedback) else "no comments yet"
        ),
        compared_with=(
            f"the meeting of {long_date(meeting.previous_date)}"
            if meeting.previous_date
            else "nothing: this is the board's first meeting"
        ),
        fingerprint=short_fingerprint(meeting_fingerprint(meeting)),
    )


def officer_commentary(meeting: Meeting) -> Html | None:
    """The lead officer's narrative for this meeting, or nothing (None) when there is none."""
    if meeting.commentary is None or not meeting.commentary.body.strip():
        return None
    return render_block(
        "commentary.html.j2",
        body=Markup(meeting.commentary.body_html()),
    )
