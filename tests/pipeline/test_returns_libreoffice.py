"""A returns workbook as LibreOffice reads it: every sheet converted to CSV reads back as made,
and a return saved by LibreOffice is collected. openpyxl confirms the drop-downs (real data
validation), the sheet protection without a password, the frozen headers and the widths.

LibreOffice is slow to start, so each conversion is one `soffice` call for the module. `make
test` installs it (Debian's libreoffice-calc-nogui, as root with apt-get); where it is still
missing the tests are skipped saying so, and under CI=true they fail instead.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from boardbrief.returns import layout
from boardbrief.returns.expected import load_round
from boardbrief.returns.make_workbooks import workbook_bytes
from tests.pipeline.conftest import made_once, run_cli
from tests.returns_tools import SAMPLE_DATA, board_folder, fill

pytestmark = pytest.mark.pipeline

MEETING = "2026-12-03"
ORG = "lcc"
WORKBOOK = f"{ORG}-{MEETING}.xlsx"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
APT = "apt-get update && apt-get install -y --no-install-recommends libreoffice-calc-nogui"
# CSV export options: comma, double quote, UTF-8, from row 1, ..., and -1: every sheet to its
# own file, named <workbook>-<sheet>.csv.
EVERY_SHEET_AS_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
READ_BACK = (layout.ACTIONS_SHEET, layout.INVESTMENT_SHEET, layout.MEASURES_SHEET)


def _require_soffice() -> None:
    if SOFFICE:
        return
    message = f"LIBREOFFICE TESTS NOT RUN: soffice is missing: {APT}. `make test` installs it."
    if os.environ.get("CI", "").lower() in ("true", "1"):
        pytest.fail(f"{message} Under CI a missing tool is a failure.", pytrace=False)
    pytest.skip(message)


def _soffice(convert_to: str, workbook: Path, out: Path, profile: Path) -> None:
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            convert_to,
            "--outdir",
            str(out),
            str(workbook),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[str, Path]:
    """The made workbook, every sheet of it as LibreOffice's CSV, and a filled return re-saved
    by LibreOffice as .xlsx (converted once for the whole run)."""
    _require_soffice()
    _, made = made_once(tmp_path_factory, "libreoffice", _convert)
    return {name: Path(path) for name, path in made.items()}


def _convert(root: Path) -> dict[str, str]:
    data = board_folder(SAMPLE_DATA, root / "data", MEETING)
    returns = load_round(data, MEETING)
    made = root / "made" / WORKBOOK
    made.parent.mkdir()
    made.write_bytes(workbook_bytes(returns, returns.asked[ORG]))
    filled = root / "filled" / WORKBOOK
    filled.parent.mkdir()
    shutil.copy(made, filled)
    reds = [r.action_id for r in returns.asked[ORG].actions.itertuples() if r.rag == "red"]
    updates = {action: {"Commentary": "Still red: reviewed this month."} for action in reds}
    updates["ACC-02"] = {"New rating": "Green", "Commentary": "Both provisions open."}
    fill(filled, actions=updates, lines={"F001": {"Spent (£)": 150000.25}})
    _soffice(EVERY_SHEET_AS_CSV, made, root / "csv", root / "profile")
    _soffice("xlsx", filled, root / "saved-by-libreoffice", root / "profile")
    folders = {
        "data": data,
        "made": made,
        "csv": root / "csv",
        "saved": root / "saved-by-libreoffice",
    }
    return {name: str(path) for name, path in folders.items()}


def _shown(value: object) -> str:
    """A cell as LibreOffice writes it to CSV (dates in the workbook's yyyy-mm-dd format)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@pytest.mark.parametrize("sheet", READ_BACK)
def test_libreoffice_reads_every_sheet_back_as_made(converted, sheet):
    csv_path = converted["csv"] / f"{ORG}-{MEETING}-{sheet}.csv"
    with csv_path.open(encoding="utf-8", newline="") as handle:
        read_back = [row for row in csv.reader(handle)]
    made = load_workbook(converted["made"])[sheet]
    expected = [[_shown(v) for v in row] for row in made.iter_rows(values_only=True)]
    # LibreOffice leaves out trailing empty rows and cells; compare what holds text.
    trimmed = [row for row in expected if any(row)]
    assert [row + [""] * (len(trimmed[0]) - len(row)) for row in read_back if any(row)] == trimmed
    assert len(trimmed) > 1


def test_identity_survives_the_conversion(converted):
    path = converted["csv"] / f"{ORG}-{MEETING}-{layout.IDENTITY_SHEET}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = dict(csv.reader(handle))
    assert rows["meeting"] == MEETING and rows["organisation"] == ORG


def test_dropdowns_are_real_data_validation(converted):
    workbook = load_workbook(converted["made"])
    actions = workbook[layout.ACTIONS_SHEET]
    by_range = {str(dv.sqref): dv for dv in actions.data_validations.dataValidation}
    last = actions.max_row
    rating = by_range[f"H2:H{last}"]
    assert rating.type == "list" and rating.showErrorMessage
    lists = workbook[layout.LISTS_SHEET]
    assert [lists[f"A{row}"].value for row in range(1, 5)] == ["Red", "Amber", "Green", "Complete"]
    assert rating.formula1 == f"'{layout.LISTS_SHEET}'!$A$1:$A$4"
    assert by_range[f"J2:J{last}"].type == "date"
    investment = workbook[layout.INVESTMENT_SHEET]
    money = {str(dv.sqref): dv for dv in investment.data_validations.dataValidation}
    end = investment.max_row
    assert (money[f"F2:F{end}"].type, money[f"F2:F{end}"].operator) == (
        "decimal",
        "greaterThanOrEqual",
    )
    assert (money[f"G2:G{end}"].operator, money[f"G2:G{end}"].formula2) == ("between", "F2")
    kinds = {str(dv.sqref): dv.type for dv in investment.data_validations.dataValidation}
    assert {kinds[key] for key in kinds if key.startswith(("C", "D", "E"))} == {"list"}
    measures = workbook[layout.MEASURES_SHEET]
    units = {row[0]: row[2] for row in measures.iter_rows(min_row=2, values_only=True)}
    rules = {dv.error: str(dv.sqref) for dv in measures.data_validations.dataValidation}
    percent_cells = rules["Type a number from 0 to 100."].split()
    assert percent_cells and all(
        units[measures[f"A{c[1:]}"].value] == "percent" for c in percent_cells
    )


def test_prefilled_cells_locked_inputs_unlocked_no_password(converted):
    workbook = load_workbook(converted["made"])
    for sheet in workbook.worksheets:
        assert sheet.protection.sheet, sheet.title
        assert not sheet.protection.password, sheet.title
    actions = workbook[layout.ACTIONS_SHEET]
    for column in layout.ACTION_COLUMNS:
        number = layout.column_number(layout.ACTION_COLUMNS, column.header)
        assert actions.cell(2, number).protection.locked is not column.filled_in, column.header
    assert actions.freeze_panes == "A2"
    assert actions.column_dimensions["B"].width == 40
    hidden = {s.title for s in workbook.worksheets if s.sheet_state == "hidden"}
    assert hidden == {layout.LISTS_SHEET, layout.IDENTITY_SHEET}


def test_a_return_saved_by_libreoffice_is_collected(converted):
    data, saved = converted["data"], converted["saved"]
    assert sorted(p.name for p in saved.iterdir()) == [WORKBOOK]
    actions = load_workbook(saved / WORKBOOK)[layout.ACTIONS_SHEET]  # kept by LibreOffice too
    assert actions.protection.sheet
    assert "list" in {dv.type for dv in actions.data_validations.dataValidation}
    result = run_cli("returns", "collect", MEETING, "--from", str(saved), "--data", str(data))
    assert result.returncode == 0, result.stderr
    owing = len(load_round(data, MEETING).asked)  # every organisation asked for an update
    assert f"received from 1 of {owing} organisations" in result.stdout
    with (data / f"actions/{MEETING}.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["action_id"]: row for row in csv.DictReader(handle)}
    assert (rows["ACC-02"]["rag"], rows["ACC-02"]["commentary"]) == (
        "green",
        "Both provisions open.",
    )
    with (data / f"funding/{MEETING}.csv").open(encoding="utf-8", newline="") as handle:
        lines = {row["line_id"]: row for row in csv.DictReader(handle)}
    assert lines["F001"]["spent_gbp"] == "150000.25"
