"""The feedback section: what people raise most, whether it is changing, where, in their words."""

from __future__ import annotations

import pandas as pd

from boardbrief import charts
from boardbrief.charts.feedback import theme_share_chart
from boardbrief.contract.meeting import Meeting
from boardbrief.formatting import count, long_date, lower_first, percent, plural, short_date
from boardbrief.present import SUPPRESSED, Column, Html, Row, Table, render_block, suppressible
from boardbrief.sections.feedback import (
    RESPONDENTS,
    FeedbackStatus,
    biggest_moves,
    comments_by_district,
    district_totals,
    in_period,
)
from boardbrief.views.wording import (
    HIDDEN_FROM_TOTAL,
    HIDDEN_FROM_TOTALS,
    first_upper,
    sentence,
    suppression_note,
)

MONTH_YEAR = "{:%B %Y}"
QUOTED_WHO = {  # who said a quoted comment, as written under it
    "parent": "A parent",
    "carer": "A carer",
    "young person": "A young person",
    "professional": "A professional",
    "other": "Someone",
}
RESPONDENT_GROUPS = {
    "parent": "Parents",
    "carer": "Carers",
    "young person": "Young people",
    "professional": "Professionals",
    "other": "Others",
}


def feedback_summary(status: FeedbackStatus) -> Html:
    """The section's plain-English opening: how many, what most, what is rising, what is missed."""
    return render_block("paragraphs.html.j2", paragraphs=summary_sentences(status))


def summary_sentences(status: FeedbackStatus) -> list[str]:
    """The opening sentences, one per paragraph; also used by tests."""
    threshold = status.config.suppression_threshold
    sentences = [count_sentence(status)]
    top = status.themes[status.themes["theme"].isin(status.top_themes)]
    if not top.empty:
        listed = "; ".join(
            _theme_phrase(r, status.previous_date is not None, threshold) for r in top.itertuples()
        )
        sentences.append(f"What people raised most this period: {listed}.")
    movement = movement_sentence(status)
    if movement:
        sentences.append(movement)
    if status.uncoded_share is not None:
        sentences.append(
            f"{percent(status.uncoded_share)} of this period's comments matched no theme in the "
            "codebook; the analysts' appendix lists what they talk about."
        )
    if status.tone is not None and len(status.tone):
        latest = status.tone.iloc[-1]
        if latest["mean"] is not None and not pd.isna(latest["mean"]):
            said = (
                f"Ratings given with comments averaged {latest['mean']:.1f} out of 5 this period "
                f"({count(int(latest['ratings']))} ratings)"
            )
            if len(status.tone) > 1 and not pd.isna(status.tone.iloc[-2]["mean"]):
                said += f", against {status.tone.iloc[-2]['mean']:.1f} the period before"
            sentences.append(said + ".")
    return sentences


def count_sentence(status: FeedbackStatus) -> str:
    """How many comments arrived this period and in all, small counts suppressed."""
    threshold = status.config.suppression_threshold
    since = f"since {long_date(status.previous_date)}" if status.previous_date else "so far"
    shown, actual = status.totals, status.counts
    return first_upper(
        f"{how_many_comments(shown['period'], actual['period'], threshold)} received {since} "
        f"({how_many_comments(shown['to_date'], actual['to_date'], threshold)} in total up to "
        "this meeting)."
    )


def movement_sentence(status: FeedbackStatus) -> str | None:
    """The theme that rose most and the one that fell most since the previous period, if any.

    When the number of comments moved by more than a tenth, rises and falls are judged on each
    theme's share of the comments, and the shares are given.
    """
    basis, up, down = biggest_moves(status)
    moves = []
    if up is not None:
        moves.append(f"the biggest rise was in {lower_first(up['name'])} ({_moved(up, basis)})")
    if down is not None:
        moves.append(f"the biggest fall was in {lower_first(down['name'])} ({_moved(down, basis)})")
    if not moves:
        return None
    said = f"Against the previous period, {' and '.join(moves)}."
    if basis == "share":
        said += (
            " The number of comments changed by more than a tenth, so these are judged on shares."
        )
    return said


def _moved(theme: pd.Series, basis: str) -> str:
    if basis == "share":
        return (
            f"from {percent(theme['previous_share'])} to {percent(theme['share'])} of comments, "
            f"{_signed(int(theme['change']))} in number"
        )
    return _signed(int(theme["change"]))


def theme_table(status: FeedbackStatus) -> Table:
    """Every theme in the codebook: comments raising it this period and last, the change, and
    each count's share of its period's comments (none beside a hidden count)."""
    has_previous = status.previous_date is not None
    shares = status.shares.set_index("theme") if status.shares is not None else None
    rows = []
    for theme in status.themes.itertuples():
        cells = [theme.name, suppressible(theme.period, _whole)]
        if shares is not None:
            cells.append(percent(shares.at[theme.theme, "share"]))
        if has_previous:
            cells += [suppressible(theme.previous, _whole)]
            if shares is not None:
                cells.append(percent(shares.at[theme.theme, "previous_share"]))
            cells.append(_change(theme.change))
        rows.append(Row(cells))
    columns = [Column("Theme"), Column("This period", "num")]
    if shares is not None:
        columns.append(Column("Share of comments", "num"))
    if has_previous:
        columns += [Column("Previous period", "num")]
        if shares is not None:
            columns.append(Column("Share then", "num"))
        columns.append(Column("Change", "num"))
    notes = [
        "A comment can raise several themes, so the counts add up to more than the comments, "
        "and the shares to more than 100%."
    ]
    if any(SUPPRESSED in r.cells for r in rows):
        notes.append(suppression_note(status.config.suppression_threshold))
    return Table(
        caption=f"Comments raising each theme, period to {long_date(status.meeting_date)}",
        columns=columns,
        rows=rows,
        notes=notes,
    )


def theme_trend(status: FeedbackStatus, draw: bool = True) -> charts.Chart | Html:
    """The most raised themes as a share of each period's comments, at every meeting so far
    (`draw=False`: the table alone, as `theme_share_trend`)."""
    if status.trend.empty or not status.top_themes:
        return sentence("There are no coded comments to chart yet.")
    names = {t: status.codebook.name(t) for t in status.top_themes}
    return theme_share_trend(
        status.trend,
        names,
        status.config.suppression_threshold,
        status.meeting_date,
        period_total_hidden=status.totals["period"] is None,
        which="the most raised themes",
        draw=draw,
    )


def theme_share_trend(
    trend: pd.DataFrame,
    names: dict[str, str],
    threshold: int,
    meeting_date: object,
    period_total_hidden: bool,
    which: str,
    draw: bool = True,
) -> charts.Chart | Html:
    """Themes as a share of each period's comments at every meeting, small numbers left out.

    `trend` is `sections.feedback.theme_trend`'s table of the themes in `names`; `which` names
    them in the caption ("the most raised themes"); `draw=False` leaves the picture out where
    only the table is wanted. This period's total is hidden when
    `period_total_hidden`, as the section's opening hides it: beside the total to date it could
    give away a small number of comments before it.
    """
    meetings = list(dict.fromkeys(trend["meeting"]))
    # A share is a count over a total: where either is a small number it is not drawn or said.
    comments_hidden = trend["comments"].between(1, threshold - 1) | (
        (trend["meeting"] == meeting_date) & period_total_hidden
    )
    hidden = trend["count"].between(1, threshold - 1) | comments_hidden
    shown = trend.assign(count=trend["count"].where(~hidden))
    if shown["count"].isna().all():
        return sentence(
            "There is no chart of how the themes are changing yet: every share would rest on "
            f"fewer than {threshold} comments, or let a hidden count be worked out, so none "
            "is drawn."
        )
    svg = theme_share_chart(shown, names, {m: short_date(m) for m in meetings}) if draw else ""
    rows = [
        Row(
            [
                f"{names[r.theme]}, {long_date(r.meeting)}",
                suppressible(_primary(r.count, threshold), count),
                suppressible(None if h else r.comments, count),
                SUPPRESSED if pd.isna(s.count) else percent(_share(r.count, r.comments)),
            ]
        )
        for r, s, h in zip(trend.itertuples(), shown.itertuples(), comments_hidden, strict=True)
    ]
    return charts.Chart(
        svg=svg,
        alt=_trend_message(shown, names, meetings),
        caption=(
            f"Share of each period's comments raising {which}, by meeting; "
            f"a share of fewer than {threshold} comments, or of a period with fewer than "
            f"{threshold}, is left out"
        ),
        data=Table(
            caption="Comments raising each theme, per meeting's period",
            columns=[
                Column("Theme and meeting"),
                Column("Comments raising it", "num"),
                Column("All comments", "num"),
                Column("Share", "num"),
            ],
            rows=rows,
        ),
    )


def themes_by_district(status: FeedbackStatus) -> Table | Html:
    """The most raised themes in each district over the last year, small counts suppressed."""
    return _themes_by(status, status.by_district, "District", "district")


def themes_by_respondent(status: FeedbackStatus) -> Table | Html:
    """The most raised themes by who was speaking, small counts suppressed."""
    labelled = status.by_respondent.rename(
        index={r: RESPONDENT_GROUPS.get(r, r) for r in RESPONDENTS}
    )
    return _themes_by(status, labelled, "Who said it", "respondent")


def quotes(status: FeedbackStatus) -> Html:
    """People's own words for the most raised themes: consented and redacted only."""
    if not status.quotes:
        return sentence("No comment on these themes came with consent to quote it.")
    grouped: dict[str, list] = {}
    for quote in status.quotes:
        grouped.setdefault(quote.theme, []).append(
            {
                "text": quote.text,
                "who": f"{QUOTED_WHO.get(quote.respondent, 'Someone')}, "
                f"{MONTH_YEAR.format(quote.date)}",
            }
        )
    themes = [{"name": status.codebook.name(t), "quotes": q} for t, q in grouped.items()]
    return render_block("quotes.html.j2", themes=themes)


def tone(status: FeedbackStatus) -> Table | Html:
    """Ratings given with comments (1-5) per period: how many of each and the mean."""
    if status.tone is None:
        return sentence("No comment came with a rating, so there is nothing to show on tone.")
    rows = [
        Row(
            [
                long_date(r["meeting"]),
                *(suppressible(r[str(score)], count) for score in range(1, 6)),
                suppressible(r["ratings"], count),
                "\u2013" if r["mean"] is None or pd.isna(r["mean"]) else f"{r['mean']:.1f}",
            ]
        )
        for _, r in status.tone.iterrows()
    ]
    return Table(
        caption="Ratings given with comments, per meeting's period (1 = very poor, 5 = very good)",
        columns=[
            Column("Period to"),
            *(Column(str(score), "num") for score in range(1, 6)),
            Column("Ratings", "num"),
            Column("Mean", "num"),
        ],
        rows=rows,
        notes=[
            "Only ratings people gave themselves are shown; no sentiment is guessed from the text.",
            suppression_note(status.config.suppression_threshold, HIDDEN_FROM_TOTALS),
        ],
    )


def codebook_gaps(status: FeedbackStatus) -> Html:
    """For analysts: what uncoded comments talk about, to extend the codebook. Never quotes."""
    threshold = status.config.suppression_threshold
    share = percent(status.uncoded_share) if status.uncoded_share is not None else "\u2013"
    uncoded = _how_many(status.uncoded, threshold)
    said = f"{share} of this period's comments ({uncoded}) matched no theme."
    if status.uncoded_words.empty and status.uncoded_phrases.empty:
        return sentence(
            f"{said} No word or two-word phrase is used in {threshold} or more of the uncoded "
            "comments so far, so there is nothing to list for the codebook yet."
        )
    lead = (
        f"{said} Below are the words and two-word phrases used most in all uncoded comments so "
        f"far, each counted once per comment and listed only when {threshold} or more comments "
        "use it. Personal details are removed first."
    )
    tables = [
        Table(
            caption=f"Most used {label} in uncoded comments",
            columns=[Column(label.capitalize()[:-1] if label == "words" else "Phrase"),
                     Column("Comments", "num")],
            rows=[Row([r.term, count(r.comments)]) for r in frame.itertuples()],
        ).to_html()
        for label, frame in (("words", status.uncoded_words), ("phrases", status.uncoded_phrases))
        if not frame.empty
    ]  # fmt: skip
    return render_block("appendix.html.j2", lead=lead, tables=tables)


def feedback_by_district(meeting: Meeting) -> Table:
    """Comments per district, since the last meeting and in total, small counts suppressed."""
    config = meeting.config
    period = in_period(meeting.feedback, meeting.previous_date, meeting.date)
    table = comments_by_district(period, meeting.feedback, config)
    rows = [
        Row([r.district, suppressible(r.period, count), suppressible(r.to_date, count)])
        for r in table.itertuples()
    ]
    threshold = config.suppression_threshold
    totals = district_totals(period, meeting.feedback, config)
    rows.append(
        Row(
            ["All districts", *(suppressible(totals[k], count) for k in ("period", "to_date"))],
            total=True,
        )
    )
    since = f"since {long_date(meeting.previous_date)}" if meeting.previous_date else "so far"
    lead = first_upper(
        f"{how_many_comments(totals['period'], len(period), threshold)} received {since}; "
        f"{how_many_comments(totals['to_date'], len(meeting.feedback), threshold)} in total "
        "up to this meeting."
    )
    return Table(
        caption="Feedback comments by district",
        columns=[
            Column("District"),
            Column("Since last meeting" if meeting.previous_date else "This period", "num"),
            Column("All to date", "num"),
        ],
        rows=rows,
        lead=lead,
        notes=[suppression_note(threshold, HIDDEN_FROM_TOTAL)]
        if any(SUPPRESSED in r.cells for r in rows)
        else [],
    )


def how_many_comments(shown: int | None, actual: int, threshold: int) -> str:
    """A count for a sentence, vague when it is hidden to protect families' privacy."""
    if shown is not None:
        return plural(shown, "comment")
    if 0 < actual < threshold:
        return f"fewer than {threshold} comments"
    return "a number of comments (hidden so that a smaller count cannot be worked out)"


def _themes_by(status: FeedbackStatus, table: pd.DataFrame, label: str, what: str) -> Table | Html:
    if table.empty or not status.top_themes:
        return sentence(f"There are no coded comments by {what} to show yet.")
    themes = [c for c in table.columns if c != "Total"]
    rows = [
        Row(
            [str(index), *(suppressible(table.loc[index, t], count) for t in [*themes, "Total"])],
            total=index == "Total",
        )
        for index in table.index
    ]
    return Table(
        caption=(
            f"Comments raising the most raised themes by {what}, "
            f"{long_date(status.where_since)} to {long_date(status.meeting_date)}"
        ),
        columns=[
            Column(label),
            *(Column(status.codebook.name(t), "num") for t in themes),
            Column("All these themes", "num"),
        ],
        rows=rows,
        notes=[
            "Over the last twelve months, so that each count is large enough to say something.",
            suppression_note(status.config.suppression_threshold, HIDDEN_FROM_TOTALS),
        ],
    )


def _theme_phrase(row: object, with_previous: bool, threshold: int) -> str:
    shown = _how_many(None if pd.isna(row.period) else int(row.period), threshold)
    text = f"{lower_first(row.name)} ({shown}"
    if with_previous and not pd.isna(row.previous):
        text += f", against {count(int(row.previous))} the period before"
    return text + ")"


def _trend_message(trend: pd.DataFrame, names: dict[str, str], meetings: list) -> str:
    parts = []
    for theme, name in names.items():
        rows = trend[trend["theme"] == theme]
        first, last = rows.iloc[0], rows.iloc[-1]
        parts.append(f"{name}: {_share_said(first)} then {_share_said(last)}")
    span = f"{long_date(meetings[0])} to {long_date(meetings[-1])}"
    return (
        f"Lines of the share of comments raising each top theme, {span}. " + "; ".join(parts) + "."
    )


def _share_said(row: pd.Series) -> str:
    if pd.isna(row["count"]):
        return "not shown (a small number)"
    return percent(row["count"] / row["comments"] if row["comments"] else None)


def _share(raising: int, comments: int) -> float:
    """A shown theme count's share of its period (no comments raising it: 0%)."""
    return raising / comments if raising else 0.0


def _whole(value: float) -> str:
    """A count held as a float beside hidden ones (7.0) shown as the whole number it is."""
    return count(int(value))


def _primary(value: int, threshold: int) -> int | None:
    return None if 0 < value < threshold else value


def _change(change: object) -> str:
    return "\u2013" if pd.isna(change) else _signed(int(change))


def _signed(number: int) -> str:
    return (
        f"+{count(number)}"
        if number > 0
        else ("no change" if number == 0 else f"\u2212{count(-number)}")
    )


def _how_many(shown: int | None, threshold: int) -> str:
    return f"fewer than {threshold} comments" if shown is None else plural(shown, "comment")
