"""One priority area in depth: its ratings over time, every action, its measures, money, themes.

The area page holds everything about one area at a meeting, for the board and the area's lead
(and for a monitoring visit): not the most pressing actions but all of them. Every figure comes
from the same functions the briefing uses, so the two never disagree: an area's ratings are
`action_plan.rag_counts_by_area`'s, its flags are `action_plan`'s overdue, stuck and stale lists,
its measures are the scorecard's, and its theme counts are the feedback section's, suppressed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from boardbrief.contract.board_config import BoardConfig
from boardbrief.contract.codebook import Codebook, code_comments
from boardbrief.contract.commentary import Commentary
from boardbrief.contract.load import Snapshot
from boardbrief.contract.meeting import Meeting
from boardbrief.contract.problems import DataError, Problem
from boardbrief.contract.reuse import once_per_meeting
from boardbrief.ratings import RAG_ORDER, RagRule
from boardbrief.sections.action_plan import (
    overdue_actions,
    rag_counts_by_area,
    rag_totals,
    snapshots_up_to,
    stale_actions,
    stuck_actions,
)
from boardbrief.sections.feedback import (
    district_totals,
    in_period,
    previous_period_start,
    theme_counts,
    theme_trend,
)
from boardbrief.sections.funding import (
    investment_by_kind,
    investment_by_organisation,
    register_totals,
    spend_over_time,
)
from boardbrief.sections.scorecard import AreaImpact, ScorecardStatus, scorecard_status
from boardbrief.sections.you_said import responding_actions

# Why a theme is on an area's page.
IN_CODEBOOK = "codebook"  # themes.yml gives the theme this priority area
ANSWERED = "actions"  # an action of this area names the theme in `responds_to`


def as_at_meetings(
    snapshots: dict[dt.date, Snapshot], meetings: Sequence[dt.date]
) -> list[tuple[dt.date, dt.date]]:
    """Each meeting with the snapshot it used (the latest on or before it); meetings with none
    are left out."""
    used = []
    for meeting in meetings:
        earlier = [d for d in snapshots if d <= meeting]
        if earlier:
            used.append((meeting, max(earlier)))
    return used


def area_ratings_over_time(
    snapshots: dict[dt.date, Snapshot],
    meetings: Sequence[dt.date],
    config: BoardConfig,
    rule: RagRule,
    commentary: dict[dt.date, Commentary],
    area: str,
) -> pd.DataFrame:
    """The area's actions by rating, its derived rating and the officer's assessment, per meeting.

    Each meeting uses the snapshot it was briefed on. Columns: `meeting`, `snapshot_date`, one
    count per rating in `RAG_ORDER`, `total`, `derived_rag`, `assessed_rag` (None where the
    meeting's commentary gives none).
    """
    rows = []
    for meeting, used in as_at_meetings(snapshots, meetings):
        counts = rag_counts_by_area(snapshots[used].table, config, rule)
        row = counts.set_index("priority_area").loc[area]
        notes = commentary.get(meeting)
        rows.append(
            {
                "meeting": meeting,
                "snapshot_date": used,
                **{rag: int(row[rag]) for rag in RAG_ORDER},
                "total": int(row["total"]),
                "derived_rag": str(row["derived_rag"]),
                "assessed_rag": notes.area_rag.get(area) if notes else None,
            }
        )
    columns = ["meeting", "snapshot_date", *RAG_ORDER, "total", "derived_rag", "assessed_rag"]
    frame = pd.DataFrame(rows, columns=columns)
    assessed = frame["assessed_rag"].astype(object)
    frame["assessed_rag"] = assessed.where(assessed.notna(), None)  # None, not NaN
    return frame


def action_histories(
    snapshots: dict[dt.date, Snapshot], meetings: Sequence[dt.date], action_ids: Sequence[str]
) -> pd.DataFrame:
    """Each action's rating at every meeting so far: one row per action, one column per meeting.

    A cell is None where the action was not in the snapshot that meeting used (it was added
    later). The index is `action_id`, in the order given; the columns are the meetings' dates.
    """
    columns = {}
    for meeting, used in as_at_meetings(snapshots, meetings):
        ratings = snapshots[used].table.set_index("action_id")["rag"]
        columns[meeting] = [ratings.get(action_id) for action_id in action_ids]
    frame = pd.DataFrame(columns, index=pd.Index(list(action_ids), name="action_id"), dtype=object)
    return frame.where(frame.notna(), None)


def flagged_actions(
    actions: pd.DataFrame,
    history: Sequence[Snapshot],
    meeting_date: dt.date,
    config: BoardConfig,
) -> pd.DataFrame:
    """The actions with the briefing's flags: overdue, stuck and not updated.

    Adds `days_overdue` (overdue actions), `stuck_snapshots` and `stuck_since` (actions on the
    same red or amber rating for `stuck_after_snapshots` or more in a row) and
    `days_since_update` (actions not updated for more than `stale_after_days`), each <NA> or
    NaT where the flag does not apply. The lists are the briefing's, so the flags agree with it.
    """
    overdue = overdue_actions(actions, meeting_date)[["action_id", "days_overdue"]]
    stuck = stuck_actions(history, meeting_date, config.stuck_after_snapshots)
    stuck = stuck[["action_id", "snapshots", "since"]].rename(
        columns={"snapshots": "stuck_snapshots", "since": "stuck_since"}
    )
    stale = stale_actions(actions, meeting_date, config.stale_after_days)
    flagged = (
        actions.merge(overdue, on="action_id", how="left")
        .merge(stuck, on="action_id", how="left")
        .merge(stale[["action_id", "days_since_update"]], on="action_id", how="left")
    )
    for column in ("days_overdue", "stuck_snapshots", "days_since_update"):
        flagged[column] = flagged[column].astype("Int64")
    return flagged


def linked_themes(
    codebook: Codebook, actions: pd.DataFrame, area: str
) -> tuple[list[str], dict[str, list[str]]]:
    """The themes linked to an area and the area's actions answering each.

    A theme is linked when themes.yml gives it the area, or when one of the area's actions names
    it in `responds_to`. Returns the theme ids (codebook order) and, per theme, the ids of the
    area's actions that answer it (possibly none).
    """
    answers = responding_actions(actions, codebook.ids)
    answering = {
        theme: sorted(answers.loc[answers["theme"] == theme, "action_id"]) for theme in codebook.ids
    }
    linked = [t.id for t in codebook.themes if t.priority_area == area or answering.get(t.id)]
    return linked, {theme: answering[theme] for theme in linked}


def area_spend_over_time(
    registers: dict[dt.date, Snapshot], meetings: Sequence[dt.date], area: str
) -> pd.DataFrame:
    """`funding.spend_over_time` of the area's lines only."""
    own = {
        date: Snapshot(date, s.file, s.table[s.table["priority_area"] == area])
        for date, s in registers.items()
    }
    return spend_over_time(own, meetings)


@dataclass(frozen=True)
class AreaStatus:
    """Everything an area's page says about one priority area at one meeting, computed once."""

    config: BoardConfig
    meeting_date: dt.date
    previous_date: dt.date | None
    area: str
    name: str
    rule: RagRule
    snapshot_date: dt.date
    register_date: dt.date
    totals: dict[str, int]  # the area's actions by rating now
    derived_rag: str
    assessed_rag: str | None
    ratings: pd.DataFrame  # per meeting: `area_ratings_over_time`
    actions: pd.DataFrame  # every action of the area now, by id, with `flagged_actions`' columns
    history: pd.DataFrame  # `action_histories` of those actions
    scorecard: ScorecardStatus | None  # the board's scorecard (None: the board has no measures)
    impact: AreaImpact | None  # the area's measures beside its actions (None: it has no measures)
    register: pd.DataFrame  # the area's lines in the register the meeting uses
    money: dict[str, int | float | None]  # committed, spent, spend rate and lines of the area
    board_committed_pence: int  # across every area, for the area's share
    by_organisation: pd.DataFrame
    by_kind: pd.DataFrame
    over_time: pd.DataFrame
    themes: pd.DataFrame  # linked themes: the feedback section's columns, `linked_by`, `answering`
    theme_trend: pd.DataFrame  # `feedback.theme_trend` of the linked themes
    period_total_hidden: bool  # the period's count of comments is a small number: shares hidden
    commentary: Commentary | None  # the officer's commentary under the area's own heading

    @property
    def open_count(self) -> int:
        return sum(n for rag, n in self.totals.items() if rag != "blue")

    @property
    def previous_ratings(self) -> pd.Series | None:
        """The area's row at the previous meeting, or None at its first meeting with a plan."""
        earlier = self.ratings[self.ratings["meeting"] < self.meeting_date]
        return None if earlier.empty else earlier.iloc[-1]


def area_status(meeting: Meeting, area: str) -> AreaStatus:
    """One priority area as at a meeting: ratings and their history, actions, measures, money.

    Raises
    ------
    DataError
        When `area` is not a priority area id in board.yml.
    """
    config = meeting.config
    area = _area_id(config, area)
    rule = config.rag_rule.rule()
    meetings = [d for d in config.meetings if d <= meeting.date]
    table = meeting.actions.table
    own = table[table["priority_area"] == area].sort_values("action_id", kind="stable")
    history = snapshots_up_to(meeting.data.actions, meeting.actions.date)
    ratings = area_ratings_over_time(
        meeting.data.actions, meetings, config, rule, meeting.data.commentary, area
    )
    now = ratings.iloc[-1]
    register = meeting.funding.table
    area_register = register[register["priority_area"] == area]
    scorecard = once_per_meeting("scorecard", meeting, lambda: scorecard_status(meeting))
    impact = next((a for a in scorecard.areas if a.area == area), None) if scorecard else None
    themes, trend, hidden = _themes(meeting, own, area)
    commentary = (
        meeting.commentary.section([config.priority_areas[area], area])
        if (meeting.commentary)
        else None
    )
    return AreaStatus(
        config=config,
        meeting_date=meeting.date,
        previous_date=meeting.previous_date,
        area=area,
        name=config.priority_areas[area],
        rule=rule,
        snapshot_date=meeting.actions.date,
        register_date=meeting.funding.date,
        totals=rag_totals(own),
        derived_rag=str(now["derived_rag"]),
        assessed_rag=now["assessed_rag"],
        ratings=ratings,
        actions=flagged_actions(own, history, meeting.date, config).reset_index(drop=True),
        history=action_histories(meeting.data.actions, meetings, list(own["action_id"])),
        scorecard=scorecard,
        impact=impact,
        register=area_register,
        money={**register_totals(area_register), "lines": len(area_register)},
        board_committed_pence=int(register["committed_pence"].sum()),
        by_organisation=investment_by_organisation(area_register, config),
        by_kind=investment_by_kind(area_register),
        over_time=area_spend_over_time(meeting.data.funding, meetings, area),
        themes=themes,
        theme_trend=trend,
        period_total_hidden=hidden,
        commentary=commentary,
    )


def _themes(
    meeting: Meeting, actions: pd.DataFrame, area: str
) -> tuple[pd.DataFrame, pd.DataFrame, bool]:
    """The linked themes' counts this period and last (suppressed), their trend, and whether
    the period's total is hidden (as the briefing hides it)."""
    config, codebook = meeting.config, meeting.data.codebook
    threshold = config.suppression_threshold
    linked, answering = linked_themes(codebook, actions, area)
    to_date = meeting.feedback
    coding = once_per_meeting("coding", meeting, lambda: code_comments(to_date, codebook))
    period = in_period(to_date, meeting.previous_date, meeting.date)
    before = previous_period_start(meeting)
    previous = in_period(to_date, before, meeting.previous_date) if meeting.previous_date else None
    counts = theme_counts(coding, period, previous, codebook, threshold)
    themes = counts[counts["theme"].isin(linked)].reset_index(drop=True)
    own = {t.id for t in codebook.themes if t.priority_area == area}
    themes["linked_by"] = [IN_CODEBOOK if theme in own else ANSWERED for theme in themes["theme"]]
    themes["answering"] = [answering[theme] for theme in themes["theme"]]
    trend = theme_trend(to_date, coding, config.meetings, meeting.date, list(themes["theme"]))
    hidden = district_totals(period, to_date, config)["period"] is None
    return themes, trend, hidden


def _area_id(config: BoardConfig, area: str) -> str:
    """The area id as board.yml spells it (any case accepted), or a DataError listing the ids."""
    spelling = {a.casefold(): a for a in config.priority_areas}
    found = spelling.get(str(area).strip().casefold())
    if found is None:
        listed = ", ".join(config.priority_areas)
        raise DataError(
            [
                Problem(
                    "area", None, None, str(area), f"a priority area id from board.yml ({listed})"
                )
            ]
        )
    return found
