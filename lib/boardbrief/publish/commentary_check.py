"""The commentary's typed numbers checked against the meeting's figures, for render and validate.

`render` checks against the figures its notebook published (figures.json's); `validate`, which
runs no notebook, computes the same figures in its own process with the same functions.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from boardbrief.contract.commentary_numbers import commentary_numbers, unmatched_numbers
from boardbrief.contract.load import BoardData
from boardbrief.contract.meeting import Meeting, missing_data, select_meeting
from boardbrief.publish.figures import Figures, briefing_figures

log = logging.getLogger(__name__)


def computed_figures(meeting: Meeting) -> Figures:
    """The meeting's headline figures, computed as the notebook computes them."""
    from boardbrief.sections.action_plan import action_plan_status
    from boardbrief.sections.feedback import feedback_status
    from boardbrief.sections.funding import funding_status
    from boardbrief.sections.impact import impact_status
    from boardbrief.sections.risks import risk_status
    from boardbrief.sections.scorecard import scorecard_status

    plan = action_plan_status(meeting)
    outcomes = scorecard_status(meeting)
    return briefing_figures(
        meeting,
        plan,
        feedback_status(meeting),
        funding_status(meeting),
        impact_status(meeting),
        outcomes,
        risk_status(meeting, plan, outcomes),
    )


def commentary_warnings(meeting: Meeting, figures: Mapping[str, object]) -> list[str]:
    """One warning line per number in the meeting's commentary that no figure matches."""
    return [found.warning() for found in unmatched_numbers(meeting.commentary, figures)]


def warn_about_commentary(meeting: Meeting, figures: Mapping[str, object]) -> None:
    """Log a warning for each typed number no figure matches (render prints them on stderr)."""
    for warning in commentary_warnings(meeting, figures):
        log.warning("warning: %s", warning)


def latest_commentary_warnings(data: BoardData) -> list[str]:
    """The warnings for the latest meeting that has a commentary, as `validate` prints them.

    Only the latest: computing a meeting's figures costs about as much as the rest of
    `validate`, and the latest commentary is the one about to go to the board.
    """
    meetings = [
        m for m in data.config.meetings if m in data.commentary and not missing_data(data, m)
    ]
    if not meetings:
        return []
    latest = max(meetings)
    if not commentary_numbers(data.commentary[latest]):
        return []  # nothing typed to check: no need to compute the figures
    meeting = select_meeting(data, latest.isoformat())
    return commentary_warnings(meeting, computed_figures(meeting))
