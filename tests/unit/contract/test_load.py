"""Loading a data folder: every file found, every problem reported together, CSV and XLSX alike."""

from pathlib import Path

import pytest

from boardbrief.contract.load import load_board_data
from boardbrief.contract.problems import DataError

ACTIONS = "actions/2026-05-05.csv"
FUNDING = "funding/2026-05-01.csv"


def problems(board_dir: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_board_data(board_dir)
    return [str(p) for p in caught.value.problems]


def test_load_board_data_fixture_passes(board_dir):
    data = load_board_data(board_dir)
    assert len(data.actions) == 3
    assert len(data.funding) == 2
    assert len(data.feedback) == 12
    assert data.files_read == (
        "actions/2026-03-01.csv",
        "actions/2026-04-07.csv",
        "actions/2026-05-05.csv",
        "board.yml",
        "commentary/2026-05-12.md",
        "feedback/dropins.csv",
        "feedback/survey.csv",
        "funding/2026-03-01.csv",
        "funding/2026-05-01.csv",
        "themes.yml",
    )


def test_missing_folder_is_reported(board_dir):
    for path in (board_dir / "funding").iterdir():
        path.unlink()
    (board_dir / "funding").rmdir()
    assert problems(board_dir) == ["funding/: expected this folder to exist"]


def test_missing_data_folder_is_reported(tmp_path):
    missing = tmp_path / "nowhere"
    assert problems(missing) == [f"{missing}: expected a data folder that exists"]


def test_misnamed_snapshot_file_is_reported(board_dir):
    (board_dir / "actions" / "2026-05-05.csv").rename(board_dir / "actions" / "May 2026.csv")
    assert problems(board_dir) == [
        "actions/May 2026.csv: expected a file named by its date, YYYY-MM-DD.csv or .xlsx"
    ]


def test_every_problem_in_every_file_is_reported_together(board_dir, edit):
    edit(board_dir / ACTIONS, "W2,waits,", "W2,wait,")
    edit(board_dir / ACTIONS, "2026-09-30", "2026-09-31")
    edit(board_dir / FUNDING, "L3,pcf,", "L3,forum,")
    assert len(problems(board_dir)) == 3


def test_xlsx_snapshot_loads_like_its_csv(board_dir):
    import csv

    from openpyxl import Workbook

    source = board_dir / ACTIONS
    expected = load_board_data(board_dir).actions
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.create_sheet("Notes").append(["ignored: only the first sheet is read"])
    source.unlink()
    workbook.save(source.with_suffix(".xlsx"))
    loaded = load_board_data(board_dir)
    snapshot = loaded.actions[max(loaded.actions)]
    assert snapshot.file == "actions/2026-05-05.xlsx"
    assert snapshot.table.equals(expected[max(expected)].table)


def test_csv_and_xlsx_for_the_same_date_are_refused(board_dir):
    (board_dir / "funding" / "2026-05-01.xlsx").write_bytes(b"")
    assert problems(board_dir) == [
        "funding/2026-05-01.xlsx: expected one file per date (also funding/2026-05-01.csv)"
    ]


def test_header_only_action_snapshot_is_refused(board_dir):
    path = board_dir / ACTIONS
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert problems(board_dir) == [f"{ACTIONS}: expected at least one action below the header"]
