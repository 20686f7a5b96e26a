"""The monthly round trip on the sample data: make the returns, fill them in as organisations
would (ratings changed, one organisation missing, a new investment line), collect, validate and
render: the briefing shows exactly the changes made, and says whose entries were carried."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from boardbrief.returns import layout
from tests.pipeline.conftest import as_completed, completed, made_once, run_cli
from tests.returns_tools import SAMPLE_DATA, board_folder, fill

pytestmark = pytest.mark.pipeline

MEETING = "2026-12-03"
MISSING = "bth_trust"
MISSING_NAME = "Blackpool Teaching Hospitals NHS Foundation Trust"
NEW_LINE = {
    "Description": "Autism-friendly play sessions in family hubs",
    "Priority area": "Access to provision",
    "District": "Preston",
    "Kind": "funding",
    "Committed (£)": 15000,
    "Spent (£)": 2500.5,
}


def _rows(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row[next(iter(row))]: row for row in csv.DictReader(handle)}


def _red_actions(workbook: Path) -> list[str]:
    sheet = load_workbook(workbook)[layout.ACTIONS_SHEET]
    return [row[0] for row in sheet.iter_rows(min_row=2, values_only=True) if row[4] == "Red"]


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory) -> dict[str, object]:
    """The round trip made once for the whole run (every xdist worker reads the same one)."""
    root, made = made_once(tmp_path_factory, "round-trip", _make_round_trip)
    commands = ("status", "listing", "collect", "validate", "render")
    return {
        **{name: as_completed(made[name]) for name in commands},
        "data": root / "data",
        "out": root / "briefings",
        "changes": made["changes"],
        "asked": made["asked"],
    }


def _make_round_trip(root: Path) -> dict[str, object]:
    data = board_folder(SAMPLE_DATA, root / "data", MEETING)
    returns = root / "returns"
    made = run_cli("returns", "make", "--data", str(data), "--out", str(returns))
    assert made.returncode == 0, made.stderr
    asked = len(list(returns.glob("*.xlsx")))  # one per organisation that owes an update
    (returns / f"{MISSING}-{MEETING}.xlsx").unlink()  # never came back
    changes = {  # action id -> (new rating, as the briefing words it then and now)
        "ACC-02": "Green",  # lcc, was amber
        "ACC-03": "Amber",  # lcc, was red
        "ACC-04": "Red",  # lscft_trust, was green
    }
    for workbook in sorted(returns.glob("*.xlsx")):
        # A red action needs commentary whether or not it changes: every organisation gives it.
        updates = {
            action: {"Commentary": "Reviewed at this month's workstream meeting; still red."}
            for action in _red_actions(workbook)
        }
        for action, rating in changes.items():
            if action in {row[0] for row in load_workbook(workbook)["Actions"].values}:
                updates[action] = {"New rating": rating, "Commentary": f"Now {rating.lower()}."}
        lines, new_lines, measures = {}, [], {}
        if workbook.name.startswith("lcc-"):
            lines = {"F001": {"Committed (£)": 186000, "Spent (£)": 140000}}
            new_lines = [NEW_LINE]
            measures = {("ehcp-20wk", 1): {"Value": 45.5, "Status": "provisional"}}
        fill(workbook, actions=updates, lines=lines, new_lines=new_lines, measures=measures)
    status = run_cli("returns", "status", MEETING, "--from", str(returns), "--data", str(data))
    listing = run_cli("list", "--data", str(data), "--from", str(returns))
    collect = run_cli("returns", "collect", MEETING, "--from", str(returns), "--data", str(data))
    validate = run_cli("validate", "--data", str(data))
    out = root / "briefings"
    # the briefing is what is read; the area pages are not part of the round trip
    render = run_cli("render", MEETING, "--no-area-pages", "--data", str(data), "--out", str(out))
    results = {"status": status, "listing": listing, "collect": collect, "validate": validate}
    return {
        **{name: completed(result) for name, result in {**results, "render": render}.items()},
        "changes": changes,
        "asked": asked,
    }


def test_status_and_list_count_the_returns_and_name_the_missing(round_trip):
    status, listing = round_trip["status"], round_trip["listing"]
    assert status.returncode == 0, status.stderr
    asked = round_trip["asked"]
    assert f"received from {asked - 1} of {asked} organisations" in status.stdout
    assert f"  - {MISSING}: {MISSING_NAME}" in status.stdout.splitlines()
    assert listing.returncode == 0, listing.stderr
    assert listing.stdout.splitlines()[-1].endswith(
        f"{MEETING} in {listing.args[-1]}: {asked - 1} of {asked} organisations"
    )


def test_collect_writes_files_that_validate(round_trip):
    collect, validate = round_trip["collect"], round_trip["validate"]
    assert collect.returncode == 0, collect.stderr
    assert "carried forward unchanged (no return):" in collect.stdout
    assert f"  - {MISSING}: {MISSING_NAME}" in collect.stdout.splitlines()
    assert validate.returncode == 0, validate.stderr
    data = round_trip["data"]
    for name in (
        f"actions/{MEETING}.csv",
        f"funding/{MEETING}.csv",
        f"measures/returns-{MEETING}.csv",
        f"actions/{MEETING}.returns.yml",
    ):
        assert (data / name).is_file()


def test_snapshot_differs_from_the_last_exactly_where_returns_said(round_trip):
    data = round_trip["data"]
    before, after = _rows(data / "actions/2026-10-30.csv"), _rows(data / f"actions/{MEETING}.csv")
    assert list(before) == list(after)
    for action, row in after.items():
        old = before[action]
        if action in round_trip["changes"]:
            assert row["rag"] == round_trip["changes"][action].lower()
        elif old["owner"] == MISSING or old["rag"] != "red":
            assert row == old  # carried forward, or an organisation said nothing about it
        else:
            assert row["rag"] == "red" and row["last_updated"] == MEETING
    funding_before = _rows(data / "funding/2026-10-30.csv")
    funding_after = _rows(data / f"funding/{MEETING}.csv")
    changed = {k for k in funding_before if funding_before[k] != funding_after[k]}
    assert changed == {"F001"}
    assert funding_after["F001"]["spent_gbp"] == "140000"
    added = [funding_after[k] for k in funding_after if k not in funding_before]
    assert added == [
        {
            "line_id": f"lcc-{MEETING}-1",
            "organisation": "lcc",
            "priority_area": "access",
            "kind": "funding",
            "description": NEW_LINE["Description"],
            "committed_gbp": "15000",
            "spent_gbp": "2500.50",
            "district": "Preston",
        }
    ]
    values = (data / f"measures/returns-{MEETING}.csv").read_text(encoding="utf-8")
    assert list(csv.reader(io.StringIO(values))) == [
        ["measure_id", "period_end", "value", "status", "note"],
        ["ehcp-20wk", "2026-10-31", "45.5", "provisional", ""],
    ]


def test_briefing_shows_exactly_the_changes_made(round_trip):
    render = round_trip["render"]
    assert render.returncode == 0, render.stderr
    folder = round_trip["out"] / MEETING
    figures = json.loads((folder / "figures.json").read_text(encoding="utf-8"))
    assert figures["actions.improved"] == 2
    assert figures["actions.declined"] == 1
    assert figures["actions.new"] == 0 and figures["actions.removed"] == 0
    assert figures["funding.new_lines"] == 1
    assert figures["funding.changed_lines"] == 1
    html = (folder / "briefing.html").read_text(encoding="utf-8")
    for rating in round_trip["changes"].values():
        assert f"Now {rating.lower()}." in html
    assert NEW_LINE["Description"] in html
    moved_table = html[html.index("Actions that moved since") :]
    moved_table = moved_table[: moved_table.index("</table>")]
    assert sorted(set(re.findall(r"\b[A-Z]{3}-[0-9]{2}\b", moved_table))) == sorted(
        round_trip["changes"]
    )
    asked = round_trip["asked"]
    note = f"{asked - 1} of {asked} organisations sent theirs, and the entries of {MISSING_NAME}"
    note += " are carried"
    assert note in html
