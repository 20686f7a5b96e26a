"""The front sheet: what the board is asked to do, whether things are better, what is at risk
and what is late, in the order a chair reads a paper."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from boardbrief.contract.meeting import Meeting
from boardbrief.ratings import RAG_RANK
from boardbrief.sections.action_plan import ActionPlanStatus, overall_rating
from boardbrief.sections.risks import RiskStatus

TOP_RISKS = 3
LATE_COLUMNS = ["action_id", "title", "owner_name", "due_date", "days_overdue", "revised_due_date"]


def rating_movement(now: str, before: str | None) -> str | None:
    """'better', 'worse' or 'the same' (red < amber < green < complete); None at a first."""
    if before is None:
        return None
    if RAG_RANK[now] == RAG_RANK[before]:
        return "the same"
    return "better" if RAG_RANK[now] > RAG_RANK[before] else "worse"


def late_actions(plan: ActionPlanStatus, snapshot: pd.DataFrame) -> pd.DataFrame:
    """Overdue actions, most overdue first, with the owner's name and any revised due date.

    `revised_due_date` is NaT where the tracker gives none (or has no such column).
    """
    names = {o.id: o.name for o in plan.config.organisations}
    late = plan.overdue.assign(owner_name=plan.overdue["owner"].map(names))
    if "revised_due_date" in snapshot.columns:
        revised = snapshot.set_index("action_id")["revised_due_date"]
        late["revised_due_date"] = late["action_id"].map(revised)
    else:
        late["revised_due_date"] = pd.NaT
    late["revised_due_date"] = pd.to_datetime(late["revised_due_date"])
    return late[LATE_COLUMNS].reset_index(drop=True)


@dataclass(frozen=True)
class FrontSheet:
    """The first page of the paper, computed once."""

    board: str
    meeting_date: dt.date
    previous_date: dt.date | None
    asks: tuple[str, ...]
    rating: str
    assessed: bool  # the rating is the lead officer's assessment, not the rule's
    previous_rating: str | None
    late: pd.DataFrame
    top_risks: pd.DataFrame | None  # None for a board without a risk register
    not_on_register: int

    @property
    def movement(self) -> str | None:
        return rating_movement(self.rating, self.previous_rating)


def front_sheet(
    meeting: Meeting, plan: ActionPlanStatus, risks: RiskStatus | None = None
) -> FrontSheet:
    """The front sheet's content for a meeting.

    The overall rating compares like with like: the lead officer's assessment with the previous
    meeting's assessment when both exist, otherwise the rule's rating at each meeting.
    """
    commentary = meeting.commentary
    previous_commentary = (
        meeting.data.commentary.get(meeting.previous_date) if meeting.previous_date else None
    )
    assessed_now = commentary.overall_rag if commentary else None
    assessed_before = previous_commentary.overall_rag if previous_commentary else None
    derived_before = (
        overall_rating(meeting.previous_actions.table, plan.rule)
        if meeting.previous_actions is not None
        else None
    )
    if assessed_now and (assessed_before or meeting.previous_date is None):
        rating, before, assessed = assessed_now, assessed_before, True
    else:
        rating, before, assessed = plan.overall_rag, derived_before, False
    return FrontSheet(
        board=meeting.config.board,
        meeting_date=meeting.date,
        previous_date=meeting.previous_date,
        asks=commentary.asks if commentary else (),
        rating=rating,
        assessed=assessed,
        previous_rating=before,
        late=late_actions(plan, meeting.actions.table),
        top_risks=_with_owner_names(risks.top(TOP_RISKS), meeting) if risks is not None else None,
        not_on_register=len(risks.not_on_register) if risks is not None else 0,
    )


def _with_owner_names(risks: pd.DataFrame, meeting: Meeting) -> pd.DataFrame:
    names = {o.id: o.name for o in meeting.config.organisations}
    return risks.assign(owner_name=risks["owner"].map(names))
