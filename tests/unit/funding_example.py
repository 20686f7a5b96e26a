"""A made-up board's funding registers over three meetings, for the funding tests of every layer."""

import datetime as dt
from types import SimpleNamespace

import pandas as pd

from boardbrief.contract.board_config import BoardConfig
from boardbrief.contract.load import Snapshot
from boardbrief.contract.meeting import Meeting

JAN, FEB, MAR = dt.date(2026, 1, 10), dt.date(2026, 2, 10), dt.date(2026, 3, 10)
COLUMNS = ["line_id", "organisation", "priority_area", "kind", "district"]
COLUMNS += ["committed_pence", "spent_pence"]
WJ = "\u2060"  # the word joiner that keeps a change's sign beside its amount


def make_config(districts=(("East", 10000), ("West", 5000), ("North", 2000))) -> BoardConfig:
    return BoardConfig(
        board="Testshire Board",
        area="Testshire",
        la_code="E10000001",
        priority_areas={"waits": "Waiting times", "voice": "Voice of families"},
        organisations=[
            {"id": "council", "name": "Testshire Council", "type": "county council"},
            {"id": "nhs", "name": "Testshire NHS Trust", "type": "NHS trust"},
            {"id": "forum", "name": "Parent Carer Forum", "type": "voluntary sector"},
            {"id": "college", "name": "Testshire College", "type": "education"},
        ],
        districts=[{"name": n, "population_0_25": p} for n, p in districts],
        meetings=[JAN, FEB, MAR],
    )


def register(*lines: tuple) -> pd.DataFrame:
    table = pd.DataFrame(list(lines), columns=COLUMNS)
    return table.assign(description=[f"Line {i}" for i in table["line_id"]])


def make_meeting(config: BoardConfig, date: dt.date, registers: dict) -> Meeting:
    """A meeting as `select_meeting` would choose it, without files on disk."""
    snapshots = {d: Snapshot(d, f"funding/{d}.csv", t) for d, t in registers.items()}
    position = config.meetings.index(date)
    previous = config.meetings[position - 1] if position else None

    def as_at(day: dt.date | None) -> Snapshot | None:
        earlier = [d for d in snapshots if day and d <= day]
        return snapshots[max(earlier)] if earlier else None

    return Meeting(
        date=date,
        previous_date=previous,
        data=SimpleNamespace(config=config, funding=snapshots),
        actions=None,
        previous_actions=None,
        funding=as_at(date),
        previous_funding=as_at(previous),
        feedback=None,
        commentary=None,
    )


BEFORE = register(
    ("A1", "council", "waits", "funding", "", 1_000_000, 250_001),
    ("A2", "council", "waits", "staff time", "East", 500_050, 100_000),
    ("A3", "nhs", "voice", "funding", "West", 300_000, 0),
    ("A4", "forum", "voice", "physical resources", "East", 20_000, 20_000),
    ("A5", "college", "waits", "funding", "North", 40_000, 10_000),
)
AFTER = register(
    ("A1", "council", "waits", "funding", "", 1_000_000, 400_001),  # spend up
    ("A2", "council", "waits", "staff time", "East", 600_050, 100_000),  # commitment up
    ("A3", "forum", "voice", "funding", "North", 300_000, 0),  # new organisation and district
    ("A4", "forum", "voice", "physical resources", "East", 20_000, 20_000),  # unchanged
    ("A6", "nhs", "waits", "physical resources", "West", 99_999, 1),  # new
)  # A5 (the college's only line) withdrawn
