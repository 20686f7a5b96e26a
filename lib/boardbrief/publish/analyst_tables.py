"""The CSV tables analysts get for a meeting, taken from the briefing's own computations.

Each table is built from the status objects the notebook shows (`action_plan_status`,
`feedback_status`, `funding_status`), so the exports and the briefing cannot disagree. Nothing
personal leaves: no comment text, no action commentary, and feedback counts only as the
briefing shows them, with small counts replaced by the briefing's suppression mark.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from pathlib import Path

import pandas as pd

from boardbrief.contract.load import load_board_data
from boardbrief.contract.meeting import LATEST, Meeting, select_meeting
from boardbrief.present import SUPPRESSED
from boardbrief.publish.exports import write_csvs
from boardbrief.publish.feedback_coding_export import FEEDBACK_CODING_CSV, feedback_coding_table
from boardbrief.publish.risks_export import RISKS_CSV, risks_table
from boardbrief.publish.you_said_export import YOU_SAID_CSV, you_said_table
from boardbrief.sections.action_plan import ActionPlanStatus, action_plan_status
from boardbrief.sections.feedback import FeedbackStatus, feedback_status
from boardbrief.sections.funding import CHANGE_COLUMNS, FundingStatus, funding_status, round_pence
from boardbrief.sections.risks import risk_status
from boardbrief.sections.scorecard import scorecard_status, scorecard_table
from boardbrief.sections.you_said import you_said_status

log = logging.getLogger(__name__)

ACTIONS_CSV = "actions.csv"
FEEDBACK_THEMES_CSV = "feedback_themes.csv"
FUNDING_LINES_CSV = "funding_lines.csv"
PER_CHILD_CSV = "investment_per_child.csv"
SCORECARD_CSV = "scorecard.csv"  # only for a board with measures.yml
YES, NO = "yes", "no"


def export_meeting(data_dir: Path, out_dir: Path, meeting_date: str | None = None) -> list[Path]:
    """Write a meeting's analyst tables into `out_dir/MEETING_DATE/`.

    Parameters
    ----------
    data_dir
        The board's data folder; checked in full before anything is written.
    out_dir
        Where exports go; created only once every table has been built.
    meeting_date
        A meeting listed in board.yml as YYYY-MM-DD, or None for the latest with data.

    Returns
    -------
    list of Path
        The CSV files written.

    Raises
    ------
    DataError
        The data breaks the contract, or the meeting is not listed (nothing is written).
    UsageError
        `out_dir` is a file or lies inside the data folder.
    RenderError
        `out_dir` cannot be written (permissions, read-only, full).
    """
    from boardbrief.publish.folders import check_output_folder, writing_into

    log.info("checking the data in %s", data_dir)
    meeting = select_meeting(load_board_data(data_dir), meeting_date or LATEST)
    check_output_folder(out_dir, Path(data_dir), what="exports")
    tables = analyst_tables(meeting)
    folder = out_dir / meeting.date.isoformat()
    with writing_into(out_dir):  # a read-only or full folder is said plainly, exit 1
        folder.mkdir(parents=True, exist_ok=True)
        written = write_csvs(tables, folder)
    log.info("wrote %d tables to %s", len(written), folder)
    return written


def analyst_tables(meeting: Meeting) -> dict[str, pd.DataFrame]:
    """Every export for a meeting, by file name, computed before any is written."""
    plan = action_plan_status(meeting)
    funds = funding_status(meeting)
    voices = feedback_status(meeting)
    tables = {
        ACTIONS_CSV: actions_table(plan, meeting.actions.table),
        FEEDBACK_CODING_CSV: feedback_coding_table(meeting),
        FEEDBACK_THEMES_CSV: feedback_themes_table(voices),
        FUNDING_LINES_CSV: funding_lines_table(funds),
        PER_CHILD_CSV: per_child_table(funds),
        YOU_SAID_CSV: you_said_table(you_said_status(meeting, voices)),
    }
    outcomes = scorecard_status(meeting)
    if outcomes is not None:
        tables[SCORECARD_CSV] = scorecard_table(outcomes)
    risks = risk_status(meeting, plan, outcomes)
    if risks is not None:
        tables[RISKS_CSV] = risks_table(risks)
    return tables


def actions_table(plan: ActionPlanStatus, snapshot: pd.DataFrame) -> pd.DataFrame:
    """Each action in the meeting's snapshot, in the tracker's order, with what the briefing
    says of it: its rating before, how it moved, and whether it is overdue, stuck or not updated.

    Actions removed since the previous meeting follow, with only their last known details. The
    free-text `commentary` is left out: it can name people. Flags are `yes` or `no`;
    `days_overdue` and `stuck_snapshots` are blank unless the action is overdue or stuck.
    """
    actions = snapshot.reset_index(drop=True)
    if plan.movements is not None:
        removed = plan.movements[plan.movements["movement"] == "removed"]
        details = removed[["action_id", "priority_area", "title", "owner"]]
        actions = _followed_by(actions, details)
    current = pd.Series(actions.index < len(snapshot), index=actions.index)
    ids = actions["action_id"]
    overdue = plan.overdue.set_index("action_id")["days_overdue"]
    stuck = plan.stuck.set_index("action_id")["snapshots"]
    moved = (
        plan.movements.set_index("action_id")
        if plan.movements is not None
        else pd.DataFrame(columns=["previous_rag", "movement"])
    )
    pledges = actions["pledge"] if "pledge" in actions.columns else pd.Series(None, actions.index)
    organisations = {o.id: o.name for o in plan.config.organisations}
    days_since_update = pd.Timestamp(plan.meeting_date) - actions["last_updated"]
    return pd.DataFrame(
        {
            "meeting": plan.meeting_date.isoformat(),
            "action_id": ids,
            "priority_area": actions["priority_area"],
            "priority_area_name": actions["priority_area"].map(plan.config.priority_areas),
            "pledge": pledges,
            "owner": actions["owner"],
            "owner_name": actions["owner"].map(organisations),
            "title": actions["title"],
            "status": actions["status"],
            "due_date": _iso(actions["due_date"]),
            "last_updated": _iso(actions["last_updated"]),
            "rag": actions["rag"],
            "previous_rag": ids.map(moved["previous_rag"]),
            "movement": ids.map(moved["movement"]),
            "overdue": _flag(ids.isin(overdue.index), current),
            "days_overdue": ids.map(overdue).astype("Int64"),
            "stuck": _flag(ids.isin(stuck.index), current),
            "stuck_snapshots": ids.map(stuck).astype("Int64"),
            "stale": _flag(ids.isin(plan.stale["action_id"]), current),
            "days_since_update": days_since_update.dt.days.astype("Int64"),
        }
    )


def feedback_themes_table(voices: FeedbackStatus) -> pd.DataFrame:
    """Comments raising each theme this period and last, exactly as the briefing shows them.

    Small counts are the suppression mark `[c]`, as is a change worked out from one. Rows are in
    codebook order, not by count: an order by the hidden counts would give away which is larger.
    Previous period and change are blank at a board's first meeting (nothing to compare with).
    """
    themes = voices.themes.set_index("theme").loc[voices.codebook.ids].reset_index()
    first_meeting = voices.previous_date is None
    return pd.DataFrame(
        {
            "meeting": voices.meeting_date.isoformat(),
            "theme": themes["theme"],
            "name": themes["name"],
            "comments_this_period": _suppressed(themes["period"]),
            "comments_previous_period": None if first_meeting else _suppressed(themes["previous"]),
            "change": None if first_meeting else _suppressed(themes["change"]),
        }
    )


def funding_lines_table(funds: FundingStatus) -> pd.DataFrame:
    """Each line of the register the meeting used, in pounds to the penny, with how it changed.

    Lines withdrawn since the previous meeting's register follow, committed and spent blank.
    `change` and the change columns are blank at a board's first meeting. A blank district is a
    countywide line, as in the register.
    """
    details = ["line_id", "organisation", "priority_area", "kind", "district", "description"]
    money = ["committed_pence", "spent_pence"]
    lines = funds.register[details + money].reset_index(drop=True)
    changes = pd.DataFrame(columns=["change", "moved", *CHANGE_COLUMNS])
    if funds.lines is not None:
        withdrawn = funds.lines.loc[funds.lines["change"] == "withdrawn", details + money]
        lines = _followed_by(lines, withdrawn)
        changes = funds.lines.set_index("line_id")
    ids = lines["line_id"]
    organisations = {o.id: o.name for o in funds.config.organisations}
    return pd.DataFrame(
        {
            "meeting": funds.meeting_date.isoformat(),
            "register_date": funds.register_date.isoformat(),
            "line_id": ids,
            "organisation": lines["organisation"],
            "organisation_name": lines["organisation"].map(organisations),
            "priority_area": lines["priority_area"],
            "kind": lines["kind"],
            "district": lines["district"],
            "description": lines["description"],
            "committed_gbp": lines["committed_pence"].map(_pounds),
            "spent_gbp": lines["spent_pence"].map(_pounds),
            "change": ids.map(changes["change"]),
            "moved": ids.map(changes["moved"]).map("; ".join, na_action="ignore"),
            "committed_change_gbp": ids.map(changes["committed_change_pence"]).map(_pounds),
            "spent_change_gbp": ids.map(changes["spent_change_pence"]).map(_pounds),
        }
    )


def per_child_table(funds: FundingStatus) -> pd.DataFrame:
    """Committed per child aged 0 to 25 in each district, best-funded first, as the briefing has.

    Only lines tied to a district count; per child is to the penny (halves up), `vs_median` the
    share above or below the median district (to 4 places), `below_median` the briefing's flag.
    """
    districts = funds.districts
    return pd.DataFrame(
        {
            "meeting": funds.meeting_date.isoformat(),
            "register_date": funds.register_date.isoformat(),
            "district": districts["district"],
            "population_0_25": districts["population_0_25"],
            "lines": districts["lines"],
            "committed_gbp": districts["committed_pence"].map(_pounds),
            "spent_gbp": districts["spent_pence"].map(_pounds),
            "per_child_gbp": districts["per_child_pence"].map(lambda p: _pounds(round_pence(p))),
            "vs_median": districts["vs_median"].map(_share, na_action="ignore"),
            "below_median": districts["below_median"].map({True: YES, False: NO}),
        }
    )


def _followed_by(table: pd.DataFrame, more: pd.DataFrame) -> pd.DataFrame:
    """Rows that are no longer in the data (removed, withdrawn) after those that are."""
    return pd.concat([table, more], ignore_index=True) if len(more) else table


def _pounds(pence: object) -> Decimal | None:
    """Whole pence as exact pounds with two decimals (`120000.50`), never through a float."""
    if pence is None or pd.isna(pence):
        return None
    return Decimal(int(pence)).scaleb(-2)


def _share(share: object) -> float:
    """A share such as -0.875 to four places: enough to sort and compare, no float noise."""
    return round(float(share), 4)


def _iso(dates: pd.Series) -> pd.Series:
    return dates.map(lambda d: d.date().isoformat(), na_action="ignore")


def _flag(marked: pd.Series, applies: pd.Series) -> pd.Series:
    return marked.map({True: YES, False: NO}).where(applies, None)


def _suppressed(counts: pd.Series) -> pd.Series:
    return counts.map(lambda n: SUPPRESSED if pd.isna(n) else int(n)).astype(object)
