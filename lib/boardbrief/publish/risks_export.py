"""`risks.csv` for `boardbrief export`: the meeting's risk register as the paper scores it."""

from __future__ import annotations

import pandas as pd

from boardbrief.sections.risks import RiskStatus

RISKS_CSV = "risks.csv"  # only for a board with a risk register
RISK_EXPORT_COLUMNS = [
    "risk_id",
    "title",
    "owner",
    "priority_area",
    "status",
    "likelihood",
    "impact",
    "score",
    "rating",
    "previous_score",
    "movement",
]


def risks_table(status: RiskStatus) -> pd.DataFrame:
    """Every risk in the register, in its own order, scored and rated, with how it moved.

    Closed risks have no rating. `previous_score` and `movement` are blank at the first
    register; risks closed since the last register and gone from this one follow, marked
    `closed`. Mitigations are free text, and like action commentary are not exported.
    """
    register = status.register.copy()
    register["rating"] = register["rating"].where(register["status"] == "open", "")
    moved = status.movement
    if moved is None:
        register["previous_score"] = pd.array([pd.NA] * len(register), dtype="Int64")
        register["movement"] = ""
        return register[RISK_EXPORT_COLUMNS].reset_index(drop=True)
    by_id = moved.set_index("risk_id")
    register["previous_score"] = register["risk_id"].map(by_id["previous_score"]).astype("Int64")
    register["movement"] = register["risk_id"].map(by_id["movement"]).fillna("")
    gone = moved[(moved["movement"] == "closed") & ~moved["risk_id"].isin(register["risk_id"])]
    removed = pd.DataFrame(
        {
            "risk_id": gone["risk_id"],
            "title": gone["title"],
            "status": "removed",
            "previous_score": gone["previous_score"],
            "movement": "closed",
        },
        columns=RISK_EXPORT_COLUMNS,
    )
    table = pd.concat([register[RISK_EXPORT_COLUMNS], removed], ignore_index=True)
    for column in ("owner", "priority_area", "rating"):
        table[column] = table[column].fillna("")
    for column in ("likelihood", "impact", "score", "previous_score"):
        table[column] = table[column].astype("Int64")
    return table
