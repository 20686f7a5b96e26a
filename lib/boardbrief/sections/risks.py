"""The risk register: each risk scored, rated, compared with the last register, and the gaps.

A risk's score is likelihood x impact (each 1 to 5); its rating comes from the board's bands
(`ratings.RiskBands`). Movement compares the open risks with the register the previous meeting
used. Late, stuck actions and red measures in an area no open risk names are "not on the risk
register": a board should see what its register may be missing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from boardbrief.contract.board_config import BoardConfig
from boardbrief.contract.meeting import Meeting
from boardbrief.ratings import RiskBands
from boardbrief.sections.action_plan import ActionPlanStatus
from boardbrief.sections.scorecard import ScorecardStatus
from boardbrief.sections.tracing import (
    COUNT,
    NO_EARLIER_REGISTER,
    Rule,
    SourceRow,
    Trace,
    table_rows,
)

RISK_RATINGS = ("red", "amber", "green")
RISK_MOVEMENTS = ("new", "up", "down", "closed", "unchanged")
MOVEMENT_COLUMNS = ["risk_id", "title", "previous_score", "score", "movement"]
GAP_COLUMNS = ["kind", "item_id", "title", "priority_area", "area_name"]
MATRIX_SIDE = 5


def scored_risks(register: pd.DataFrame, bands: RiskBands) -> pd.DataFrame:
    """The register with `score` (likelihood x impact) and `rating` by the board's bands."""
    scores = (register["likelihood"] * register["impact"]).astype("int64")
    return register.assign(score=scores, rating=scores.map(bands.rate))


def open_risks(scored: pd.DataFrame) -> pd.DataFrame:
    """The open risks, highest score first (then highest impact, then id)."""
    found = scored[scored["status"] == "open"]
    return found.sort_values(
        ["score", "impact", "risk_id"], ascending=[False, False, True], kind="stable"
    ).reset_index(drop=True)


def risk_movement(current: pd.DataFrame, previous: pd.DataFrame | None) -> pd.DataFrame | None:
    """How each risk moved since the previous register: new, up, down, closed or unchanged.

    Both tables are scored registers. New: open now and not open before (added, or reopened).
    Closed: open before and now closed or gone from the register. Up and down compare the scores
    of risks open in both. Risks closed in both are left out. None without a previous register.
    Columns: `risk_id`, `title`, `previous_score`, `score` (<NA> when not open), `movement`.
    """
    if previous is None:
        return None
    now = current[current["status"] == "open"].set_index("risk_id")
    before = previous[previous["status"] == "open"].set_index("risk_id")
    ids = sorted(set(now.index) | set(before.index))
    titles = {**before["title"].to_dict(), **current.set_index("risk_id")["title"].to_dict()}
    rows = []
    for risk_id in ids:
        score = int(now.at[risk_id, "score"]) if risk_id in now.index else pd.NA
        previous_score = int(before.at[risk_id, "score"]) if risk_id in before.index else pd.NA
        if pd.isna(previous_score):
            movement = "new"
        elif pd.isna(score):
            movement = "closed"
        elif score > previous_score:
            movement = "up"
        elif score < previous_score:
            movement = "down"
        else:
            movement = "unchanged"
        rows.append([risk_id, titles[risk_id], previous_score, score, movement])
    moved = pd.DataFrame(rows, columns=MOVEMENT_COLUMNS).astype(
        {"previous_score": "Int64", "score": "Int64"}
    )
    order = moved["movement"].map(RISK_MOVEMENTS.index)
    return moved.iloc[order.argsort(kind="stable")].reset_index(drop=True)


def movement_counts(moved: pd.DataFrame | None) -> dict[str, int | None]:
    """How many risks made each movement; None for each at a first register."""
    if moved is None:
        return dict.fromkeys(RISK_MOVEMENTS)
    counts = moved["movement"].value_counts()
    return {movement: int(counts.get(movement, 0)) for movement in RISK_MOVEMENTS}


def not_on_register(
    plan: ActionPlanStatus,
    outcomes: ScorecardStatus | None,
    risks_open: pd.DataFrame,
    config: BoardConfig,
) -> pd.DataFrame:
    """Actions overdue and stuck, and red measures, in a priority area no open risk names.

    Columns: `kind` ('action' or 'measure'), `item_id`, `title`, `priority_area`, `area_name`;
    actions first (most overdue first), then measures in measures.yml's order.
    """
    covered = set(risks_open["priority_area"]) - {""}
    stuck_ids = set(plan.stuck["action_id"])
    late_and_stuck = plan.overdue[plan.overdue["action_id"].isin(stuck_ids)]
    rows = [
        ["action", action.action_id, action.title, action.priority_area]
        for action in late_and_stuck.itertuples()
        if action.priority_area not in covered
    ]
    if outcomes is not None:
        rows += [
            ["measure", result.id, result.definition.name, result.definition.area]
            for result in outcomes.red
            if result.definition.area not in covered
        ]
    for row in rows:
        row.append(config.priority_areas.get(row[3], row[3]))
    return pd.DataFrame(rows, columns=GAP_COLUMNS)


def risk_matrix(risks_open: pd.DataFrame) -> pd.DataFrame:
    """Open risks per cell of the 5x5 matrix: rows impact 5 down to 1, columns likelihood 1-5.

    Each cell holds the ids of the risks in it, in score order, as a list.
    """
    cells: dict[tuple[int, int], list[str]] = {}
    for risk in risks_open.itertuples():
        cells.setdefault((int(risk.impact), int(risk.likelihood)), []).append(risk.risk_id)
    sides = range(1, MATRIX_SIDE + 1)
    return pd.DataFrame(
        [[cells.get((impact, likelihood), []) for likelihood in sides] for impact in sides[::-1]],
        index=pd.Index(list(sides[::-1]), name="impact"),
        columns=pd.Index(list(sides), name="likelihood"),
    )


@dataclass(frozen=True)
class RiskStatus:
    """Everything the paper says about risks at one meeting, computed once."""

    config: BoardConfig
    bands: RiskBands
    register_date: dt.date
    previous_register_date: dt.date | None
    register: pd.DataFrame  # every row, scored
    open: pd.DataFrame  # highest score first
    movement: pd.DataFrame | None  # None at the first register
    not_on_register: pd.DataFrame

    @property
    def counts(self) -> dict[str, int]:
        """Open risks per rating."""
        found = self.open["rating"].value_counts()
        return {rating: int(found.get(rating, 0)) for rating in RISK_RATINGS}

    @property
    def movement_counts(self) -> dict[str, int | None]:
        return movement_counts(self.movement)

    @property
    def register_updated(self) -> bool:
        return self.previous_register_date != self.register_date

    def top(self, how_many: int = 3) -> pd.DataFrame:
        """The highest-scoring open risks."""
        return self.open.head(how_many)


def risk_status(
    meeting: Meeting, plan: ActionPlanStatus, outcomes: ScorecardStatus | None = None
) -> RiskStatus | None:
    """The risk register as at a meeting, or None when the board keeps none (no `risks/`)."""
    if meeting.risks is None:
        return None
    config = meeting.config
    bands = config.risk_bands.bands()
    register = scored_risks(meeting.risks.table, bands)
    previous = meeting.previous_risks
    risks_open = open_risks(register)
    return RiskStatus(
        config=config,
        bands=bands,
        register_date=meeting.risks.date,
        previous_register_date=previous.date if previous is not None else None,
        register=register,
        open=risks_open,
        movement=(
            risk_movement(register, scored_risks(previous.table, bands))
            if previous is not None
            else None
        ),
        not_on_register=not_on_register(plan, outcomes, risks_open, config),
    )


def risk_figures(status: RiskStatus | None) -> dict[str, int | None]:
    """The register's keys in figures.json; none for a board that keeps no register.

    `risks.open`, `risks.rating.<red|amber|green>` (open risks), `risks.new`, `risks.closed`,
    `risks.up`, `risks.down` (None at the first register), `risks.not_on_register`.
    """
    if status is None:
        return {}
    moved = status.movement_counts
    return {
        "risks.open": len(status.open),
        **{f"risks.rating.{rating}": n for rating, n in status.counts.items()},
        **{f"risks.{kind}": moved[kind] for kind in ("new", "closed", "up", "down")},
        "risks.not_on_register": len(status.not_on_register),
    }


# The rules behind `risk_figures`, in the words of docs/counting-rules.md.
OPEN_RULE = Rule(
    "risks.open",
    "Risks with status open in the risk register the meeting uses (the latest dated on or "
    "before it).",
    COUNT,
)
RATING_RULE = Rule(
    "risks.rating.<rating>",
    "Open risks by score (likelihood x impact, as the register gives them): red from "
    "risk_bands.red_from, amber from risk_bands.amber_from, green below.",
    COUNT,
)
MOVEMENT_RULE = Rule(
    "risks.<movement>",
    "Open risks against the register the previous meeting used: new (open now, not open then), "
    "closed (open then, closed or gone now), up and down (the score of a risk open in both). "
    "None with no earlier register.",
    COUNT,
)
NOT_ON_REGISTER_RULE = Rule(
    "risks.not_on_register",
    "Actions both overdue and stuck, and measures rated red, in a priority area that no open "
    "risk names in its priority_area.",
    COUNT,
)
RISK_RULES = (OPEN_RULE, RATING_RULE, MOVEMENT_RULE, NOT_ON_REGISTER_RULE)
RISK_FIELDS = ("status", "likelihood", "impact", "score", "rating", "priority_area")


def risk_trace(meeting: Meeting, status: RiskStatus | None) -> list[Trace]:
    """A `Trace` for every key of `risk_figures`: the register's rows behind each count."""
    if status is None or meeting.risks is None:
        return []
    figures = risk_figures(status)
    register, file = status.register, meeting.risks.file
    is_open = register["status"] == "open"

    def rows(where: pd.Series) -> tuple[SourceRow, ...]:
        return tuple(table_rows(register, file, "risk_id", RISK_FIELDS, where))

    bands = {
        "risk_bands.red_from": status.bands.red_from,
        "risk_bands.amber_from": status.bands.amber_from,
    }
    found = [Trace("risks.open", figures["risks.open"], OPEN_RULE, rows(is_open))]
    for rating in RISK_RATINGS:
        key = f"risks.rating.{rating}"
        where = is_open & (register["rating"] == rating)
        found.append(Trace(key, figures[key], RATING_RULE, rows(where), settings=bands))
    previous = meeting.previous_risks
    for kind in ("new", "closed", "up", "down"):
        key = f"risks.{kind}"
        if status.movement is None or previous is None:
            found.append(Trace(key, figures[key], MOVEMENT_RULE, note=NO_EARLIER_REGISTER))
            continue
        moved = status.movement.loc[status.movement["movement"] == kind, "risk_id"]
        # a closed risk is traced to the earlier register, where it was last open
        table, source = (previous.table, previous.file) if kind == "closed" else (register, file)
        chosen = table_rows(table, source, "risk_id", RISK_FIELDS, table["risk_id"].isin(moved))
        found.append(Trace(key, figures[key], MOVEMENT_RULE, tuple(chosen)))
    gaps = status.not_on_register
    action_rows = {a: int(i) for i, a in meeting.actions.table["action_id"].items()}
    gap_rows = tuple(
        SourceRow(
            meeting.actions.file if gap.kind == "action" else "measures.yml",
            action_rows.get(gap.item_id) if gap.kind == "action" else None,
            gap.item_id,
            {"kind": gap.kind, "priority_area": gap.priority_area},
        )
        for gap in gaps.itertuples()
    )
    found.append(
        Trace(
            "risks.not_on_register",
            figures["risks.not_on_register"],
            NOT_ON_REGISTER_RULE,
            gap_rows,
        )
    )
    return found
