"""A corpus of bad returned workbooks: each refused with its exact message, exit 2, and the data
folder left byte for byte as it was. The workbooks are made by `returns make` from the small
board and spoiled here as an organisation (or its email) might spoil them."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from boardbrief.cli import main
from boardbrief.errors import EXIT_BAD_INPUT
from boardbrief.returns import layout
from tests.returns_tools import FIXTURES, fill, fingerprint, set_cell

MEETING = "2026-04-14"
SDC = f"sdc-{MEETING}.xlsx"
NHS = f"nhs_south-{MEETING}.xlsx"


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    """The small board's data and its returns for the meeting of 14 April, as made."""
    root = tmp_path_factory.mktemp("made")
    shutil.copytree(FIXTURES / "smallboard", root / "data")
    argv = ["returns", "make", "--data", str(root / "data"), "--out", str(root / "returns")]
    assert main(argv) == 0
    # The health trust's return is always good: its red action has its commentary.
    fill(root / "returns" / NHS, actions={"W1": {"Commentary": "Two extra clinics a week"}})
    return root


def _rating_not_in_list(returns: Path) -> None:
    fill(returns / SDC, actions={"W2": {"New rating": "Purple", "Commentary": "Why not"}})


def _text_in_a_number_cell(returns: Path) -> None:
    fill(returns / SDC, lines={"L2": {"Committed (£)": "twelve thousand"}})


def _title_changed(returns: Path) -> None:
    set_cell(returns / SDC, layout.ACTIONS_SHEET, "B2", "Drop-ins in most districts")


def _id_not_theirs(returns: Path) -> None:
    set_cell(returns / SDC, layout.ACTIONS_SHEET, "A3", "W1")


def _rating_changed_without_commentary(returns: Path) -> None:
    fill(returns / SDC, actions={"W2": {"New rating": "Green"}})


def _red_without_commentary(returns: Path) -> None:
    fill(returns / SDC, actions={"V1": {"New rating": "Red", "Commentary": "  "}})


def _another_meeting(returns: Path) -> None:
    set_cell(returns / SDC, layout.IDENTITY_SHEET, "B3", "2026-03-10")


def _another_board(returns: Path) -> None:
    set_cell(returns / SDC, layout.IDENTITY_SHEET, "B1", "Northshire SEND Partnership Board")


def _not_a_workbook(returns: Path) -> None:
    (returns / SDC).write_bytes(b"Sorry, I could not open the attachment.\r\n")


def _macro_enabled(returns: Path) -> None:
    (returns / SDC).rename(returns / SDC.replace(".xlsx", ".xlsm"))


def _formula_without_result(returns: Path) -> None:
    fill(returns / SDC, lines={"L2": {"Spent (£)": "=4000+1500"}})


def _spent_above_committed(returns: Path) -> None:
    fill(returns / SDC, lines={"L2": {"Committed (£)": 12000, "Spent (£)": 12500.5}})


def _negative_amount(returns: Path) -> None:
    fill(returns / SDC, lines={"L2": {"Committed (£)": -100}})


def _three_decimal_places(returns: Path) -> None:
    fill(returns / SDC, lines={"L2": {"Spent (£)": 4000.125}})


def _revised_date_not_a_date(returns: Path) -> None:
    fill(returns / SDC, actions={"W2": {"Revised due date": "next spring"}})


def _new_line_incomplete(returns: Path) -> None:
    new = {"Description": "Parent carer forum sessions", "Priority area": "Transport"}
    fill(returns / SDC, new_lines=[{**new, "Committed (£)": 500, "Spent (£)": 0}])


def _two_workbooks_one_organisation(returns: Path) -> None:
    shutil.copy(returns / SDC, returns / "sdc-2026-04-14 (1).xlsx")


def _sheet_deleted(returns: Path) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(returns / SDC)
    del workbook[layout.INVESTMENT_SHEET]
    workbook.save(returns / SDC)


def _column_renamed(returns: Path) -> None:
    set_cell(returns / SDC, layout.ACTIONS_SHEET, "H1", "RAG")


def _saved_as_csv(returns: Path) -> None:
    (returns / SDC).unlink()
    (returns / "sdc-2026-04-14.csv").write_text("action_id,rag\nW2,green\n", encoding="utf-8")


def _row_added_below(returns: Path) -> None:
    set_cell(returns / SDC, layout.ACTIONS_SHEET, "B5", "Start a young people's panel")


def _cut_short(returns: Path) -> None:
    """An attachment saved before it finished downloading."""
    content = (returns / SDC).read_bytes()
    (returns / SDC).write_bytes(content[: len(content) // 2])


WHERE = f"{SDC}, sheet 'Actions'"
MONEY = f"{SDC}, sheet 'Investment'"
CASES: dict[str, tuple[Callable[[Path], None], list[str]]] = {
    "rating-not-in-list": (
        _rating_not_in_list,
        [
            f"{WHERE}, row 3, column 'New rating': found 'Purple', expected Red, Amber, Green or "
            "Complete, chosen from the drop-down"
        ],
    ),
    "text-in-a-number-cell": (
        _text_in_a_number_cell,
        [
            f"{MONEY}, row 2, column 'Committed (£)': found 'twelve thousand', expected an "
            "amount in pounds, zero or more, e.g. 1250.50"
        ],
    ),
    "title-changed": (
        _title_changed,
        [
            f"{WHERE}, row 2, column 'Title': found 'Drop-ins in most districts', expected "
            "Termly drop-ins in every district, as pre-filled (pre-filled cells as they were made)"
        ],
    ),
    "action-id-not-theirs": (
        _id_not_theirs,
        [
            f"{WHERE}, row 3, column 'Action id': found 'W1', expected W2, as pre-filled "
            "(pre-filled cells as they were made)"
        ],
    ),
    "rating-changed-without-commentary": (
        _rating_changed_without_commentary,
        [
            f"{WHERE}, row 3, column 'Commentary': found a blank cell, expected commentary, "
            "because the rating changes"
        ],
    ),
    "red-without-commentary": (
        _red_without_commentary,
        [
            f"{WHERE}, row 2, column 'Commentary': found a blank cell, expected commentary, "
            "because the rating changes"
        ],
    ),
    "workbook-for-another-meeting": (
        _another_meeting,
        [f"{SDC}: found '2026-03-10', expected a workbook for the meeting of 2026-04-14"],
    ),
    "workbook-for-another-board": (
        _another_board,
        [
            f"{SDC}: found 'Northshire SEND Partnership Board', expected a workbook for "
            "Southdale SEND Partnership Board"
        ],
    ),
    "not-a-workbook": (
        _not_a_workbook,
        [f"{SDC}: expected an Excel .xlsx workbook, but it could not be opened as one"],
    ),
    "macro-enabled": (
        _macro_enabled,
        [
            "sdc-2026-04-14.xlsm: expected an .xlsx workbook without macros (in Excel: File, "
            "Save As, 'Excel Workbook (.xlsx)')"
        ],
    ),
    "formula-without-result": (
        _formula_without_result,
        [
            f"{MONEY}, row 2, column 'Spent (£)': found '=4000+1500', expected a value, but this "
            "formula has no saved result (open the file in Excel and save it, or type the value)"
        ],
    ),
    "spent-above-committed": (
        _spent_above_committed,
        [
            f"{MONEY}, row 2, column 'Spent (£)': found '12500.5', expected no more than the "
            "amount committed on the same row"
        ],
    ),
    "negative-amount": (
        _negative_amount,
        [
            f"{MONEY}, row 2, column 'Committed (£)': found '-100', expected an amount in "
            "pounds, zero or more, e.g. 1250.50"
        ],
    ),
    "three-decimal-places": (
        _three_decimal_places,
        [
            f"{MONEY}, row 2, column 'Spent (£)': found '4000.125', expected an amount in pounds "
            "with at most two decimal places"
        ],
    ),
    "revised-due-date-not-a-date": (
        _revised_date_not_a_date,
        [
            f"{WHERE}, row 3, column 'Revised due date': found 'next spring', expected a date, "
            "e.g. 2027-03-31"
        ],
    ),
    "new-line-incomplete": (
        _new_line_incomplete,
        [
            f"{MONEY}, row 3, column 'Kind': found a blank cell, expected funding, physical "
            "resources or staff time",
            f"{MONEY}, row 3, column 'Priority area': found 'Transport', expected a priority "
            "area from the drop-down",
        ],
    ),
    "two-workbooks-one-organisation": (
        _two_workbooks_one_organisation,
        [f"{SDC}: expected one workbook per organisation (also sdc-2026-04-14 (1).xlsx)"],
    ),
    "sheet-deleted": (
        _sheet_deleted,
        [f"{SDC}: expected a sheet named 'Investment'"],
    ),
    "column-renamed": (
        _column_renamed,
        [
            f"{WHERE}, row 1: found 'RAG', expected in column 8, the header 'New rating' as "
            "made (columns cannot be renamed or moved)"
        ],
    ),
    "saved-as-csv": (
        _saved_as_csv,
        ["sdc-2026-04-14.csv: expected a returned workbook, saved as .xlsx"],
    ),
    "row-added-below": (
        _row_added_below,
        [
            f'{WHERE}, row 5: found "Start a young people\'s panel", expected no row below the '
            "pre-filled ones (the analyst adds new actions to the plan)"
        ],
    ),
    "cut-short": (
        _cut_short,
        [f"{SDC}: expected an Excel .xlsx workbook, but it could not be opened as one"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_return_refused_with_its_message_and_nothing_written(case, made, tmp_path, capsys):
    spoil, expected = CASES[case]
    shutil.copytree(made, tmp_path, dirs_exist_ok=True)
    spoil(tmp_path / "returns")
    before = fingerprint(tmp_path / "data")
    argv = ["returns", "collect", MEETING, "--from", str(tmp_path / "returns")]
    code = main([*argv, "--data", str(tmp_path / "data")])
    error = capsys.readouterr().err
    assert code == EXIT_BAD_INPUT
    problems = [line[4:] for line in error.splitlines() if line.startswith("  - ")]
    assert problems == expected
    assert "Traceback" not in error
    assert fingerprint(tmp_path / "data") == before


MEASURES_YML = """measures:
  - id: waits-18wk
    name: Children waiting over 18 weeks for an assessment, as a share of all waiting
    area: waits
    owner: sdc
    unit: percent
    polarity: lower
    frequency: monthly
    baseline: {period: 2026-01-31, value: 40}
    target: {period: 2027-03-31, value: 20}
  - id: dropin-families
    name: Families at drop-ins in the term
    area: voice
    owner: sdc
    unit: number
    polarity: higher
    frequency: termly
    baseline: {period: 2025-12-19, value: 30}
"""


def test_bad_measure_values_are_refused_with_their_messages(tmp_path, capsys):
    shutil.copytree(FIXTURES / "smallboard", tmp_path / "data")
    (tmp_path / "data" / "measures.yml").write_text(MEASURES_YML, encoding="utf-8")
    argv = ["returns", "make", "--data", str(tmp_path / "data"), "--out", str(tmp_path / "returns")]
    assert main(argv) == 0
    fill(tmp_path / "returns" / NHS, actions={"W1": {"Commentary": "Two extra clinics a week"}})
    fill(
        tmp_path / "returns" / SDC,
        measures={
            ("waits-18wk", 1): {"Value": 120},  # 2026-02-28
            ("waits-18wk", 2): {"Value": "about half"},  # 2026-03-31
            ("dropin-families", 1): {"Value": 41, "Status": "draft"},  # no term end given
        },
    )
    before = fingerprint(tmp_path / "data")
    argv = ["returns", "collect", MEETING, "--from", str(tmp_path / "returns")]
    assert main([*argv, "--data", str(tmp_path / "data")]) == EXIT_BAD_INPUT
    where = f"{SDC}, sheet 'Measures'"
    assert [line[4:] for line in capsys.readouterr().err.splitlines() if line[:4] == "  - "] == [
        f"{where}, row 2, column 'Value': found '120', expected a number from 0 to 100",
        f"{where}, row 3, column 'Value': found 'about half', expected a number from 0 to 100",
        f"{where}, row 4, column 'Period end': found a blank cell, expected a date, e.g. "
        "2027-03-31",
        f"{where}, row 4, column 'Status': found 'draft', expected final or provisional, or "
        "blank (final)",
    ]
    assert fingerprint(tmp_path / "data") == before
