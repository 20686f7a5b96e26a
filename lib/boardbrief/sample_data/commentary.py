"""Officer commentary for the last two meetings, with figures taken from the generated tables.

The feedback paragraph is written from the meeting's own feedback figures (as the briefing
computes them), so the officer never says a theme rose when the briefing shows it fell.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from boardbrief.formatting import lower_first
from boardbrief.sample_data import actions, funding
from boardbrief.sample_data.board import DISTRICTS
from boardbrief.sections.feedback import FeedbackStatus, biggest_moves

ASSESSMENT = "overall_rag: amber\narea_rag:\n  identifying_need: red\n"

# What the board is asked to decide at each meeting, with the date or figure proposed.
ASKS: dict[date, tuple[str, ...]] = {
    date(2026, 10, 1): (
        "Note that the emergency transport capacity funded in August has not resolved the "
        "problems families describe, and agree that the transport review (ACC-03) brings its "
        "options to the meeting of 5 November 2026.",
        "Agree that East Lancashire Hospitals NHS Trust brings a recovery plan for the ADHD "
        "assessment pathway (IDN-09) to the meeting of 5 November 2026.",
    ),
    date(2026, 11, 5): (
        "Agree a revised date of 31 March 2027 for the home-to-school transport review "
        "(ACC-03), first due on 31 July 2026.",
        "Note the new risk on suspensions and exclusions of pupils with EHC plans (RSK-11), "
        "and agree that secondary headteachers report on it to the board in January 2027.",
    ),
}

COMMENTARY_MEETINGS: tuple[date, ...] = (date(2026, 10, 1), date(2026, 11, 5))

_OPENING = (
    "Overall the partnership remains at amber. Some things are moving on and some are still stuck, "
    "and the regulators expect us to show impact for families, not only the arrangements we have "
    "put in place."
)

_SPECIFIC: dict[date, str] = {
    date(2026, 10, 1): (
        "## Identifying need\n\n"
        "Identifying need stays red. The EHC needs assessment backlog (IDN-01) has been red at "
        "every snapshot since April and 20-week timeliness (IDN-03) has not yet moved. "
        "Recruitment of two additional educational psychologists (IDN-07) has slipped to red "
        "after the second round of interviews did not appoint. The ADHD pathway (IDN-09) has not "
        "been updated since May and the owner has been asked for a recovery plan before the next "
        "board.\n\n"
        "## Transport\n\n"
        "The start of term brought a sharp rise in complaints about home-to-school transport, "
        "most of them from Ribble Valley, Lancaster and West Lancashire. The transport review "
        "(ACC-03) is now red and past its due date. Emergency capacity for September was funded "
        "in August; the board is asked to note that it has not yet resolved the problems "
        "families describe.\n\n"
    ),
    date(2026, 11, 5): (
        "## Identifying need\n\n"
        "Identifying need remains red, although 20-week timeliness (IDN-03) has improved to "
        "amber for the first time this year as the fixed-term plan writers start to clear work. "
        "The assessment backlog (IDN-01) is still red and the new action on overdue annual "
        "reviews (IDN-12) has been red since it was added. The offer of a named caseworker "
        "during assessment (ENG-05) has moved to red because of vacancies in the SEND team.\n\n"
        "## Transport\n\n"
        "Transport complaints have eased since September but remain well above the level of the "
        "spring. The transport review (ACC-03) is still red and the board is asked to agree a "
        "revised date.\n\n"
    ),
}

_CONSENT = (
    "Comments are published only where the person agreed to be quoted and personal details have "
    "been removed."
)


def commentary_text(
    meeting: date,
    snapshot_rows: list[list[str]],
    register_rows: list[list[str]],
    voices: FeedbackStatus,
) -> str:
    """Markdown for one meeting, from the snapshot, register and feedback figures the officers
    were looking at."""
    title = f"# Officer commentary: {meeting.day} {meeting:%B %Y}\n\n"
    asks = "asks:\n" + "".join(f"- {ask}\n" for ask in ASKS[meeting])
    return (
        f"---\n{ASSESSMENT}{asks}---\n"
        + "\n"
        + title
        + _OPENING
        + " "
        + _actions_summary(meeting, snapshot_rows)
        + "\n\n"
        + _SPECIFIC[meeting]
        + _investment_summary(register_rows)
        + "\n\n"
        + feedback_paragraph(voices)
    )


def feedback_paragraph(voices: FeedbackStatus) -> str:
    """What families said this period, in the officer's words, from the briefing's figures."""
    sentences = []
    period, to_date = voices.totals["period"], voices.totals["to_date"]
    if period is not None:
        sentences.append(
            f"We received {period:,} comments from families and young people since the last "
            f"meeting, {to_date:,} so far this year."
        )
    top = [voices.codebook.name(theme) for theme in voices.top_themes[:3]]
    if top:
        named = [lower_first(t) for t in top]
        listed = "; ".join(named[:-1]) + f" and {named[-1]}" if len(named) > 1 else named[0]
        sentences.append(f"The most raised were {listed}.")
    basis, up, down = biggest_moves(voices)
    moves = [
        f"{lower_first(theme['name'])} {verb} the most"
        + (
            f", from {theme['previous_share']:.0%} to {theme['share']:.0%}"
            if basis == "share"
            else f" ({int(theme['change']):+d} comments)"
        )
        for theme, verb in ((up, "grew"), (down, "fell"))
        if theme is not None
    ]
    if moves:
        lead = "As a share of all comments, " if basis == "share" else "Since the last meeting, "
        sentences.append(lead + "; ".join(moves) + ".")
    sentences.append(_CONSENT)
    return "## Feedback from families\n\n" + " ".join(sentences) + "\n"


def _actions_summary(meeting: date, rows: list[list[str]]) -> str:
    """Counts by RAG and of overdue actions, as one sentence pair."""
    rag_at = actions.COLUMNS.index("rag")
    due_at = actions.COLUMNS.index("due_date")
    words = [_rag_word(row[rag_at]) for row in rows]
    counts = Counter(words)
    overdue = sum(
        1
        for row, word in zip(rows, words, strict=True)
        if word != "blue" and date.fromisoformat(row[due_at]) < meeting
    )
    return (
        f"Of the {len(rows)} actions on the plan, {counts['blue']} are complete, "
        f"{counts['green']} green, {counts['amber']} amber and {counts['red']} red. "
        f"Of these, {overdue} are past their due date and not yet complete."
    )


def _investment_summary(rows: list[list[str]]) -> str:
    """Totals, and the two districts with least district-specific investment per child."""
    organisation_at = funding.COLUMNS.index("organisation")
    committed_at = funding.COLUMNS.index("committed_gbp")
    spent_at = funding.COLUMNS.index("spent_gbp")
    district_at = funding.COLUMNS.index("district")
    committed = sum(float(row[committed_at]) for row in rows)
    spent = sum(float(row[spent_at]) for row in rows)
    organisations = len({row[organisation_at] for row in rows})
    per_child = []
    for item in DISTRICTS:
        total = sum(float(row[committed_at]) for row in rows if row[district_at] == item.name)
        per_child.append((total / item.population_0_25, item.name))
    per_child.sort()
    (low_amount, low_name), (next_amount, next_name) = per_child[0], per_child[1]
    return (
        "## Investment\n\n"
        f"{organisations} partner organisations have committed £{committed / 1e6:.1f} million "
        f"across {len(rows)} lines of funding, physical resources and staff time, and "
        f"£{spent / 1e6:.1f} million of it has been spent. Investment is still uneven across the "
        f"county: {low_name} and {next_name} receive the least district-specific investment per "
        f"child (£{low_amount:.0f} and £{next_amount:.0f}), which the equal access pledge asks "
        "us to put right."
    )


def _rag_word(written: str) -> str:
    """The RAG as a lower-case word, whichever way the owner wrote it."""
    lowered = written.lower()
    return actions.RAG_WORDS.get(lowered.upper(), lowered)
