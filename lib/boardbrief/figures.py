"""The headline figures a briefing shows, as flat keys, handed from the notebook to the runner.

The notebook publishes them as a display output of their own mimetype; the runner reads that
output from the executed notebook and writes `figures.json`, so the file holds exactly the numbers
the board saw, computed once.
"""

from __future__ import annotations

import json
from typing import Any

from boardbrief import feedback, funding
from boardbrief.actions import ActionPlanStatus
from boardbrief.meeting import Meeting

FIGURES_MIMETYPE = "application/vnd.boardbrief.figures+json"

Figures = dict[str, str | int | float | None]
MOVEMENT_FIGURES = ("improved", "declined", "new", "removed")


def briefing_figures(meeting: Meeting, plan: ActionPlanStatus) -> Figures:
    """Every headline figure of the briefing, keyed `section.name` (money in pounds).

    Movement figures are None at a board's first meeting: there is nothing to compare with.
    Counts of comments are None where the briefing hides them as small numbers.
    """
    table = meeting.actions.table
    moved = plan.movement_counts
    period = feedback.in_period(meeting.feedback, meeting.previous_date, meeting.date)
    totals = funding.register_totals(meeting.funding.table)
    threshold = meeting.config.suppression_threshold
    comments = feedback.comment_totals(period, meeting.feedback, threshold)
    figures: Figures = {
        "meeting.date": meeting.date.isoformat(),
        "meeting.previous_date": meeting.previous_date.isoformat()
        if meeting.previous_date
        else None,
        "data.actions_as_at": meeting.actions.date.isoformat(),
        "data.funding_as_at": meeting.funding.date.isoformat(),
        "overall.rag": plan.overall_rag,
        "actions.total": len(table),
        "actions.open": plan.open_count,
        **{f"actions.rag.{rag}": n for rag, n in plan.totals.items()},
        "actions.overdue": len(plan.overdue),
        "actions.stale": len(plan.stale),
        "actions.stuck": len(plan.stuck),
        **{f"actions.{kind}": moved[kind] if moved else None for kind in MOVEMENT_FIGURES},
        "feedback.total.comments": comments["to_date"],
        "feedback.period.comments": comments["period"],
        "funding.committed_gbp": pounds(totals["committed_pence"]),
        "funding.spent_gbp": pounds(totals["spent_pence"]),
        "funding.lines": len(meeting.funding.table),
    }
    if plan.assessed_overall_rag:
        figures["overall.assessed_rag"] = plan.assessed_overall_rag
    for area in plan.areas.itertuples():
        figures[f"areas.{area.priority_area}.rag"] = area.derived_rag
        if area.assessed_rag:
            figures[f"areas.{area.priority_area}.assessed_rag"] = area.assessed_rag
    return dict(sorted(figures.items()))


def pounds(pence: int) -> float:
    """Pence as pounds for JSON: exact to the penny when printed."""
    return round(pence / 100, 2)


def publish_figures(meeting: Meeting, plan: ActionPlanStatus) -> None:
    """Show the figures as a hidden output that the runner collects into figures.json."""
    from IPython.display import display

    display({FIGURES_MIMETYPE: briefing_figures(meeting, plan)}, raw=True)


def figures_from_notebook(notebook: Any) -> Figures:
    """The figures a notebook published, from its executed outputs.

    Raises
    ------
    LookupError
        When the notebook published none, or more than once.
    """
    found = [
        output["data"][FIGURES_MIMETYPE]
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if FIGURES_MIMETYPE in output.get("data", {})
    ]
    if len(found) != 1:
        raise LookupError(f"the notebook must publish its figures once; it did {len(found)} times")
    return dict(found[0])


def figures_json(figures: Figures) -> str:
    """figures.json's text: sorted keys, one per line, stable across runs."""
    return json.dumps(figures, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
