"""Feedback computations: what people raise, how it changes between meetings, and where.

Counts are of comments; a comment may carry several themes. Every count that reaches the
briefing has passed through small-number suppression; every quote has consent and is redacted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

from boardbrief.contract.board_config import BoardConfig
from boardbrief.contract.codebook import Codebook, code_comments, coding_phrases
from boardbrief.contract.meeting import Meeting
from boardbrief.privacy.names import NameScreen
from boardbrief.privacy.redaction import Redactor
from boardbrief.privacy.suppression import (
    shown_total,
    suppress_counts,
    suppress_table,
    suppress_total,
    suppress_with_earlier,
    total_is_safe,
)
from boardbrief.sections.tracing import COUNT, Rule, SourceRow, Trace, plain
from boardbrief.sections.uncoded_terms import frequent_terms

NOT_RECORDED = "Not recorded"
WHERE_WINDOW_DAYS = 365
RESPONDENTS = ("parent", "carer", "young person", "professional", "other")
LONGEST_QUOTE = 600
IDEAL_QUOTE = 200


def in_period(feedback: pd.DataFrame, previous: dt.date | None, meeting: dt.date) -> pd.DataFrame:
    """Comments from the day after the previous meeting up to and including the meeting."""
    dates = feedback["date"]
    after = dates > pd.Timestamp(previous) if previous else pd.Series(True, index=feedback.index)
    return feedback[after & (dates <= pd.Timestamp(meeting))]


def comments_by_district(
    period: pd.DataFrame, to_date: pd.DataFrame, config: BoardConfig
) -> pd.DataFrame:
    """Comments per district in the period and to date, small counts suppressed (as <NA>).

    Every district in board.yml has a row, in board.yml's order; comments with no district come
    last as 'Not recorded' when there are any.
    """
    table = _district_counts(period, to_date, config)
    shown_period, shown_to_date = suppress_with_earlier(
        table["period"], table["to_date"], config.suppression_threshold
    )
    table = pd.DataFrame({"period": shown_period, "to_date": shown_to_date})
    return table.rename_axis("district").reset_index()


def district_totals(
    period: pd.DataFrame, to_date: pd.DataFrame, config: BoardConfig
) -> dict[str, int | None]:
    """The totals under `comments_by_district`, each hidden too where, beside the districts'
    shown counts, it would give the hidden ones away."""
    threshold = config.suppression_threshold
    totals = comment_totals(period, to_date, threshold)
    table = _district_counts(period, to_date, config)
    shown = suppress_with_earlier(table["period"], table["to_date"], threshold)
    for key, column in zip(("period", "to_date"), shown, strict=True):
        if not total_is_safe(table[key], column.isna(), threshold):
            totals[key] = None
    return totals


def _district_counts(
    period: pd.DataFrame, to_date: pd.DataFrame, config: BoardConfig
) -> pd.DataFrame:
    names = [*config.district_names, NOT_RECORDED]

    def counts(frame: pd.DataFrame) -> pd.Series:
        return _district(frame).value_counts().reindex(names, fill_value=0).astype("int64")

    table = pd.DataFrame({"period": counts(period), "to_date": counts(to_date)})
    if table.loc[NOT_RECORDED, "to_date"] == 0:
        table = table.drop(index=NOT_RECORDED)
    return table


def comment_totals(
    period: pd.DataFrame, to_date: pd.DataFrame, threshold: int
) -> dict[str, int | None]:
    """How many comments in the period and to date; None where the number is too small to show.

    The period's total is hidden too when the comments before it are a small number, since the
    two totals would give that number away.
    """
    shown_period, shown_to_date = suppress_with_earlier(
        pd.Series([len(period)]), pd.Series([len(to_date)]), threshold
    )
    return {
        "period": None if pd.isna(shown_period[0]) else int(shown_period[0]),
        "to_date": None if pd.isna(shown_to_date[0]) else int(shown_to_date[0]),
    }


@dataclass(frozen=True)
class Quote:
    """A comment shown in the briefing: consented, redacted, and attributed only loosely."""

    theme: str
    feedback_id: str
    text: str
    respondent: str
    date: dt.date


@dataclass(frozen=True)
class FeedbackStatus:
    """Everything the briefing says about feedback at one meeting, computed once."""

    config: BoardConfig
    codebook: Codebook
    meeting_date: dt.date
    previous_date: dt.date | None
    totals: dict[str, int | None]
    counts: dict[str, int]  # the true totals, only to word a hidden one truthfully; never shown
    uncoded: int | None
    uncoded_share: float | None
    themes: pd.DataFrame
    top_themes: list[str]
    trend: pd.DataFrame
    by_district: pd.DataFrame
    by_respondent: pd.DataFrame
    where_since: dt.date
    quotes: list[Quote]
    quotes_withheld: int  # consenting comments passed over because a word may be a name
    uncoded_words: pd.DataFrame
    uncoded_phrases: pd.DataFrame
    tone: pd.DataFrame | None
    shares: pd.DataFrame | None = None  # `theme_shares`: each theme's share of the comments
    comments_changed: float | None = None  # how far the number of comments moved, as a share


def feedback_status(meeting: Meeting) -> FeedbackStatus:
    """What people said up to a meeting: themes, their change, where, in their words, and tone."""
    config, codebook = meeting.config, meeting.data.codebook
    threshold = config.suppression_threshold
    to_date = meeting.feedback
    coding = code_comments(to_date, codebook)
    period = in_period(to_date, meeting.previous_date, meeting.date)
    before = previous_period_start(meeting)
    previous = in_period(to_date, before, meeting.previous_date) if meeting.previous_date else None
    themes = theme_counts(coding, period, previous, codebook, threshold)
    top = top_themes(themes, config.top_themes)
    coded_rows = set(coding["row"])
    uncoded = int((~period.index.isin(coded_rows)).sum())
    window_start = meeting.date - dt.timedelta(days=WHERE_WINDOW_DAYS)
    window = to_date[to_date["date"] > pd.Timestamp(window_start)]
    redactor = Redactor(config.redact)
    screen = name_screen(config, codebook)
    uncoded_all = to_date[~to_date.index.isin(coded_rows)]
    totals = district_totals(period, to_date, config)  # the same totals wherever they are shown
    words, phrases = frequent_terms(
        uncoded_all["comment"].map(lambda comment: screen.mask_all(redactor(comment))), threshold
    )
    quotes, withheld = choose_quotes(
        to_date, coding, period, top, config.quotes_per_theme, redactor, screen
    )
    previous_total = suppress_total(len(previous), threshold) if previous is not None else None
    return FeedbackStatus(
        config=config,
        codebook=codebook,
        meeting_date=meeting.date,
        previous_date=meeting.previous_date,
        totals=totals,
        counts={"period": len(period), "to_date": len(to_date)},
        uncoded=suppress_total(uncoded, threshold),
        # a share beside a shown total would give away a hidden count, and the other way round
        uncoded_share=(
            uncoded / len(period)
            if len(period)
            and totals["period"] is not None
            and suppress_total(uncoded, threshold) is not None
            else None
        ),
        themes=themes,
        top_themes=top,
        trend=theme_trend(to_date, coding, config.meetings, meeting.date, top),
        by_district=themes_by(
            window, coding, top, _district, [*config.district_names, NOT_RECORDED], threshold
        ),
        by_respondent=themes_by(
            window, coding, top, lambda f: f["respondent"], list(RESPONDENTS), threshold
        ),
        where_since=window_start,
        quotes=quotes,
        quotes_withheld=withheld,
        uncoded_words=words,
        uncoded_phrases=phrases,
        tone=tone_by_period(to_date, config.meetings, meeting.date, threshold),
        shares=theme_shares(themes, totals["period"], previous_total),
        comments_changed=(
            (len(period) - len(previous)) / len(previous)
            if previous is not None and len(previous)
            else None
        ),
    )


def theme_counts(
    coding: pd.DataFrame,
    period: pd.DataFrame,
    previous: pd.DataFrame | None,
    codebook: Codebook,
    threshold: int,
) -> pd.DataFrame:
    """Comments carrying each theme this period and last, small counts suppressed.

    Columns: `theme`, `name`, `period`, `previous` (<NA> when suppressed or at the first
    meeting), `change` (only where both counts are shown), and `period_actual` for ordering.
    Rows are in descending order of this period's count as shown, then codebook order: the
    order must not rank counts the suppression hides.
    """

    def count_in(frame: pd.DataFrame) -> pd.Series:
        rows = coding[coding["row"].isin(frame.index)]
        return rows["theme"].value_counts().reindex(codebook.ids, fill_value=0).astype("int64")

    now = count_in(period)
    table = pd.DataFrame({"theme": codebook.ids, "name": [codebook.name(t) for t in codebook.ids]})
    table["period_actual"] = now.to_numpy()
    table["period"] = _primary_only(now, threshold).to_numpy()
    if previous is None:
        table["previous"] = pd.array([pd.NA] * len(table), dtype="Int64")
    else:
        table["previous"] = _primary_only(count_in(previous), threshold).to_numpy()
    table["change"] = table["period"] - table["previous"]
    table["order"] = range(len(table))
    # Order by what is shown: a hidden count ranks as "between 0 and the threshold" and hidden
    # counts keep codebook order, so the order never tells which hidden count is the larger.
    table["rank"] = table["period"].astype("Float64").fillna(threshold - 0.5)
    table = table.sort_values(["rank", "order"], ascending=[False, True], kind="stable")
    return table.drop(columns=["order", "rank"]).reset_index(drop=True)


SHARE_RULE_CHANGE = 0.10  # comments moving more than this: a theme's rise is judged on its share


def theme_shares(
    themes: pd.DataFrame, period_total: int | None, previous_total: int | None
) -> pd.DataFrame:
    """Each theme's share of the period's comments, and of the previous period's.

    A share is shown only beside a shown count and a shown total (None where either is hidden,
    or at the first meeting for the previous share). Columns: `theme`, `share`,
    `previous_share`, `share_change` (in points of 1, None unless both shares are shown).
    """

    def share(counts: pd.Series, total: int | None) -> list[float | None]:
        return [
            None if total in (None, 0) or pd.isna(value) else int(value) / total for value in counts
        ]

    now = share(themes["period"], period_total)
    before = share(themes["previous"], previous_total)
    change = [None if a is None or b is None else a - b for a, b in zip(now, before, strict=True)]
    return pd.DataFrame(
        {"theme": themes["theme"], "share": now, "previous_share": before, "share_change": change},
        dtype=object,
    )


def biggest_moves(status: FeedbackStatus) -> tuple[str, pd.Series | None, pd.Series | None]:
    """The themes that rose and fell most since the previous period, and what that is judged on.

    Judged on the change in count, unless the number of comments moved by more than
    `SHARE_RULE_CHANGE`: then most counts move with it, and the change in share is what tells.
    Returns the basis ('count' or 'share'), the rise (None when nothing rose) and the fall.
    """
    basis = "count"
    if status.comments_changed is not None and abs(status.comments_changed) > SHARE_RULE_CHANGE:
        basis = "share"
    if not status.previous_date:
        return basis, None, None
    if basis == "share" and status.shares is not None:
        frame = status.themes.merge(status.shares, on="theme")
        frame = frame[frame["share_change"].notna()]
        key = "share_change"
    else:
        frame = status.themes.dropna(subset=["change"])
        key = "change"
    if frame.empty:
        return basis, None, None
    values = frame[key].astype(float)
    up = frame.loc[values.sort_values(ascending=False, kind="stable").index[0]]
    down = frame.loc[values.sort_values(kind="stable").index[0]]
    return basis, (up if up[key] > 0 else None), (down if down[key] < 0 else None)


def top_themes(themes: pd.DataFrame, how_many: int) -> list[str]:
    """The most raised themes this period (ties in codebook order), leaving out any never raised."""
    raised = themes[themes["period_actual"] > 0]
    return raised["theme"].head(how_many).tolist()


def theme_trend(
    feedback: pd.DataFrame,
    coding: pd.DataFrame,
    meetings: Sequence[dt.date],
    meeting_date: dt.date,
    themes: list[str],
) -> pd.DataFrame:
    """Comments carrying each of `themes` in every meeting's period so far.

    Long format: `meeting`, `theme`, `count`, `comments` (all comments in that period).
    """
    rows = []
    so_far = [m for m in meetings if m <= meeting_date]
    for position, meeting in enumerate(so_far):
        previous = so_far[position - 1] if position else None
        period = in_period(feedback, previous, meeting)
        counts = coding[coding["row"].isin(period.index)]["theme"].value_counts()
        for theme in themes:
            rows.append(
                {
                    "meeting": meeting,
                    "theme": theme,
                    "count": int(counts.get(theme, 0)),
                    "comments": len(period),
                }
            )
    return pd.DataFrame(rows, columns=["meeting", "theme", "count", "comments"])


def themes_by(
    feedback: pd.DataFrame,
    coding: pd.DataFrame,
    themes: list[str],
    grouping: Callable[[pd.DataFrame], pd.Series],
    labels: list[str],
    threshold: int,
) -> pd.DataFrame:
    """Comments carrying each theme (columns) per group (rows), with totals, suppressed in 2-D.

    Rows with no comments at all are left out; the last row and column are the totals.
    """
    pairs = coding[coding["row"].isin(feedback.index) & coding["theme"].isin(themes)]
    group = grouping(feedback).rename("group")
    table = (
        pd.crosstab(pairs["row"].map(group), pairs["theme"])
        .reindex(index=labels, columns=themes, fill_value=0)
        .astype("int64")
        .rename_axis(index=None, columns=None)
    )
    table = table[table.sum(axis=1) > 0] if len(table) else table
    return suppress_table(table, threshold)


def choose_quotes(
    feedback: pd.DataFrame,
    coding: pd.DataFrame,
    period: pd.DataFrame,
    themes: list[str],
    per_theme: int,
    redactor: Redactor,
    screen: NameScreen,
) -> tuple[list[Quote], int]:
    """Up to `per_theme` quotes for each theme, only from people who agreed to be quoted.

    Chosen the same way every time: comments from this period first, then those about this
    theme alone, then those nearest a readable length, then the most recent, then by id. A
    comment in which a word may still be a name once details and certain names are removed is
    passed over for the next one; the second value counts those passed over. A comment that
    repeats a sentence of a quote already chosen is passed over too (not counted): the same
    words twice read as one voice, or as made up.
    """
    if per_theme == 0:
        return [], 0
    consented = feedback[feedback["consent_to_quote"]]
    theme_count = coding.groupby("row")["theme"].size()
    quotes: list[Quote] = []
    used: set[str] = set()
    withheld: set[str] = set()
    sentences_quoted: set[str] = set()
    for theme in themes:
        rows = coding.loc[coding["theme"] == theme, "row"]
        candidates = consented[consented.index.isin(rows)]
        candidates = candidates[candidates["comment"].str.len() <= LONGEST_QUOTE]
        ranked = candidates.assign(
            recent=~candidates.index.isin(period.index),
            themes=candidates.index.map(theme_count),
            distance=(candidates["comment"].str.len() - IDEAL_QUOTE).abs() // 50,
            newest=-candidates["date"].astype("int64"),
        ).sort_values(["recent", "themes", "distance", "newest", "feedback_id"], kind="stable")
        chosen = 0
        for record in ranked.itertuples():
            if chosen == per_theme:
                break
            if record.feedback_id in used or record.feedback_id in withheld:
                continue
            screened = screen.screen(redactor(record.comment))
            if not screened.quotable:
                withheld.add(record.feedback_id)
                continue
            sentences = set(quote_sentences(screened.text))
            if sentences & sentences_quoted:
                continue
            sentences_quoted |= sentences
            used.add(record.feedback_id)
            chosen += 1
            quotes.append(
                Quote(
                    theme=theme,
                    feedback_id=record.feedback_id,
                    text=screened.text,
                    respondent=record.respondent,
                    date=record.date.date(),
                )
            )
    return quotes, len(withheld)


SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def quote_sentences(text: str) -> list[str]:
    """A quote's sentences, compared ignoring case and spacing."""
    return [" ".join(part.casefold().split()) for part in SENTENCE_END.split(text) if part.strip()]


def name_screen(config: BoardConfig, codebook: Codebook) -> NameScreen:
    """The board's names screen: its places and partners are not names; its phrases are words."""
    return NameScreen(
        not_names=[
            config.board,
            config.area,
            *config.district_names,
            *(o.name for o in config.organisations),
            *config.not_names,
        ],
        words=[
            *config.priority_areas.values(),
            *config.pledges.values(),
            *(phrase for theme in codebook.themes for phrase in [theme.name, *theme.phrases]),
        ],
        listed=config.redact,
    )


def tone_by_period(
    feedback: pd.DataFrame, meetings: Sequence[dt.date], meeting_date: dt.date, threshold: int
) -> pd.DataFrame | None:
    """Ratings (1-5) given in each meeting's period: how many of each, and the mean.

    None when no comment carries a rating. Counts are suppressed across each row (whose total
    is shown); the mean only where no count of its row is hidden.
    """
    if "rating" not in feedback.columns or not (feedback["rating"] != "").any():
        return None
    rated = feedback[feedback["rating"] != ""]
    rows = []
    so_far = [m for m in meetings if m <= meeting_date]
    for position, meeting in enumerate(so_far):
        previous = so_far[position - 1] if position else None
        ratings = in_period(rated, previous, meeting)["rating"].astype("int64")
        counts = ratings.value_counts().reindex(range(1, 6), fill_value=0).astype("int64")
        shown = suppress_counts(counts, threshold)
        total = shown_total(counts, shown.isna(), threshold)
        # Beside the total and the shown counts, a mean is a second equation for the hidden
        # ones and can solve them; it is shown only when no count in the row is hidden.
        complete = total is not None and not shown.isna().any()
        mean = round(float(ratings.mean()), 1) if complete and len(ratings) else None
        rows.append({"meeting": meeting, **{str(r): shown[r] for r in range(1, 6)},
                     "ratings": total, "mean": mean})  # fmt: skip
    return pd.DataFrame(rows)


def _district(frame: pd.DataFrame) -> pd.Series:
    return frame["district"].where(frame["district"] != "", NOT_RECORDED)


def _primary_only(counts: pd.Series, threshold: int) -> pd.Series:
    """Counts shown with no total beside them: only the small ones themselves are hidden."""
    shown = counts.astype("Int64").copy()
    shown[(counts > 0) & (counts < threshold)] = pd.NA
    return shown


def previous_period_start(meeting: Meeting) -> dt.date | None:
    """The meeting before the previous one, which opens the previous period."""
    meetings = meeting.config.meetings
    if meeting.previous_date is None:
        return None
    position = meetings.index(meeting.previous_date)
    return meetings[position - 1] if position > 0 else None


def feedback_figures(status: FeedbackStatus) -> dict[str, int | None]:
    """Feedback's keys in figures.json; None wherever the briefing hides a small number.

    `feedback.total.comments` and `feedback.period.comments` count comments;
    `feedback.period.themes.<id>` counts this period's comments raising each theme;
    `feedback.period.uncoded` those raising none; `feedback.quotes_shown` the quotes shown.
    """
    figures: dict[str, int | None] = {
        "feedback.total.comments": status.totals["to_date"],
        "feedback.period.comments": status.totals["period"],
        "feedback.period.uncoded": status.uncoded,
        "feedback.quotes_shown": len(status.quotes),
    }
    for theme in status.themes.itertuples():
        figures[f"feedback.period.themes.{theme.theme}"] = (
            None if pd.isna(theme.period) else int(theme.period)
        )
    return figures


# The rules behind `feedback_figures`, in the words of docs/counting-rules.md.
HIDDEN = (
    "hidden in the briefing: fewer than suppression_threshold comments, or a count that would "
    "give a hidden one away"
)
TOTAL_RULE = Rule(
    "feedback.total.comments", "Every comment in the feedback files dated up to the meeting.", COUNT
)
PERIOD_RULE = Rule(
    "feedback.period.comments",
    "Comments dated from the day after the previous meeting up to and including the meeting.",
    COUNT,
)
THEME_RULE = Rule(
    "feedback.period.themes.<theme>",
    "The period's comments carrying the theme: a comment carries it when it contains one of "
    "the theme's phrases in themes.yml as whole words, ignoring case, or when the analyst gave "
    "the theme in the row's theme column (which then replaces the codebook for that row).",
    COUNT,
)
UNCODED_RULE = Rule(
    "feedback.period.uncoded", "The period's comments carrying no theme at all.", COUNT
)
QUOTES_RULE = Rule(
    "feedback.quotes_shown",
    "Comments quoted in the briefing: only with consent to quote, for the most raised themes, "
    "up to quotes_per_theme a theme, after redaction and the names screen.",
    COUNT,
)
FEEDBACK_RULES = (TOTAL_RULE, PERIOD_RULE, THEME_RULE, UNCODED_RULE, QUOTES_RULE)


def feedback_trace(meeting: Meeting, status: FeedbackStatus) -> list[Trace]:
    """A `Trace` for every key of `feedback_figures`: comments named by id, file and row only.

    Comment text never appears: a theme's rows say which phrase of the codebook matched, or
    that the analyst coded the row.
    """
    figures = feedback_figures(status)
    to_date = meeting.feedback
    period = in_period(to_date, meeting.previous_date, meeting.date)
    coding = coding_phrases(to_date, status.codebook)
    in_this_period = coding[coding["row"].isin(period.index)]
    threshold = {"suppression_threshold": status.config.suppression_threshold}

    def comments(frame: pd.DataFrame, how: pd.Series | None = None) -> tuple[SourceRow, ...]:
        return tuple(
            SourceRow(
                record.source_file,
                int(record.source_row),
                record.feedback_id,
                {"date": plain(record.date), **({} if how is None else {"matched": how[index]})},
            )
            for index, record in zip(frame.index, frame.itertuples(), strict=True)
        )

    def counted(rule: Rule, key: str, rows: tuple[SourceRow, ...]) -> Trace:
        note = HIDDEN if figures[key] is None else ""
        return Trace(key, figures[key], rule, rows, settings=threshold, note=note)

    quoted = to_date[to_date["feedback_id"].isin([q.feedback_id for q in status.quotes])]
    found = [
        counted(TOTAL_RULE, "feedback.total.comments", comments(to_date)),
        counted(PERIOD_RULE, "feedback.period.comments", comments(period)),
        counted(
            UNCODED_RULE,
            "feedback.period.uncoded",
            comments(period[~period.index.isin(coding["row"])]),
        ),
        Trace(
            "feedback.quotes_shown",
            figures["feedback.quotes_shown"],
            QUOTES_RULE,
            comments(quoted),
            settings={"quotes_per_theme": status.config.quotes_per_theme},
        ),
    ]
    for theme in status.codebook.ids:
        carrying = in_this_period[in_this_period["theme"] == theme].set_index("row")["how"]
        key = f"feedback.period.themes.{theme}"
        found.append(counted(THEME_RULE, key, comments(period.loc[carrying.index], carrying)))
    return found
