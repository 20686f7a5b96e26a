"""Action-plan computations: where each area stands, what moved, and what is late or stuck."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from boardbrief.contract.board_config import BoardConfig
from boardbrief.contract.load import Snapshot
from boardbrief.contract.meeting import Meeting
from boardbrief.ratings import DEFAULT_RULE, RAG_ORDER, RAG_RANK, RagRule
from boardbrief.sections.tracing import (
    COUNT,
    FIRST_MEETING,
    RULE,
    VALUE,
    Rule,
    RuleSettings,
    SourceRow,
    Trace,
    rows_by_id,
    with_fields,
)

MOVEMENTS = ("declined", "improved", "new", "removed", "unchanged")
STUCK_RATINGS = ("red", "amber")


def rag_counts_by_area(
    actions: pd.DataFrame, config: BoardConfig, rule: RagRule | None = None
) -> pd.DataFrame:
    """Actions per priority area and rating, with a derived rating per area.

    Every area in board.yml has a row, in board.yml's order, even with no actions (its derived
    rating is then blue: nothing is open). Columns: `priority_area`, `name`, one count per rating
    in `RAG_ORDER`, `total`, `derived_rag`.
    """
    rule = rule or config.rag_rule.rule()
    counts = rag_counts(actions, "priority_area", list(config.priority_areas))
    counts["derived_rag"] = [
        rule.derive(actions.loc[actions["priority_area"] == area, "rag"]) for area in counts.index
    ]
    counts.insert(0, "name", [config.priority_areas[area] for area in counts.index])
    return counts.rename_axis("priority_area").reset_index()


def rag_counts(actions: pd.DataFrame, column: str, labels: Sequence[str]) -> pd.DataFrame:
    """Actions per value of `column` (in the order of `labels`) and rating, with a total."""
    counts = (
        actions.groupby([column, "rag"])
        .size()
        .unstack(fill_value=0)
        .reindex(index=list(labels), columns=list(RAG_ORDER), fill_value=0)
        .fillna(0)
        .astype("int64")
        .rename_axis(columns=None)
    )
    counts["total"] = counts.sum(axis=1)
    return counts


def overall_rating(actions: pd.DataFrame, rule: RagRule = DEFAULT_RULE) -> str:
    """The derived rating over every action in the snapshot."""
    return rule.derive(actions["rag"])


def rag_totals(actions: pd.DataFrame) -> dict[str, int]:
    """How many actions carry each rating."""
    counts = actions["rag"].value_counts()
    return {rag: int(counts.get(rag, 0)) for rag in RAG_ORDER}


def movements(current: pd.DataFrame, previous: pd.DataFrame | None) -> pd.DataFrame:
    """Each action's rating now and at the previous meeting, and how it moved.

    Movement is improved or declined (red < amber < green < blue), unchanged, new (not in the
    previous snapshot) or removed (in it, but not now). With no previous snapshot (the first
    meeting) there is nothing to compare and the result is empty. Columns: `action_id`,
    `priority_area`, `title`, `owner`, `previous_rag`, `rag`, `movement`, `commentary`.
    """
    columns = ["action_id", "priority_area", "title", "owner", "commentary"]
    result_columns = [*columns[:4], "previous_rag", "rag", "movement", "commentary"]
    if previous is None:
        return pd.DataFrame(columns=result_columns)
    merged = current[[*columns, "rag"]].merge(
        previous[[*columns, "rag"]],
        on="action_id",
        how="outer",
        suffixes=("", "_previous"),
        indicator=True,
    )
    for column in columns[1:]:  # removed actions keep their last known details
        merged[column] = merged[column].fillna(merged[f"{column}_previous"])
    merged = merged.rename(columns={"rag_previous": "previous_rag"})
    for column in ("rag", "previous_rag"):  # a missing rating is None, not NaN
        merged[column] = merged[column].astype(object).where(merged[column].notna(), None)
    now = merged["rag"].map(RAG_RANK)
    before = merged["previous_rag"].map(RAG_RANK)
    merged["movement"] = "unchanged"
    merged.loc[now > before, "movement"] = "improved"
    merged.loc[now < before, "movement"] = "declined"
    merged.loc[merged["_merge"] == "left_only", "movement"] = "new"
    merged.loc[merged["_merge"] == "right_only", "movement"] = "removed"
    merged["order"] = merged["movement"].map(MOVEMENTS.index)
    merged = merged.sort_values(["order", "action_id"], kind="stable")
    return merged[result_columns].reset_index(drop=True)


def movement_counts(moved: pd.DataFrame) -> dict[str, int]:
    """How many actions made each kind of movement."""
    counts = moved["movement"].value_counts()
    return {movement: int(counts.get(movement, 0)) for movement in MOVEMENTS}


def overdue_actions(actions: pd.DataFrame, meeting_date: dt.date) -> pd.DataFrame:
    """Open actions due before the meeting, most overdue first, with `days_overdue`."""
    meeting = pd.Timestamp(meeting_date)
    late = actions[(actions["rag"] != "blue") & (actions["due_date"] < meeting)].copy()
    late["days_overdue"] = (meeting - late["due_date"]).dt.days.astype("int64")
    return late.sort_values(["days_overdue", "action_id"], ascending=[False, True]).reset_index(
        drop=True
    )


def stale_actions(actions: pd.DataFrame, meeting_date: dt.date, after_days: int) -> pd.DataFrame:
    """Open actions not updated for more than `after_days` days before the meeting."""
    meeting = pd.Timestamp(meeting_date)
    open_actions = actions[actions["rag"] != "blue"].copy()
    open_actions["days_since_update"] = (meeting - open_actions["last_updated"]).dt.days.astype(
        "int64"
    )
    stale = open_actions[open_actions["days_since_update"] > after_days]
    return stale.sort_values(
        ["days_since_update", "action_id"], ascending=[False, True]
    ).reset_index(drop=True)


def overdue_but_green(overdue: pd.DataFrame) -> pd.DataFrame:
    """Overdue actions still rated green: a rating that does not add up."""
    return overdue[overdue["rag"] == "green"].reset_index(drop=True)


def red_unexplained(actions: pd.DataFrame) -> pd.DataFrame:
    """Red actions with no commentary: the board cannot tell why they are red."""
    red = actions[(actions["rag"] == "red") & (actions["commentary"].str.strip() == "")]
    return red.sort_values("action_id", kind="stable").reset_index(drop=True)


def stuck_actions(
    history: Sequence[Snapshot], meeting_date: dt.date, min_snapshots: int
) -> pd.DataFrame:
    """Actions on the same red or amber rating for `min_snapshots` or more snapshots in a row.

    `history` is every action-plan snapshot up to the meeting's, oldest first; the run is counted
    back from the latest. Adds `snapshots` (the run's length), `since` (the date of the run's
    first snapshot) and `days_unchanged` (from then to the meeting).
    """
    if not history:
        return pd.DataFrame(columns=["action_id", "rag", "snapshots", "since", "days_unchanged"])
    latest = history[-1].table
    run = latest[latest["rag"].isin(STUCK_RATINGS)][["action_id", "rag"]].copy()
    run["snapshots"] = 1
    run["since"] = pd.Timestamp(history[-1].date)
    for steps_back, snapshot in enumerate(reversed(history[:-1]), start=1):
        earlier = snapshot.table.set_index("action_id")["rag"]
        same = run["action_id"].map(earlier) == run["rag"]
        still_running = same & (run["snapshots"] == steps_back)
        run.loc[still_running, "snapshots"] += 1
        run.loc[still_running, "since"] = pd.Timestamp(snapshot.date)
    stuck = run[run["snapshots"] >= min_snapshots]
    stuck = latest.merge(stuck, on=["action_id", "rag"])
    stuck["days_unchanged"] = (pd.Timestamp(meeting_date) - stuck["since"]).dt.days.astype("int64")
    return stuck.sort_values(["snapshots", "action_id"], ascending=[False, True]).reset_index(
        drop=True
    )


def snapshots_up_to(snapshots: dict[dt.date, Snapshot], date: dt.date) -> list[Snapshot]:
    """Every snapshot dated on or before `date`, oldest first."""
    return [snapshots[d] for d in sorted(snapshots) if d <= date]


def rag_trend(
    snapshots: dict[dt.date, Snapshot], meetings: Sequence[dt.date], config: BoardConfig
) -> pd.DataFrame:
    """The mix of ratings per area at each meeting: the snapshot each meeting used.

    Long format, one row per meeting, area and rating: `meeting`, `priority_area`, `name`, `rag`,
    `count`. Meetings with no snapshot on or before them are left out.
    """
    rows = []
    for meeting in meetings:
        earlier = [d for d in snapshots if d <= meeting]
        if not earlier:
            continue
        counts = rag_counts(snapshots[max(earlier)].table, "priority_area", config.priority_areas)
        for area, row in counts.iterrows():
            for rag in RAG_ORDER:
                rows.append(
                    {
                        "meeting": meeting,
                        "priority_area": area,
                        "name": config.priority_areas[area],
                        "rag": rag,
                        "count": int(row[rag]),
                    }
                )
    return pd.DataFrame(rows, columns=["meeting", "priority_area", "name", "rag", "count"])


@dataclass(frozen=True)
class ActionPlanStatus:
    """Everything the briefing says about the action plan at one meeting, computed once."""

    config: BoardConfig
    meeting_date: dt.date
    snapshot_date: dt.date
    previous_date: dt.date | None
    rule: RagRule
    areas: pd.DataFrame
    totals: dict[str, int]
    overall_rag: str
    assessed_overall_rag: str | None
    movements: pd.DataFrame | None
    overdue: pd.DataFrame
    stale: pd.DataFrame
    stuck: pd.DataFrame
    trend: pd.DataFrame
    by_pledge: pd.DataFrame | None
    by_owner: pd.DataFrame
    previous_snapshot_date: dt.date | None = None  # the snapshot the previous meeting used
    overdue_green: pd.DataFrame | None = None  # consistency flags: overdue yet rated green
    red_unexplained: pd.DataFrame | None = None  # and red with no commentary

    @property
    def plan_updated(self) -> bool:
        """Whether this meeting has a newer action-plan snapshot than the previous meeting used."""
        return self.previous_snapshot_date != self.snapshot_date

    @property
    def open_count(self) -> int:
        return sum(n for rag, n in self.totals.items() if rag != "blue")

    @property
    def movement_counts(self) -> dict[str, int] | None:
        return None if self.movements is None else movement_counts(self.movements)

    @property
    def differing_areas(self) -> pd.DataFrame:
        """Areas where the officer's assessment and the rule's rating disagree."""
        assessed = self.areas["assessed_rag"]
        return self.areas[assessed.notna() & (assessed != self.areas["derived_rag"])]


def action_plan_status(meeting: Meeting) -> ActionPlanStatus:
    """The action plan as at a meeting: ratings, movement, lateness, trend and breakdowns."""
    config = meeting.config
    rule = config.rag_rule.rule()
    table = meeting.actions.table
    commentary = meeting.commentary
    areas = rag_counts_by_area(table, config, rule)
    assessed = commentary.area_rag if commentary else {}
    areas["assessed_rag"] = areas["priority_area"].map(assessed).astype("object")
    areas["assessed_rag"] = areas["assessed_rag"].where(areas["assessed_rag"].notna(), None)
    history = snapshots_up_to(meeting.data.actions, meeting.actions.date)
    previous = meeting.previous_actions.table if meeting.previous_actions is not None else None
    meetings_so_far = [d for d in config.meetings if d <= meeting.date]
    by_pledge = None
    if "pledge" in table.columns:
        pledges = list(config.pledges) + sorted(set(table["pledge"]) - set(config.pledges))
        by_pledge = rag_counts(table, "pledge", pledges).rename_axis("pledge").reset_index()
    owners = [o for o in config.organisation_ids if o in set(table["owner"])]
    overdue = overdue_actions(table, meeting.date)
    return ActionPlanStatus(
        config=config,
        meeting_date=meeting.date,
        snapshot_date=meeting.actions.date,
        previous_date=meeting.previous_date,
        rule=rule,
        areas=areas,
        totals=rag_totals(table),
        overall_rag=overall_rating(table, rule),
        assessed_overall_rag=commentary.overall_rag if commentary else None,
        movements=None if previous is None else movements(table, previous),
        overdue=overdue,
        stale=stale_actions(table, meeting.date, config.stale_after_days),
        stuck=stuck_actions(history, meeting.date, config.stuck_after_snapshots),
        trend=rag_trend(meeting.data.actions, meetings_so_far, config),
        by_pledge=by_pledge,
        by_owner=rag_counts(table, "owner", owners).rename_axis("owner").reset_index(),
        previous_snapshot_date=(
            meeting.previous_actions.date if meeting.previous_actions is not None else None
        ),
        overdue_green=overdue_but_green(overdue),
        red_unexplained=red_unexplained(table),
    )


MOVEMENT_FIGURES = ("improved", "declined", "new", "removed")


def action_plan_figures(plan: ActionPlanStatus) -> dict[str, str | int | None]:
    """The action plan's keys in figures.json.

    `actions.*` counts; `overall.rag` and `areas.<id>.rag` derived by the board's rule, with
    `overall.assessed_rag` and `areas.<id>.assessed_rag` where the officer gave one. Movement
    counts are None at a board's first meeting: there is nothing to compare with.
    """
    moved = plan.movement_counts
    figures: dict[str, str | int | None] = {
        "overall.rag": plan.overall_rag,
        "actions.total": sum(plan.totals.values()),
        "actions.open": plan.open_count,
        **{f"actions.rag.{rag}": n for rag, n in plan.totals.items()},
        "actions.overdue": len(plan.overdue),
        "actions.stale": len(plan.stale),
        "actions.stuck": len(plan.stuck),
        "actions.overdue_green": len(plan.overdue_green) if plan.overdue_green is not None else 0,
        "actions.red_unexplained": (
            len(plan.red_unexplained) if plan.red_unexplained is not None else 0
        ),
        **{f"actions.{kind}": moved[kind] if moved else None for kind in MOVEMENT_FIGURES},
    }
    if plan.assessed_overall_rag:
        figures["overall.assessed_rag"] = plan.assessed_overall_rag
    for area in plan.areas.itertuples():
        figures[f"areas.{area.priority_area}.rag"] = area.derived_rag
        if area.assessed_rag:
            figures[f"areas.{area.priority_area}.assessed_rag"] = area.assessed_rag
    return figures


# The rules behind `action_plan_figures`, in the words of docs/counting-rules.md.
SNAPSHOT = "the action-plan snapshot the meeting uses (the latest dated on or before it)"
TOTAL_RULE = Rule("actions.total", f"Every action in {SNAPSHOT}.", COUNT)
OPEN_RULE = Rule("actions.open", f"Actions in {SNAPSHOT} not rated blue (complete).", COUNT)
RAG_RULE = Rule("actions.rag.<rating>", f"Actions in {SNAPSHOT} carrying that rating.", COUNT)
OVERDUE_RULE = Rule(
    "actions.overdue", "Open actions (not blue) whose due date is before the meeting date.", COUNT
)
STALE_RULE = Rule(
    "actions.stale",
    "Open actions last updated more than stale_after_days days before the meeting.",
    COUNT,
)
STUCK_RULE = Rule(
    "actions.stuck",
    "Actions rated red or amber that carried the same rating in stuck_after_snapshots or more "
    "snapshots in a row, counted back from the meeting's snapshot.",
    COUNT,
)
OVERDUE_GREEN_RULE = Rule("actions.overdue_green", "Overdue actions still rated green.", COUNT)
RED_UNEXPLAINED_RULE = Rule(
    "actions.red_unexplained", "Actions rated red whose commentary is blank.", COUNT
)
MOVEMENT_RULE = Rule(
    "actions.<movement>",
    "Each action's rating against the snapshot the previous meeting used, in the order red < "
    "amber < green < blue: improved (higher now), declined (lower now), new (not in that "
    "snapshot), removed (in it, not in this one). None at a board's first meeting.",
    COUNT,
)
OVERALL_RULE = Rule(
    "overall.rag",
    "The board's rating rule over every action in the snapshot: complete (blue) when none is "
    "open; red when red actions are rag_rule.red_share or more of the open ones; green when "
    "green ones are rag_rule.green_share or more and none is red; otherwise amber.",
    RULE,
)
AREA_RULE = Rule(
    "areas.<area>.rag", "The board's rating rule (as overall.rag) over the area's actions.", RULE
)
ASSESSED_RULE = Rule(
    "overall.assessed_rag",
    "The overall rating the lead officer's commentary for the meeting gives, as written.",
    VALUE,
    "rating",
)
AREA_ASSESSED_RULE = Rule(
    "areas.<area>.assessed_rag",
    "The area's rating the lead officer's commentary for the meeting gives, as written.",
    VALUE,
    "rating",
)
ACTION_PLAN_RULES = (
    TOTAL_RULE,
    OPEN_RULE,
    RAG_RULE,
    OVERDUE_RULE,
    STALE_RULE,
    STUCK_RULE,
    OVERDUE_GREEN_RULE,
    RED_UNEXPLAINED_RULE,
    MOVEMENT_RULE,
    OVERALL_RULE,
    AREA_RULE,
    ASSESSED_RULE,
    AREA_ASSESSED_RULE,
)


def action_plan_trace(meeting: Meeting, plan: ActionPlanStatus) -> list[Trace]:
    """A `Trace` for every key of `action_plan_figures`: the actions behind each figure."""
    figures = action_plan_figures(plan)
    snapshot = meeting.actions
    table, file = snapshot.table, snapshot.file

    def rows(ids: pd.Series, *fields: str) -> list[SourceRow]:
        return rows_by_id(table, file, "action_id", list(ids), fields)

    def counted(
        rule: Rule, key: str, ids: pd.Series, *fields: str, settings: RuleSettings | None = None
    ) -> Trace:
        return Trace(key, figures[key], rule, tuple(rows(ids, *fields)), settings or {})

    def listed(
        rule: Rule,
        key: str,
        frame: pd.DataFrame,
        *fields: str,
        settings: RuleSettings | None = None,
    ) -> Trace:
        """Rows of the snapshot with the fields the status frame added (days overdue ...)."""
        found = with_fields(rows(frame["action_id"], *fields), frame, "action_id")
        return Trace(key, figures[key], rule, tuple(found), settings or {})

    config = plan.config
    rule_settings = {
        "rag_rule.red_share": plan.rule.red_share,
        "rag_rule.green_share": plan.rule.green_share,
    }
    open_ids = table.loc[table["rag"] != "blue", "action_id"]
    found = [
        counted(TOTAL_RULE, "actions.total", table["action_id"], "rag"),
        counted(OPEN_RULE, "actions.open", open_ids, "rag"),
        *(
            counted(
                RAG_RULE, f"actions.rag.{rag}", table.loc[table["rag"] == rag, "action_id"], "rag"
            )
            for rag in plan.totals
        ),
        listed(
            OVERDUE_RULE,
            "actions.overdue",
            plan.overdue[["action_id", "days_overdue"]],
            "due_date",
            "rag",
        ),
        listed(
            STALE_RULE,
            "actions.stale",
            plan.stale[["action_id", "days_since_update"]],
            "last_updated",
            "rag",
            settings={"stale_after_days": config.stale_after_days},
        ),
        listed(
            STUCK_RULE,
            "actions.stuck",
            plan.stuck[["action_id", "snapshots", "since"]],
            "rag",
            settings={"stuck_after_snapshots": config.stuck_after_snapshots},
        ),
        counted(
            OVERDUE_GREEN_RULE,
            "actions.overdue_green",
            _ids(plan.overdue_green),
            "due_date",
            "rag",
        ),
        counted(RED_UNEXPLAINED_RULE, "actions.red_unexplained", _ids(plan.red_unexplained), "rag"),
        counted(OVERALL_RULE, "overall.rag", table["action_id"], "rag", settings=rule_settings),
    ]
    found += _movement_traces(meeting, plan, figures)
    for area in plan.areas.itertuples():
        key = f"areas.{area.priority_area}"
        in_area = table.loc[table["priority_area"] == area.priority_area, "action_id"]
        found.append(counted(AREA_RULE, f"{key}.rag", in_area, "rag", settings=rule_settings))
        if area.assessed_rag:
            found.append(
                _assessed(
                    meeting, AREA_ASSESSED_RULE, f"{key}.assessed_rag", area.priority_area, figures
                )
            )
    if plan.assessed_overall_rag:
        found.append(_assessed(meeting, ASSESSED_RULE, "overall.assessed_rag", "overall", figures))
    return found


def _movement_traces(
    meeting: Meeting, plan: ActionPlanStatus, figures: dict[str, str | int | None]
) -> list[Trace]:
    """Improved, declined, new and removed: removed actions are rows of the earlier snapshot."""
    traces = []
    for kind in MOVEMENT_FIGURES:
        key = f"actions.{kind}"
        if plan.movements is None or meeting.previous_actions is None:
            traces.append(Trace(key, figures[key], MOVEMENT_RULE, note=FIRST_MEETING))
            continue
        moved = plan.movements[plan.movements["movement"] == kind]
        source = meeting.previous_actions if kind == "removed" else meeting.actions
        found = rows_by_id(source.table, source.file, "action_id", list(moved["action_id"]), [])
        found = with_fields(found, moved[["action_id", "previous_rag", "rag"]], "action_id")
        traces.append(Trace(key, figures[key], MOVEMENT_RULE, tuple(found)))
    return traces


def _assessed(
    meeting: Meeting, rule: Rule, key: str, which: str, figures: dict[str, str | int | None]
) -> Trace:
    """An officer's rating: the commentary file the meeting uses, the rating it gives."""
    file = meeting.commentary.file if meeting.commentary else "commentary/"
    row = SourceRow(file, None, which, {"rating": figures[key]})
    return Trace(key, figures[key], rule, (row,))


def _ids(frame: pd.DataFrame | None) -> pd.Series:
    return pd.Series(dtype=object) if frame is None else frame["action_id"]
