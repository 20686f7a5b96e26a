"""The risks section: open risks by score with mitigations and owners, the 5x5 matrix with a
text alternative, and what is not on the risk register."""

from __future__ import annotations

from boardbrief.formatting import count, long_date, plural
from boardbrief.present import Column, Html, Row, Table, rag_badge, render_block
from boardbrief.ratings import RAG_WORDS
from boardbrief.sections.risks import RiskStatus, risk_matrix
from boardbrief.views.wording import agree, sentence

MOVEMENT_WORDS = {
    "new": "New",
    "up": "Score up",
    "down": "Score down",
    "unchanged": "No change",
    "closed": "Closed",
}


def summary_sentences(status: RiskStatus) -> list[str]:
    """The opening: how many open risks, their ratings, how they moved, and the bands."""
    counts = status.counts
    opening = (
        f"The risk register of {long_date(status.register_date)} holds "
        f"{plural(len(status.open), 'open risk')}: {count(counts['red'])} red, "
        f"{count(counts['amber'])} amber and {count(counts['green'])} green."
    )
    sentences = [opening]
    moved = status.movement_counts
    if status.movement is None:
        sentences.append("There is no earlier register to compare it with.")
    elif not status.register_updated:
        sentences.append("The register has not been updated since the last meeting.")
    else:
        sentences.append(
            f"Since the last register: {count(moved['new'])} new, {count(moved['closed'])} "
            f"closed, {count(moved['up'])} with a higher score and {count(moved['down'])} with a "
            "lower one."
        )
    sentences.append(
        f"Each risk is scored likelihood times impact, each from 1 to 5: {status.bands.describe()}."
    )
    return sentences


def risks_summary(status: RiskStatus | None) -> Html | None:
    """The section's plain-English opening; nothing for a board without a risk register."""
    if status is None:
        return None
    return render_block("paragraphs.html.j2", paragraphs=summary_sentences(status))


def open_risks(status: RiskStatus | None) -> Table | Html | None:
    """Every open risk, highest score first, with its owner, mitigation and movement."""
    if status is None:
        return None
    if status.open.empty:
        return sentence("No risk on the register is open.")
    owners = {o.id: o.name for o in status.config.organisations}
    movement = (
        status.movement.set_index("risk_id")["movement"] if status.movement is not None else None
    )
    rows = [
        Row(
            [
                f"{risk.risk_id}: {risk.title}",
                owners.get(risk.owner, risk.owner),
                f"{risk.likelihood} x {risk.impact} = {risk.score}",
                rag_badge(risk.rating),
                MOVEMENT_WORDS[movement[risk.risk_id]] if movement is not None else "\u2013",
                risk.mitigation,
            ]
        )
        for risk in status.open.itertuples()
    ]
    return Table(
        caption=f"Open risks by score, register of {long_date(status.register_date)}",
        columns=[
            Column("Risk"),
            Column("Owner"),
            Column("Likelihood x impact", "num"),
            Column("Rating"),
            Column("Since the last register"),
            Column("Mitigation"),
        ],
        rows=rows,
    )


def risk_matrix_view(status: RiskStatus | None) -> Html | None:
    """The open risks on a 5x5 grid of likelihood and impact, with the same in words."""
    if status is None or status.open.empty:
        return None
    matrix = risk_matrix(status.open)
    rows = [
        {
            "impact": impact,
            "cells": [
                {
                    "ids": matrix.at[impact, likelihood],
                    "rating": status.bands.rate(impact * likelihood),
                }
                for likelihood in matrix.columns
            ],
        }
        for impact in matrix.index
    ]
    return render_block(
        "risk_matrix.html.j2",
        caption="Open risks by likelihood (across) and impact (down)",
        likelihoods=list(matrix.columns),
        rows=rows,
        text_alternative=matrix_in_words(status),
    )


def matrix_in_words(status: RiskStatus) -> str:
    """The matrix as a sentence: each open risk's likelihood, impact and rating."""
    parts = [
        f"{risk.risk_id} likelihood {risk.likelihood}, impact {risk.impact} "
        f"({RAG_WORDS[risk.rating].lower()})"
        for risk in status.open.itertuples()
    ]
    return "In words: " + "; ".join(parts) + "."


def not_on_register(status: RiskStatus | None) -> Table | Html | None:
    """Overdue, stuck actions and red measures in an area no open risk names."""
    if status is None:
        return None
    gaps = status.not_on_register
    if gaps.empty:
        return sentence(
            "Every action that is overdue and stuck, and every red measure, is in an area an "
            "open risk names."
        )
    kinds = {"action": "Action (overdue and stuck)", "measure": "Measure (red)"}
    rows = [
        Row([f"{gap.item_id}: {gap.title}", kinds[gap.kind], gap.area_name])
        for gap in gaps.itertuples()
    ]
    return Table(
        caption="Not on the risk register",
        columns=[Column("Item"), Column("Why it is listed"), Column("Priority area")],
        rows=rows,
        lead=(
            f"{plural(len(gaps), 'item')} {agree(len(gaps), 'suggests', 'suggest')} a risk the "
            "register does not yet name: the board may wish to ask for one."
        ),
    )
