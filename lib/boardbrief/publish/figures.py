"""The headline figures a briefing shows, as flat keys, handed from the notebook to the runner.

The notebook publishes them as a display output of their own mimetype; the runner reads that
output from the executed notebook and writes `figures.json`, so the file holds exactly the numbers
the board saw, computed once.
"""

from __future__ import annotations

import json
from typing import Any

from boardbrief.contract.inputs import input_records
from boardbrief.contract.meeting import Meeting
from boardbrief.sections.action_plan import ActionPlanStatus, action_plan_figures
from boardbrief.sections.feedback import FeedbackStatus, feedback_figures
from boardbrief.sections.funding import FundingStatus, funding_figures
from boardbrief.sections.impact import ImpactStatus, impact_figures
from boardbrief.sections.risks import RiskStatus, risk_figures
from boardbrief.sections.scorecard import ScorecardStatus, scorecard_figures
from boardbrief.sections.you_said import you_said_figures, you_said_status

FIGURES_MIMETYPE = "application/vnd.boardbrief.figures+json"
INPUTS_MIMETYPE = "application/vnd.boardbrief.inputs+json"

Figures = dict[str, str | int | float | list[str] | None]


def briefing_figures(
    meeting: Meeting,
    plan: ActionPlanStatus,
    voices: FeedbackStatus,
    funds: FundingStatus,
    impact: ImpactStatus,
    outcomes: ScorecardStatus | None = None,
    risks: RiskStatus | None = None,
) -> Figures:
    """Every headline figure of the briefing, keyed `section.name`, sorted by key.

    Each section contributes its own keys; see its `*_figures` function for their meaning.
    """
    figures: Figures = {
        **meeting_figures(meeting),
        **action_plan_figures(plan),
        **feedback_figures(voices),
        **funding_figures(funds),
        **impact_figures(impact),
        **you_said_figures(you_said_status(meeting, voices)),
        **scorecard_figures(outcomes),
        **risk_figures(risks),
    }
    return dict(sorted(figures.items()))


def meeting_figures(meeting: Meeting) -> Figures:
    """Which meeting, compared with which, and the dates the data is as at."""
    previous = meeting.previous_date
    return {
        "meeting.date": meeting.date.isoformat(),
        "meeting.previous_date": previous.isoformat() if previous else None,
        "data.actions_as_at": meeting.actions.date.isoformat(),
        "data.funding_as_at": meeting.funding.date.isoformat(),
        "board.asks": len(meeting.commentary.asks) if meeting.commentary else 0,
    }


def publish_figures(
    meeting: Meeting,
    plan: ActionPlanStatus,
    voices: FeedbackStatus,
    funds: FundingStatus,
    impact: ImpactStatus,
    outcomes: ScorecardStatus | None = None,
    risks: RiskStatus | None = None,
) -> None:
    """Show the figures, and the input files read, as a hidden output the runner collects.

    The runner writes the figures to figures.json and the inputs to run.json, so both record
    exactly what this run of the notebook computed and read.
    """
    from IPython.display import display

    data = meeting.data
    display(
        {
            FIGURES_MIMETYPE: briefing_figures(
                meeting, plan, voices, funds, impact, outcomes, risks
            ),
            INPUTS_MIMETYPE: input_records(data.data_dir, data.files_read),
        },
        raw=True,
    )


def figures_from_notebook(notebook: Any) -> Figures:
    """The figures a notebook published, from its executed outputs."""
    return dict(published(notebook, FIGURES_MIMETYPE))


def inputs_from_notebook(notebook: Any) -> list[dict[str, object]]:
    """The input files (path, bytes, sha256) the notebook read, from its executed outputs."""
    return list(published(notebook, INPUTS_MIMETYPE))


def published(notebook: Any, mimetype: str) -> Any:
    """The one output of `mimetype` in an executed notebook.

    Raises
    ------
    LookupError
        When the notebook published none, or more than one.
    """
    found = [
        output["data"][mimetype]
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if mimetype in output.get("data", {})
    ]
    if len(found) != 1:
        raise LookupError(f"the notebook must publish {mimetype} once; it did {len(found)} times")
    return found[0]


def figures_json(figures: Figures) -> str:
    """figures.json's text: sorted keys, one per line, stable across runs."""
    return json.dumps(figures, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
