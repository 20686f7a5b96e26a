"""Each table's rules: each kind of bad value is reported with file, row, column, the value and what was expected."""

from pathlib import Path

import pytest

from boardbrief.contract.load import load_board_data
from boardbrief.contract.problems import DataError

ACTIONS = "actions/2026-05-05.csv"
FUNDING = "funding/2026-05-01.csv"
DROPINS = "feedback/dropins.csv"


def problems(board_dir: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_board_data(board_dir)
    return [str(p) for p in caught.value.problems]


def test_unknown_priority_area_is_reported(board_dir, edit):
    edit(board_dir / ACTIONS, "W2,waits,", "W2,wait,")
    assert problems(board_dir) == [
        f"{ACTIONS}, row 3, column 'priority_area': found 'wait', "
        "expected a priority area id (prep, voice, waits)"
    ]


def test_unknown_organisation_is_reported(board_dir, edit):
    edit(board_dir / FUNDING, "L3,pcf,", "L3,forum,")
    assert problems(board_dir) == [
        f"{FUNDING}, row 4, column 'organisation': found 'forum', "
        "expected an organisation id (college, nhs_north, nsc, pcf)"
    ]


def test_unknown_district_is_reported(board_dir, edit):
    edit(
        board_dir / DROPINS, "D-3,2026-04-02,Drop-in Westvale,Westvale", "D-3,2026-04-02,x,Westdale"
    )
    assert problems(board_dir) == [
        f"{DROPINS}, row 4, column 'district': found 'Westdale', "
        "expected a district named in board.yml, or blank (Eastmoor, Kirkby Fell, Westvale)"
    ]


def test_duplicate_id_in_one_file_names_both_rows(board_dir, edit):
    edit(board_dir / ACTIONS, "V2,voice,", "W2,voice,")
    assert problems(board_dir) == [
        f"{ACTIONS}, row 3, column 'action_id': found 'W2', expected a unique id (also in row 5)",
        f"{ACTIONS}, row 5, column 'action_id': found 'W2', expected a unique id (also in row 3)",
    ]


def test_duplicate_feedback_id_across_files_names_both(board_dir, edit):
    edit(board_dir / "feedback/survey.csv", "S-4,", "D-1,")
    assert problems(board_dir) == [
        f"{DROPINS}, row 2, column 'feedback_id': found 'D-1', "
        "expected an id unique across feedback files (also in feedback/survey.csv row 5)",
        "feedback/survey.csv, row 5, column 'feedback_id': found 'D-1', "
        f"expected an id unique across feedback files (also in {DROPINS} row 2)",
    ]


@pytest.mark.parametrize("bad_date", ["31/02/2026", "2026-13-01", "2026-02-31", "soon"])
def test_unparseable_date_is_reported(board_dir, edit, bad_date):
    edit(board_dir / ACTIONS, "2026-09-30", bad_date)
    assert problems(board_dir) == [
        f"{ACTIONS}, row 3, column 'due_date': found '{bad_date}', "
        "expected a real date written as YYYY-MM-DD"
    ]


def test_unparseable_amount_is_reported(board_dir, edit):
    edit(board_dir / FUNDING, "Two therapists,80000,", "Two therapists,eighty grand,")
    assert problems(board_dir) == [
        f"{FUNDING}, row 3, column 'committed_gbp': found 'eighty grand', "
        "expected an amount in pounds like 1250 or £1,250.50 (under a trillion)"
    ]


def test_negative_money_is_reported(board_dir, edit):
    edit(board_dir / FUNDING, "Drop-in room,5000,1250.10", "Drop-in room,5000,-1250.10")
    assert problems(board_dir) == [
        f"{FUNDING}, row 4, column 'spent_gbp': found '-1250.10', expected an amount of zero or more"
    ]


def test_spent_more_than_committed_is_reported(board_dir, edit):
    edit(board_dir / FUNDING, "Drop-in room,5000,1250.10", "Drop-in room,5000,5000.01")
    assert problems(board_dir) == [
        f"{FUNDING}, row 4, column 'spent_gbp': found '5000.01 spent of 5000', "
        "expected spent_gbp no greater than committed_gbp on the same row"
    ]


def test_missing_column_is_reported(board_dir, edit):
    edit(board_dir / ACTIONS, "last_updated,commentary", "updated,commentary")
    assert problems(board_dir) == [
        f"{ACTIONS}, row 1, column 'last_updated': expected a column named 'last_updated' "
        "in the header row"
    ]


def test_blank_required_cell_is_reported(board_dir, edit):
    edit(board_dir / DROPINS, "Nobody calls back", "")
    assert problems(board_dir) == [
        f"{DROPINS}, row 3, column 'comment': found a blank cell, expected a value in this cell"
    ]


def test_last_updated_after_snapshot_is_reported(board_dir, edit):
    edit(board_dir / ACTIONS, '2026-05-02,"First', '2026-05-06,"First')
    assert problems(board_dir) == [
        f"{ACTIONS}, row 5, column 'last_updated': found '2026-05-06', "
        "expected a date on or before the snapshot's date (2026-05-05)"
    ]


def test_accepted_spellings_are_normalised(board_dir):
    data = load_board_data(board_dir)
    latest = data.actions[max(data.actions)].table
    assert latest["rag"].tolist() == ["red", "amber", "blue", "green", "amber"]
    register = data.funding[max(data.funding)].table
    assert register["district"].tolist() == ["", "Eastmoor", "Westvale", "Kirkby Fell"]
    assert register["kind"].tolist() == ["funding", "staff time", "physical resources", "funding"]
    assert register["committed_pence"].tolist() == [12000050, 8000000, 500000, 1500000]
    assert data.feedback["consent_to_quote"].sum() == 8


def test_optional_rating_and_pledge_columns_are_checked_when_present(board_dir, edit):
    edit(
        board_dir / "feedback/survey.csv",
        "Referrals are quicker,yes,4",
        "Referrals are quicker,yes,banana",
    )
    edit(board_dir / ACTIONS, "last_updated,commentary", "last_updated,commentary,pledge")
    edit(board_dir / ACTIONS, "Waiting for funding", "Waiting for funding,heard")
    edit(board_dir / ACTIONS, "One post filled", "One post filled,unheard")
    assert problems(board_dir) == [
        f"{ACTIONS}, row 3, column 'pledge': found 'unheard', "
        "expected a pledge id from board.yml, or blank (heard)",
        "feedback/survey.csv, row 3, column 'rating': found 'banana', "
        "expected a whole number from 1 to 5, or blank",
    ]


def test_huge_amount_is_refused_not_overflowed(board_dir, edit):
    edit(board_dir / FUNDING, "Two therapists,80000,", "Two therapists,99999999999999999999,")
    assert problems(board_dir) == [
        f"{FUNDING}, row 3, column 'committed_gbp': found '99999999999999999999', "
        "expected an amount in pounds like 1250 or £1,250.50 (under a trillion)"
    ]


def test_comment_over_twenty_thousand_characters_is_refused(board_dir, edit):
    edit(board_dir / DROPINS, "Nobody calls back", "n" * 20_001)
    assert problems(board_dir) == [
        f"{DROPINS}, row 3, column 'comment': found '{'n' * 59}…', "
        "expected a comment of at most 20,000 characters"
    ]
