"""Action-plan computations: where each priority area stands as at the meeting."""

from __future__ import annotations

import pandas as pd

from boardbrief.board_config import BoardConfig
from boardbrief.ratings import RAG_ORDER, derived_rating


def rag_counts_by_area(actions: pd.DataFrame, config: BoardConfig) -> pd.DataFrame:
    """Actions per priority area and rating, with a derived rating per area.

    Every area in board.yml has a row, in board.yml's order, even with no actions (its derived
    rating is then blue: nothing is open). Columns: `priority_area`, `name`, one count per rating
    in `RAG_ORDER`, `total`, `derived_rag`.
    """
    counts = (
        actions.groupby(["priority_area", "rag"])
        .size()
        .unstack(fill_value=0)
        .reindex(index=list(config.priority_areas), columns=list(RAG_ORDER), fill_value=0)
        .fillna(0)
        .astype("int64")
    )
    counts["total"] = counts.sum(axis=1)
    counts["derived_rag"] = [
        derived_rating(actions.loc[actions["priority_area"] == area, "rag"])
        for area in counts.index
    ]
    counts.insert(0, "name", [config.priority_areas[area] for area in counts.index])
    return counts.rename_axis("priority_area").reset_index()


def overall_rating(actions: pd.DataFrame) -> str:
    """The derived rating over every action in the snapshot."""
    return derived_rating(actions["rag"])


def rag_totals(actions: pd.DataFrame) -> dict[str, int]:
    """How many actions carry each rating."""
    counts = actions["rag"].value_counts()
    return {rag: int(counts.get(rag, 0)) for rag in RAG_ORDER}
