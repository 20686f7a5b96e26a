"""An area's page: one priority area in depth, for the board and the area's lead.

Every block takes `sections.area.AreaStatus`. Lists are not cut: the page is where every action
of the area is shown. The blocks reuse the briefing's own pieces where they show the same thing
(the scorecard's measure table and charts, the funding spend chart, the theme share chart).
"""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from boardbrief import charts
from boardbrief.formatting import count, gbp_short, long_date, medium_date, percent, plural
from boardbrief.paths import BRIEFING_HTML
from boardbrief.present import Column, Html, Row, Table, rag_badge, render_block
from boardbrief.ratings import RAG_ORDER, RAG_WORDS
from boardbrief.sections.area import ANSWERED, AreaStatus
from boardbrief.views.action_plan import RATING_COLUMNS
from boardbrief.views.feedback import theme_share_trend
from boardbrief.views.funding.cells import MONEY_COLUMNS, money_cells
from boardbrief.views.funding.changes import SPEND_OVER_TIME_COLUMNS
from boardbrief.views.scorecard import area_table, measure_chart
from boardbrief.views.wording import agree, and_list, sentence

DASH = "\u2013"
# The area page sits in `areas/` beside the briefing.
BRIEFING_LINK = f"../{BRIEFING_HTML}"


def area_headline(focus: AreaStatus) -> Html:
    """Title block: the area, the board and meeting, its ratings, the dates the data is as at."""
    config = focus.config
    return render_block(
        "area_headline.html.j2",
        sample=config.sample,
        place=config.area,
        board=config.board,
        name=focus.name,
        meeting_date=long_date(focus.meeting_date),
        derived_rag=focus.derived_rag,
        assessed_rag=focus.assessed_rag,
        actions_as_at=long_date(focus.snapshot_date),
        funding_as_at=long_date(focus.register_date),
        briefing=BRIEFING_LINK,
    )


def area_summary(focus: AreaStatus) -> Html:
    """The page's plain-English opening: rating and its movement, actions, measures, money."""
    return render_block("paragraphs.html.j2", paragraphs=summary_sentences(focus))


def summary_sentences(focus: AreaStatus) -> list[str]:
    """The opening sentences, one per paragraph; also used by tests."""
    derived = RAG_WORDS[focus.derived_rag].lower()
    if focus.assessed_rag:
        rating = (
            f"{focus.name} is {RAG_WORDS[focus.assessed_rag].lower()}, as assessed by the lead "
            f"officer (the board's rule gives {derived})."
        )
    else:
        rating = f"{focus.name} is {derived}, derived from its actions by the board's rule."
    before = focus.previous_ratings
    if before is not None:
        then = RAG_WORDS[before["derived_rag"]].lower()
        rating += (
            f" At the meeting of {long_date(before['meeting'])} the rule gave {then}."
            if then != derived
            else f" The rule gave {then} at the meeting of {long_date(before['meeting'])} too."
        )
    sentences = [rating]
    actions = focus.actions
    flags = [
        f"{count(int(actions['days_overdue'].notna().sum()))} overdue",
        f"{count(int(actions['stuck_snapshots'].notna().sum()))} stuck",
        f"{count(int(actions['days_since_update'].notna().sum()))} not updated",
    ]
    mix = and_list([f"{count(focus.totals[rag])} {RAG_WORDS[rag].lower()}" for rag in RAG_ORDER])
    sentences.append(
        f"It has {plural(len(actions), 'action')} on the plan as at "
        f"{long_date(focus.snapshot_date)}: {mix}. Of {plural(focus.open_count, 'open action')}, "
        f"{and_list(flags)}."
    )
    if focus.impact is not None:
        counts = focus.impact.counts
        rated = counts["red"] + counts["amber"] + counts["green"]
        measures = len(focus.scorecard.by_area(focus.area))
        sentences.append(
            f"Of its {plural(measures, 'outcome measure')}, {count(counts['green'])} of "
            f"{count(rated)} rated {agree(counts['green'], 'is', 'are')} on or ahead of "
            "trajectory."
        )
    money = focus.money
    if money["lines"]:
        total = focus.board_committed_pence
        share = f" ({percent(money['committed_pence'] / total)} of all investment)" if total else ""
        sentences.append(
            f"Partners have committed {gbp_short(money['committed_pence'])} to it{share}, of "
            f"which {gbp_short(money['spent_pence'])} ({percent(money['spend_rate'])}) has been "
            "spent."
        )
    else:
        sentences.append("No line of the investment register is for this area.")
    return sentences


def area_commentary(focus: AreaStatus) -> Html | None:
    """What the lead officer wrote under the area's own heading, or nothing when there is none."""
    if focus.commentary is None:
        return None
    return render_block(
        "area_commentary.html.j2", body=Markup(focus.commentary.body_html(top_level=3))
    )


def area_ratings_over_time(focus: AreaStatus) -> Table:
    """The area's actions by rating, derived and assessed rating, at every meeting so far."""
    rows = [
        Row(
            [
                long_date(r.meeting),
                medium_date(r.snapshot_date),
                *(count(getattr(r, rag)) for rag in RAG_ORDER),
                count(r.total),
                rag_badge(r.derived_rag),
                rag_badge(r.assessed_rag) if isinstance(r.assessed_rag, str) else "not given",
            ]
        )
        for r in focus.ratings.itertuples()
    ]
    return Table(
        caption=f"{focus.name}: ratings at each meeting",
        columns=[
            Column("Meeting"),
            Column("Action plan as at"),
            *RATING_COLUMNS,
            Column("Derived rating"),
            Column("Assessed rating"),
        ],
        rows=rows,
        notes=[
            f"Derived rating: {focus.rule.describe()}",
            "Assessed rating: the lead officer's own judgement, where the commentary gives one.",
        ],
    )


def area_actions(focus: AreaStatus) -> Table | Html:
    """Every action of the area: owner, due date, rating, flags and the latest commentary."""
    if focus.actions.empty:
        return sentence("The action plan has no action in this area.")
    organisations = {o.id: o.name for o in focus.config.organisations}
    rows = [
        Row(
            [
                f"{r.action_id}: {r.title}",
                organisations.get(r.owner, r.owner),
                medium_date(r.due_date.date()),
                rag_badge(r.rag),
                _flags(r) or "None",
                r.commentary,
            ]
        )
        for r in focus.actions.itertuples()
    ]
    config = focus.config
    return Table(
        caption=f"Every action in {focus.name}, as at {long_date(focus.snapshot_date)}",
        columns=[
            Column("Action"),
            Column("Owner"),
            Column("Due"),
            Column("Rating"),
            Column("Flags"),
            Column("Owner's latest commentary"),
        ],
        rows=rows,
        notes=[
            "Overdue: not complete and due before the meeting. Stuck: the same red or amber "
            f"rating for {config.stuck_after_snapshots} or more updates in a row. Not updated: "
            f"no update for more than {config.stale_after_days} days before the meeting."
        ],
    )


def action_histories(focus: AreaStatus) -> Table | Html:
    """Each action's rating at every meeting so far, one column per meeting."""
    if focus.history.empty:
        return sentence("The action plan has no action in this area.")
    meetings = list(focus.history.columns)
    rows = [
        Row([action_id, *(rag_badge(r) if r else DASH for r in ratings)])
        for action_id, ratings in zip(
            focus.history.index, focus.history.itertuples(index=False), strict=True
        )
    ]
    return Table(
        caption=f"Each action's rating at every meeting, {_span(meetings)}",
        columns=[Column("Action"), *(Column(medium_date(m)) for m in meetings)],
        rows=rows,
        notes=[
            "Each meeting shows the action plan it was briefed on; a dash: the action was not "
            "yet on the plan."
        ],
    )


def area_measures(focus: AreaStatus) -> Html | None:
    """The area's outcome measures against their trajectories, each with its trend line; nothing
    for a board without measures (the heading goes too)."""
    if focus.scorecard is None:
        return None
    if focus.impact is None:
        return sentence("The board tracks no outcome measure for this area.")
    return area_table(focus.scorecard, focus.impact).to_html()


def behind_trajectory(focus: AreaStatus) -> Html | None:
    """A chart over its trajectory of each of the area's measures behind it by more than its
    tolerance (red): the ones the board will ask about; nothing when none is."""
    if focus.scorecard is None:
        return None
    red = [m for m in focus.scorecard.by_area(focus.area) if m.rating == "red"]
    if not red:
        return None
    return Html("\n".join(measure_chart(m).to_html().markup for m in red))


def area_investment_by_organisation(focus: AreaStatus) -> Table | Html:
    """Committed and spent on the area per organisation, largest commitment first."""
    if not focus.money["lines"]:
        return sentence("No line of the investment register is for this area.")
    rows = [Row([r.name, *money_cells(r)]) for r in focus.by_organisation.itertuples()]
    rows.append(Row(["All organisations", *money_cells(_total(focus))], total=True))
    return Table(
        caption=f"Investment in {focus.name} by organisation, as at "
        f"{long_date(focus.register_date)}",
        columns=[Column("Organisation"), *MONEY_COLUMNS],
        rows=rows,
    )


def area_investment_by_kind(focus: AreaStatus) -> Table | None:
    """Committed and spent on the area by kind: funding, physical resources, staff time."""
    if not focus.money["lines"]:
        return None
    rows = [Row([r.kind.capitalize(), *money_cells(r)]) for r in focus.by_kind.itertuples()]
    rows.append(Row(["All kinds", *money_cells(_total(focus))], total=True))
    return Table(
        caption=f"Investment in {focus.name} by kind, as at {long_date(focus.register_date)}",
        columns=[Column("Kind"), *MONEY_COLUMNS],
        rows=rows,
        notes=[
            "Physical resources and staff time are valued in pounds by the organisation giving "
            "them."
        ],
    )


def area_spend_trend(focus: AreaStatus) -> Table | None:
    """Committed and spent on the area, and the spend rate, at every meeting so far, each from
    the register that meeting used."""
    over_time = focus.over_time
    if over_time.empty or not over_time["committed_pence"].any():
        return None
    rows = [
        Row(
            [
                long_date(r.meeting),
                long_date(r.register_date),
                gbp_short(r.committed_pence),
                gbp_short(r.spent_pence),
                percent(r.spend_rate),
            ]
        )
        for r in over_time.itertuples()
    ]
    return Table(
        caption=f"Committed and spent on {focus.name} at each meeting",
        columns=SPEND_OVER_TIME_COLUMNS,
        rows=rows,
    )


def area_themes(focus: AreaStatus) -> Table | Html:
    """The feedback themes linked to the area, with comments this period and last."""
    if focus.themes.empty:
        return sentence("No feedback theme is linked to this area.")
    threshold = focus.config.suppression_threshold
    rows = [
        Row(
            [
                r.name,
                _linked_by(r.linked_by, r.answering),
                _shown(r.period),
                _shown(r.previous) if focus.previous_date else DASH,
                _signed(r.change) if focus.previous_date else DASH,
            ]
        )
        for r in focus.themes.itertuples()
    ]
    return Table(
        caption=f"What families raise about {focus.name}, since {_since(focus)}",
        columns=[
            Column("Theme"),
            Column("Why it is here"),
            Column("Comments this period", "num"),
            Column("Previous period", "num"),
            Column("Change", "num"),
        ],
        rows=rows,
        notes=[
            f"[c]: fewer than {threshold} comments, hidden to protect families' privacy.",
            "A comment may raise several themes.",
        ],
    )


def area_theme_trend(focus: AreaStatus) -> charts.Chart | Html | None:
    """The linked themes as a share of each period's comments, at every meeting so far."""
    if focus.themes.empty or focus.theme_trend.empty:
        return None
    names = dict(zip(focus.themes["theme"], focus.themes["name"], strict=True))
    return theme_share_trend(
        focus.theme_trend,
        names,
        focus.config.suppression_threshold,
        focus.meeting_date,
        period_total_hidden=focus.period_total_hidden,
        which="the themes linked to this area",
    )


def area_about(focus: AreaStatus) -> Html:
    """Where the page's figures come from, and how it belongs to the briefing."""
    return render_block(
        "area_about.html.j2",
        name=focus.name,
        meeting_date=long_date(focus.meeting_date),
        actions_as_at=long_date(focus.snapshot_date),
        funding_as_at=long_date(focus.register_date),
        sample=focus.config.sample,
        briefing=BRIEFING_LINK,
    )


def _flags(r: object) -> str:
    flags = []
    if not pd.isna(r.days_overdue):
        flags.append(f"Overdue by {plural(int(r.days_overdue), 'day')}")
    if not pd.isna(r.stuck_snapshots):
        flags.append(f"Stuck for {plural(int(r.stuck_snapshots), 'update')}")
    if not pd.isna(r.days_since_update):
        flags.append(f"Not updated for {plural(int(r.days_since_update), 'day')}")
    return "; ".join(flags)


def _linked_by(linked_by: str, answering: list[str]) -> str:
    if linked_by == ANSWERED:
        return f"Answered by {and_list(answering)}"
    if answering:
        return f"Belongs to this area; answered by {and_list(answering)}"
    return "Belongs to this area; no action answers it yet"


def _shown(value: object) -> str:
    return "[c]" if pd.isna(value) else count(int(value))


def _signed(value: object) -> str:
    if pd.isna(value):
        return DASH
    return f"+{count(int(value))}" if value > 0 else ("0" if value == 0 else f"\u2212{-value:,}")


def _since(focus: AreaStatus) -> str:
    if focus.previous_date is None:
        return "the board began"
    return f"the meeting of {long_date(focus.previous_date)}"


def _span(meetings: list) -> str:
    if len(meetings) == 1:
        return long_date(meetings[0])
    return f"{long_date(meetings[0])} to {long_date(meetings[-1])}"


def _total(focus: AreaStatus) -> object:
    """The area's totals as a row `money_cells` reads."""
    money = focus.money
    return pd.Series(
        {
            "lines": money["lines"],
            "committed_pence": money["committed_pence"],
            "spent_pence": money["spent_pence"],
            "spend_rate": money["spend_rate"],
        }
    )
