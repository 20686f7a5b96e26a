"""The pre-filled rows of each sheet, built once: `make` writes them and `collect` checks them."""

from __future__ import annotations

from boardbrief.ratings import RAG_WORDS
from boardbrief.returns.expected import Asked, ReturnsRound


def action_rows(returns: ReturnsRound, asked: Asked) -> list[list[object]]:
    """An organisation's open actions, by id, as the Actions sheet shows them (inputs blank)."""
    areas = returns.config.priority_areas
    return [
        [
            record.action_id,
            record.title,
            areas.get(record.priority_area, record.priority_area),
            record.due_date.date(),
            RAG_WORDS[record.rag],
            record.commentary or None,
            record.last_updated.date(),
            None,
            None,
            None,
        ]
        for record in asked.actions.sort_values("action_id").itertuples()
    ]


def line_rows(returns: ReturnsRound, asked: Asked) -> list[list[object]]:
    """An organisation's investment lines, by id, with their amounts in pounds to update."""
    areas = returns.config.priority_areas
    return [
        [
            record.line_id,
            record.description or None,
            areas.get(record.priority_area, record.priority_area),
            record.district or None,
            record.kind,
            record.committed_pence / 100,
            record.spent_pence / 100,
        ]
        for record in asked.lines.sort_values("line_id").itertuples()
    ]


def measure_rows(asked: Asked) -> list[list[object]]:
    """Each measure period due, with the value, status and note to fill in."""
    return [
        [due.measure.id, due.measure.name, due.measure.unit, due.period_end, None, None, None]
        for due in asked.measures
    ]
