"""The action-plan section: where each area stands, what moved, what is late or stuck, the trend."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
from markupsafe import Markup

from boardbrief import charts
from boardbrief.formatting import count, long_date, medium_date, plural, short_date
from boardbrief.paths import area_page
from boardbrief.present import Column, Html, Row, Table, capped, rag_badge, render_block
from boardbrief.ratings import RAG_ORDER, RAG_WORDS
from boardbrief.sections.action_plan import ActionPlanStatus
from boardbrief.views.wording import agree, sentence

RATING_COLUMNS = [*(Column(RAG_WORDS[rag], "num") for rag in RAG_ORDER), Column("Total", "num")]


def action_plan_summary(plan: ActionPlanStatus) -> Html:
    """The section's plain-English opening: the rating, what moved, what is late or stuck."""
    return render_block("paragraphs.html.j2", paragraphs=summary_sentences(plan))


def consistency_sentence(plan: ActionPlanStatus) -> str | None:
    """Ratings that do not add up (overdue yet green; red with no commentary), when any."""
    green = len(plan.overdue_green) if plan.overdue_green is not None else 0
    red = len(plan.red_unexplained) if plan.red_unexplained is not None else 0
    parts = []
    if green:
        parts.append(f"{plural(green, 'overdue action')} {agree(green, 'is', 'are')} rated green")
    if red:
        parts.append(
            f"{plural(red, 'red action')} {agree(red, 'has', 'have')} no commentary to explain "
            f"{agree(red, 'it', 'them')}"
        )
    if not parts:
        return None
    return f"Ratings to check: {' and '.join(parts)}."


def summary_sentences(plan: ActionPlanStatus) -> list[str]:
    """The opening sentences, one per paragraph; also used by tests."""
    overall = RAG_WORDS[plan.overall_rag].lower()
    if plan.assessed_overall_rag:
        assessed = RAG_WORDS[plan.assessed_overall_rag].lower()
        rating = f"Overall {assessed}, as assessed by the lead officer "
        rating += f"(the board's rule gives {overall})."
    else:
        rating = f"Overall {overall}, derived from the actions by the board's rule."
    areas = plan.areas
    red = areas.loc[areas["derived_rag"] == "red", "name"].tolist()
    rating += f" {count(len(red))} of {plural(len(areas), 'priority area')} "
    rating += f"{agree(len(red), 'is', 'are')} red" + (f": {', '.join(red)}." if red else ".")
    sentences = [rating]
    moved = plan.movement_counts
    if moved is not None and not plan.plan_updated:
        sentences.append(
            "The action plan has not been updated since the last meeting: both use the "
            f"snapshot of {long_date(plan.snapshot_date)}, so no rating can have moved."
        )
    elif moved is not None:
        since = f"Since the meeting of {long_date(plan.previous_date)}"
        sentences.append(
            f"{since}: {plural(moved['improved'], 'action')} improved, {count(moved['declined'])} "
            f"declined, {count(moved['new'])} {agree(moved['new'], 'was', 'were')} added and "
            f"{count(moved['removed'])} removed."
        )
    sentences.append(
        f"Of {plural(plan.open_count, 'open action')}, {count(len(plan.overdue))} "
        f"{agree(len(plan.overdue), 'is', 'are')} overdue, {count(len(plan.stuck))} "
        f"{agree(len(plan.stuck), 'has', 'have')} been stuck on the same red or amber rating "
        f"for {plan.config.stuck_after_snapshots} or more updates in a row, and "
        f"{count(len(plan.stale))} {agree(len(plan.stale), 'has', 'have')} not been updated "
        f"for more than {plan.config.stale_after_days} days."
    )
    flags = consistency_sentence(plan)
    if flags:
        sentences.append(flags)
    differing = plan.differing_areas
    if len(differing):
        listed = "; ".join(
            f"{r.name} (assessed {RAG_WORDS[r.assessed_rag].lower()}, "
            f"rule gives {RAG_WORDS[r.derived_rag].lower()})"
            for r in differing.itertuples()
        )
        sentences.append(f"The lead officer's assessment differs from the rule for {listed}.")
    return sentences


def area_ratings(plan: ActionPlanStatus) -> Table:
    """Each priority area's actions by rating, its derived rating and the officer's assessment."""
    assessed_any = plan.areas["assessed_rag"].notna().any() or plan.assessed_overall_rag
    rows = []
    for area in plan.areas.itertuples():
        name = Markup('<a class="area-page" href="{}">{}</a>').format(
            area_page(area.priority_area), area.name
        )
        cells = [name, *(count(getattr(area, rag)) for rag in RAG_ORDER), count(area.total)]
        cells.append(rag_badge(area.derived_rag))
        if assessed_any:
            cells += _assessed_cells(area.assessed_rag, area.derived_rag)
        rows.append(Row(cells))
    totals = [count(plan.totals[rag]) for rag in RAG_ORDER]
    overall = ["All areas", *totals, count(sum(plan.totals.values())), rag_badge(plan.overall_rag)]
    if assessed_any:
        overall += _assessed_cells(plan.assessed_overall_rag, plan.overall_rag)
    rows.append(Row(overall, total=True))
    columns = [Column("Priority area"), *RATING_COLUMNS, Column("Derived rating")]
    if assessed_any:
        columns += [Column("Assessed rating"), Column("Agree?")]
    return Table(
        caption=f"Actions by priority area and rating, as at {long_date(plan.snapshot_date)}",
        columns=columns,
        rows=rows,
        notes=[f"Derived rating: {plan.rule.describe()}"]
        + (["Assessed rating: the lead officer's own judgement."] if assessed_any else []),
    )


def movements(plan: ActionPlanStatus) -> Table | Html:
    """Every action whose rating moved since the last meeting, or that was added or removed."""
    if plan.movements is None:
        return sentence("This is the first meeting with an action plan, so nothing has moved yet.")
    moved = plan.movements[plan.movements["movement"] != "unchanged"]
    unchanged = len(plan.movements) - len(moved)
    if not plan.plan_updated:
        return sentence(
            "The action plan has not been updated since the last meeting: both use the "
            f"snapshot of {long_date(plan.snapshot_date)}."
        )
    if moved.empty:
        return sentence(f"No action changed its rating since {long_date(plan.previous_date)}.")
    rows, left_out = capped(
        moved,
        lambda r: Row(
            [
                _action(r.action_id, r.title),
                _owner(plan, r.owner),
                _badge_or_dash(r.previous_rag),
                _badge_or_dash(r.rag),
                r.movement.capitalize(),
                r.commentary,
            ]
        ),
        "actions that moved",
        "actions.csv",
    )
    return Table(
        caption=f"Actions that moved since {long_date(plan.previous_date)}, declines first",
        columns=[
            Column("Action"),
            Column("Owner"),
            Column("Then"),
            Column("Now"),
            Column("Movement"),
            Column("Owner's commentary"),
        ],
        rows=rows,
        notes=[*left_out, f"{plural(unchanged, 'other action')} kept the same rating."],
    )


def overdue(plan: ActionPlanStatus) -> Table | Html:
    """Open actions past their due date, most overdue first, with whose they are."""
    if plan.overdue.empty:
        return sentence("No open action is past its due date.")
    return _action_list(
        plan,
        plan.overdue,
        "overdue actions, most overdue first",
        f"Overdue actions: not complete and due before {long_date(plan.meeting_date)}",
        [
            (Column("Due"), lambda r: medium_date(r.due_date.date())),
            (Column("Days overdue", "num"), lambda r: count(r.days_overdue)),
            (Column("Rating"), lambda r: rag_badge(r.rag)),
        ],
    )


def stuck(plan: ActionPlanStatus) -> Table | Html:
    """Actions on the same red or amber rating for several updates in a row."""
    times = plan.config.stuck_after_snapshots
    if plan.stuck.empty:
        return sentence(f"No action has stayed red or amber for {times} or more updates in a row.")
    return _action_list(
        plan,
        plan.stuck,
        "stuck actions",
        f"Stuck actions: the same red or amber rating for {times} or more updates in a row",
        [
            (Column("Rating"), lambda r: rag_badge(r.rag)),
            (Column("Updates in a row", "num"), lambda r: count(r.snapshots)),
            (Column("Rated so since"), lambda r: medium_date(r.since.date())),
            (Column("Days unchanged", "num"), lambda r: count(r.days_unchanged)),
        ],
        notes=["An update is one action-plan snapshot; days are counted to the meeting."],
    )


def stale(plan: ActionPlanStatus) -> Table | Html:
    """Open actions whose owners have not updated them for too long."""
    days = plan.config.stale_after_days
    if plan.stale.empty:
        return sentence(f"Every open action was updated in the {days} days before the meeting.")
    return _action_list(
        plan,
        plan.stale,
        "actions not updated",
        f"Actions not updated for more than {days} days before the meeting",
        [
            (Column("Last updated"), lambda r: medium_date(r.last_updated.date())),
            (Column("Days since", "num"), lambda r: count(r.days_since_update)),
            (Column("Rating"), lambda r: rag_badge(r.rag)),
        ],
    )


def _action_list(
    plan: ActionPlanStatus,
    frame: pd.DataFrame,
    what: str,
    caption: str,
    extra: list[tuple[Column, Callable[[Any], object]]],
    notes: Sequence[str] = (),
) -> Table:
    """A table of actions: each one's id and title, its owner, then the `extra` columns.

    Long lists are cut at MAX_LIST_ROWS, with a note; `what` names the rows in that note.
    """
    rows, left_out = capped(
        frame,
        lambda r: Row(
            [_action(r.action_id, r.title), _owner(plan, r.owner), *(cell(r) for _, cell in extra)]
        ),
        what,
        "actions.csv",
    )
    return Table(
        caption=caption,
        columns=[Column("Action"), Column("Owner"), *(column for column, _ in extra)],
        rows=rows,
        notes=[*left_out, *notes],
    )


def rag_trend(plan: ActionPlanStatus, draw: bool = True) -> charts.Chart:
    """The mix of ratings per area at every meeting so far, as a chart with its table.

    `draw=False` leaves the picture out (an empty `svg`) where only the table is wanted: drawing
    is most of the cost."""
    trend = plan.trend
    meetings = list(dict.fromkeys(trend["meeting"]))
    labels = {meeting: short_date(meeting) for meeting in meetings}
    areas = list(plan.areas["name"])
    svg = charts.rag_mix_chart(trend, areas, labels) if draw else ""
    wide = trend.pivot_table(
        index=["name", "meeting"], columns="rag", values="count", sort=False
    ).reindex(columns=list(RAG_ORDER))
    rows = [
        Row(
            [
                f"{name}, {long_date(meeting)}",
                *(count(int(wide.loc[(name, meeting), rag])) for rag in RAG_ORDER),
            ]
        )
        for name in areas
        for meeting in meetings
    ]
    return charts.Chart(
        svg=svg,
        alt=_trend_message(trend, areas, meetings),
        caption=f"Actions by rating in each priority area at each meeting, {_span(meetings)}",
        data=Table(
            caption="Actions by rating, per priority area and meeting",
            columns=[Column("Area and meeting"), *RATING_COLUMNS[:-1]],
            rows=rows,
        ),
    )


def ratings_by_pledge(plan: ActionPlanStatus) -> Table | Html:
    """Actions by rating for each of the board's pledges."""
    if plan.by_pledge is None and not plan.config.pledges:
        return Html("")  # a board with no pledges: nothing to say, and no heading of its own
    if plan.by_pledge is None:
        return sentence("The action plan does not link actions to pledges (no pledge column).")
    pledges = plan.config.pledges
    rows = [
        Row([pledges.get(r.pledge, r.pledge or "No pledge given"), *_counts(r)])
        for r in plan.by_pledge.itertuples()
    ]
    return Table(
        caption="Actions by pledge and rating",
        columns=[Column("Pledge"), *RATING_COLUMNS],
        rows=rows,
    )


def ratings_by_owner(plan: ActionPlanStatus) -> Table:
    """Actions by rating for each organisation that owns any."""
    rows = [Row([_owner(plan, r.owner), *_counts(r)]) for r in plan.by_owner.itertuples()]
    return Table(
        caption="Actions by owner and rating",
        columns=[Column("Owner"), *RATING_COLUMNS],
        rows=rows,
    )


def _trend_message(trend: pd.DataFrame, areas: list[str], meetings: list) -> str:
    """The chart's alt text: what changed in each area between the first and latest meeting."""
    if len(meetings) < 2:
        return (
            f"Stacked bars of actions by rating in each priority area at {long_date(meetings[0])}."
        )
    first, last = meetings[0], meetings[-1]
    parts = []
    for area in areas:
        at = trend[trend["name"] == area].set_index(["meeting", "rag"])["count"]
        red_then, red_now = int(at.get((first, "red"), 0)), int(at.get((last, "red"), 0))
        done_now = int(at.get((last, "blue"), 0))
        parts.append(f"{area}: red {red_then} then {red_now} now, {done_now} complete")
    return (
        f"Stacked bars of actions by rating in each priority area at each meeting from "
        f"{long_date(first)} to {long_date(last)}. " + "; ".join(parts) + "."
    )


def _span(meetings: list) -> str:
    if len(meetings) == 1:
        return long_date(meetings[0])
    return f"{long_date(meetings[0])} to {long_date(meetings[-1])}"


def _assessed_cells(assessed: str | None, derived: str) -> list:
    if not assessed:
        return ["not given", ""]
    return [rag_badge(assessed), "Yes" if assessed == derived else "No: differs"]


def _counts(row: object) -> list[str]:
    return [*(count(getattr(row, rag)) for rag in RAG_ORDER), count(row.total)]


def _action(action_id: str, title: str) -> str:
    return f"{action_id}: {title}"


def _owner(plan: ActionPlanStatus, owner: str) -> str:
    known = {o.id: o.name for o in plan.config.organisations}
    return known.get(owner, owner)


def _badge_or_dash(rag: object) -> object:
    return rag_badge(rag) if isinstance(rag, str) and rag else "\u2013"
