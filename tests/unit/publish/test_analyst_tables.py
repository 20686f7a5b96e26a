"""The analysts' CSV tables for the Northshire fixture, read back as a spreadsheet would get them.

Every expected cell is worked out by hand from tests/fixtures/northshire (threshold 3).
"""

import csv
from pathlib import Path

import pytest

from boardbrief.contract.meeting import load_meeting
from boardbrief.publish.analyst_tables import (
    ACTIONS_CSV,
    FEEDBACK_THEMES_CSV,
    FUNDING_LINES_CSV,
    PER_CHILD_CSV,
    analyst_tables,
)
from boardbrief.publish.exports import write_csvs

ACTIONS = "actions/2026-05-05.csv"
FUNDING = "funding/2026-05-01.csv"


def exported(board_dir: Path, meeting: str, out: Path) -> dict[str, list[list[str]]]:
    """Each table of a meeting written as CSV and read back with the csv module."""
    out.mkdir(exist_ok=True)
    write_csvs(analyst_tables(load_meeting(board_dir, meeting)), out)
    tables = {}
    for path in sorted(out.glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            tables[path.name] = list(csv.reader(handle))
    return tables


@pytest.fixture
def latest(board_dir, tmp_path):
    return exported(board_dir, "2026-05-12", tmp_path / "out")


def test_actions_with_movement_and_flags(latest):
    assert latest[ACTIONS_CSV] == [
        ["meeting", "action_id", "priority_area", "priority_area_name", "pledge", "owner", "owner_name", "title", "status", "due_date", "last_updated", "rag", "previous_rag", "movement", "overdue", "days_overdue", "stuck", "stuck_snapshots", "stale", "days_since_update"],
        ["2026-05-12", "W1", "waits", "Waiting times", "", "nhs_north", "North Health NHS Trust", "Cut the assessment backlog", "In progress", "2026-04-30", "2026-05-01", "red", "red", "unchanged", "yes", "12", "yes", "3", "no", "11"],
        ["2026-05-12", "W2", "waits", "Waiting times", "", "nhs_north", "North Health NHS Trust", "Recruit two therapists", "In progress", "2026-09-30", "2026-04-20", "amber", "amber", "unchanged", "no", "", "no", "", "no", "22"],
        ["2026-05-12", "V1", "voice", "Voice of families", "", "pcf", "Northshire Parent Carer Forum", "Monthly drop-ins", "Complete", "2026-03-31", "2026-03-30", "blue", "blue", "unchanged", "no", "", "no", "", "no", "43"],
        ["2026-05-12", "V2", "voice", "Voice of families", "", "nsc", "Northshire Council", "Publish 'you said, we did'", "In progress", "2026-06-30", "2026-05-02", "green", "", "new", "no", "", "no", "", "no", "10"],
        ["2026-05-12", "P1", "prep", "Preparing for adulthood", "", "college", "Northshire College", "Transition guide", "Not started", "2026-07-31", "2026-02-15", "amber", "amber", "unchanged", "no", "", "yes", "3", "yes", "86"],
    ]  # fmt: skip


def test_actions_at_the_first_meeting_have_nothing_to_compare(board_dir, tmp_path):
    rows = exported(board_dir, "2026-03-10", tmp_path / "out")[ACTIONS_CSV]
    assert [row[12:14] for row in rows[1:]] == [["", ""]] * 3  # previous_rag, movement
    assert [row[1] for row in rows[1:]] == ["W1", "V1", "P1"]  # the tracker's order


def test_actions_removed_since_last_meeting_come_last(board_dir, tmp_path, edit):
    edit(
        board_dir / ACTIONS,
        "P1,prep,Transition guide,college,2026-07-31,Not started,Amber,2026-02-15,Waiting for funding\n",
        "",
    )
    rows = exported(board_dir, "2026-05-12", tmp_path / "out")[ACTIONS_CSV]
    assert rows[-1] == ["2026-05-12", "P1", "prep", "Preparing for adulthood", "", "college", "Northshire College", "Transition guide", "", "", "", "", "amber", "removed", "", "", "", "", "", ""]  # fmt: skip


def test_actions_pledge_column_is_kept(board_dir, tmp_path, edit):
    edit(board_dir / ACTIONS, "commentary\n", "commentary,pledge\n")
    edit(board_dir / ACTIONS, "Backlog at 300\n", "Backlog at 300,heard\n")
    rows = exported(board_dir, "2026-05-12", tmp_path / "out")[ACTIONS_CSV]
    assert [row[4] for row in rows[1:]] == ["heard", "", "", "", ""]


def test_actions_leave_out_the_commentary(latest):
    text = repr(latest[ACTIONS_CSV])
    for commentary in ("Backlog at 300", "One post filled", "First edition out"):
        assert commentary not in text


def test_feedback_themes_as_the_briefing_shows_them_in_codebook_order(latest):
    assert latest[FEEDBACK_THEMES_CSV] == [
        ["meeting", "theme", "name", "comments_this_period", "comments_previous_period", "change"],
        ["2026-05-12", "waiting", "Waiting for assessment or therapy", "3", "0", "3"],
        ["2026-05-12", "voice", "Being listened to", "[c]", "[c]", "[c]"],  # 2 and 1
        ["2026-05-12", "travel", "Travel and transport", "[c]", "0", "[c]"],  # 2
        ["2026-05-12", "praise", "Positive experiences", "[c]", "[c]", "[c]"],  # 1 and 1
    ]


def test_feedback_themes_at_the_first_meeting_suppress_and_leave_no_comparison(board_dir, tmp_path):
    assert exported(board_dir, "2026-03-10", tmp_path / "out")[FEEDBACK_THEMES_CSV][1:] == [
        ["2026-03-10", "waiting", "Waiting for assessment or therapy", "[c]", "", ""],  # D-1 alone
        ["2026-03-10", "voice", "Being listened to", "0", "", ""],
        ["2026-03-10", "travel", "Travel and transport", "0", "", ""],
        ["2026-03-10", "praise", "Positive experiences", "0", "", ""],
    ]


def test_no_comment_text_and_no_small_count_in_any_export(latest):
    text = repr(latest)
    for comment in ("Still no speech therapy", "I want a say in my plan", "Too far to travel",
                    "Referrals are quicker", "Not sure who to ask", "The drop-in helped"):  # fmt: skip
        assert comment not in text
    themes = latest[FEEDBACK_THEMES_CSV]
    assert all(cell not in ("1", "2") for row in themes for cell in row[3:])


def test_funding_lines_in_pounds_to_the_penny_with_changes(latest):
    assert latest[FUNDING_LINES_CSV] == [
        ["meeting", "register_date", "line_id", "organisation", "organisation_name", "priority_area", "kind", "district", "description", "committed_gbp", "spent_gbp", "change", "moved", "committed_change_gbp", "spent_change_gbp"],
        ["2026-05-12", "2026-05-01", "L1", "nsc", "Northshire Council", "waits", "funding", "", "Assessment backlog team", "120000.50", "60000.25", "changed", "", "20000.50", "50000.25"],
        ["2026-05-12", "2026-05-01", "L2", "nhs_north", "North Health NHS Trust", "waits", "staff time", "Eastmoor", "Two therapists", "80000.00", "80000.00", "new", "", "80000.00", "80000.00"],
        ["2026-05-12", "2026-05-01", "L3", "pcf", "Northshire Parent Carer Forum", "voice", "physical resources", "Westvale", "Drop-in room", "5000.00", "1250.10", "new", "", "5000.00", "1250.10"],
        ["2026-05-12", "2026-05-01", "L4", "nsc", "Northshire Council", "prep", "funding", "Kirkby Fell", "Transition guide", "15000.00", "0.00", "new", "", "15000.00", "0.00"],
    ]  # fmt: skip


def test_funding_lines_withdrawn_follow_with_negative_changes_as_numbers(board_dir, tmp_path, edit):
    edit(
        board_dir / FUNDING,
        'L1,nsc,waits,funding,Assessment backlog team,"£120,000.50",60000.25,\n',
        "",
    )
    rows = exported(board_dir, "2026-05-12", tmp_path / "out")[FUNDING_LINES_CSV]
    assert [row[2] for row in rows[1:]] == ["L2", "L3", "L4", "L1"]
    assert rows[-1] == ["2026-05-12", "2026-05-01", "L1", "nsc", "Northshire Council", "waits", "funding", "", "Assessment backlog team", "", "", "withdrawn", "", "-100000.00", "-10000.00"]  # fmt: skip


def test_funding_lines_at_the_first_meeting_have_no_changes(board_dir, tmp_path):
    rows = exported(board_dir, "2026-03-10", tmp_path / "out")[FUNDING_LINES_CSV]
    assert rows[1:] == [["2026-03-10", "2026-03-01", "L1", "nsc", "Northshire Council", "waits", "funding", "", "Assessment backlog team", "100000.00", "10000.00", "", "", "", ""]]  # fmt: skip


def test_investment_per_child_by_district_best_funded_first(latest):
    assert latest[PER_CHILD_CSV] == [
        ["meeting", "register_date", "district", "population_0_25", "lines", "committed_gbp", "spent_gbp", "per_child_gbp", "vs_median", "below_median"],
        ["2026-05-12", "2026-05-01", "Eastmoor", "12000", "1", "80000.00", "80000.00", "6.67", "0.3333", "no"],  # 666.67p a child
        ["2026-05-12", "2026-05-01", "Kirkby Fell", "3000", "1", "15000.00", "0.00", "5.00", "0.0", "no"],  # the median
        ["2026-05-12", "2026-05-01", "Westvale", "8000", "1", "5000.00", "1250.10", "0.63", "-0.875", "yes"],  # 62.5p, halves up
    ]  # fmt: skip


def test_formula_text_from_the_data_comes_out_neutralised(board_dir, tmp_path, edit):
    edit(
        board_dir / ACTIONS,
        "W1,waits,Cut the assessment backlog",
        'W1,waits,"=HYPERLINK(""http://evil"",""x"")"',
    )
    edit(board_dir / "board.yml", "name: Northshire Parent Carer Forum", 'name: "@SUM(1+1)"')
    edit(board_dir / FUNDING, "Drop-in room", "+cmd|' /C calc'!A0")
    tables = exported(board_dir, "2026-05-12", tmp_path / "out")
    actions, lines = tables[ACTIONS_CSV], tables[FUNDING_LINES_CSV]
    assert actions[1][7] == '\'=HYPERLINK("http://evil","x")'
    assert actions[3][6] == "'@SUM(1+1)"  # V1's owner, the forum
    assert lines[3][4:9] == ["'@SUM(1+1)", "voice", "physical resources", "Westvale", "'+cmd|' /C calc'!A0"]  # fmt: skip
    assert lines[3][9:11] == ["5000.00", "1250.10"]
