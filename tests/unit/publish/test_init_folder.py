"""`boardbrief init`: the commented board.yml, the skeleton codebook and the blank templates."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook

from boardbrief.contract.board_config import BoardConfig
from boardbrief.contract.load import load_board_data
from boardbrief.contract.problems import DataError
from boardbrief.contract.read_tables import read_table
from boardbrief.errors import UsageError
from boardbrief.publish.init_folder import INIT_TEMPLATES, TABLES, init_folder
from tests.conftest import NORTHSHIRE

REQUIRED = ["board", "area", "la_code", "priority_areas", "organisations", "districts", "meetings"]


def test_init_writes_the_folder_with_a_template_per_table(tmp_path):
    folder = tmp_path / "new-board"
    written = init_folder(folder)
    assert sorted(str(p.relative_to(folder)) for p in written) == [
        "actions/README.txt",
        "board.yml",
        "commentary/README.txt",
        "feedback/README.txt",
        "funding/README.txt",
        "templates/actions.csv",
        "templates/actions.xlsx",
        "templates/feedback.csv",
        "templates/feedback.xlsx",
        "templates/funding.csv",
        "templates/funding.xlsx",
        "themes.yml",
    ]
    assert (folder / "templates" / "actions.csv").read_bytes() == (
        b"\xef\xbb\xbfaction_id,priority_area,title,owner,due_date,status,rag,last_updated,"
        b"commentary,pledge\r\n"
    )


def test_init_board_yml_names_every_key_and_marks_the_required_ones():
    text = (INIT_TEMPLATES / "board.yml").read_text(encoding="utf-8")
    for key in BoardConfig.model_fields:
        assert re.search(rf"^(# )?{key}:", text, flags=re.MULTILINE), key
    assert re.search(r"^# (indicators):", text, flags=re.MULTILINE)
    for key in REQUIRED:
        comment_before = text.split(f"\n{key}:")[0].rsplit("\n\n", 1)[-1]
        assert "REQUIRED" in comment_before, key
    for explained in ("redact", "not_names", "suppression_threshold"):
        comment_before = text.split(f"\n{explained}:")[0].rsplit("\n\n", 1)[-1]
        assert len(comment_before) > 100, explained


def test_init_board_yml_unfilled_names_each_required_key(tmp_path):
    init_folder(tmp_path / "board")
    with pytest.raises(DataError) as raised:
        load_board_data(tmp_path / "board")
    columns = {p.column for p in raised.value.problems}
    assert columns == set(REQUIRED)


def test_init_refuses_a_folder_with_files(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(UsageError, match="already has files in it"):
        init_folder(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_init_into_an_empty_folder_is_allowed(tmp_path):
    init_folder(tmp_path)
    assert (tmp_path / "board.yml").is_file()


def test_init_passes_validate_once_board_yml_is_filled_in(tmp_path):
    folder = tmp_path / "board"
    init_folder(folder)
    (folder / "board.yml").write_bytes((NORTHSHIRE / "board.yml").read_bytes())
    data = load_board_data(folder)
    assert (len(data.actions), len(data.funding), len(data.feedback)) == (0, 0, 0)
    assert data.codebook.ids == ["ehcp_delays", "communication"]


def test_init_templates_read_as_headed_tables(tmp_path):
    init_folder(tmp_path)
    for table in TABLES:
        for suffix in ("csv", "xlsx"):
            name = f"templates/{table.name}.{suffix}"
            frame = read_table(tmp_path / name, name, table.columns)
            assert list(frame.columns) == table.columns
            assert frame.empty


def _drop_downs(path):
    workbook = load_workbook(path)
    sheet, lists = workbook.worksheets
    found = {}
    for validation in sheet.data_validations.dataValidation:
        column = sheet[f"{str(validation.sqref).split(':')[0][0]}1"].value
        first, last = (
            re.search(r"!(\$[A-Z]+\$2:\$[A-Z]+\$\d+)$", validation.formula1).group(1).split(":")
        )
        found[column] = [c.value for (c,) in lists[first.replace("$", "") : last.replace("$", "")]]
    assert lists.sheet_state == "hidden"
    return found


def test_init_xlsx_offers_drop_downs_for_ratings_and_consent(tmp_path):
    init_folder(tmp_path)
    assert _drop_downs(tmp_path / "templates" / "actions.xlsx") == {
        "rag": ["red", "amber", "green", "blue"]
    }
    assert _drop_downs(tmp_path / "templates" / "feedback.xlsx") == {
        "consent_to_quote": ["yes", "no"],
        "rating": [1, 2, 3, 4, 5],
        "respondent": ["parent", "carer", "young person", "professional", "other"],
    }


def test_init_with_a_filled_board_offers_its_ids(tmp_path):
    folder = tmp_path / "board"
    init_folder(folder, NORTHSHIRE / "board.yml")
    assert (folder / "board.yml").read_bytes() == (NORTHSHIRE / "board.yml").read_bytes()
    assert _drop_downs(folder / "templates" / "funding.xlsx") == {
        "district": ["Eastmoor", "Westvale", "Kirkby Fell"],
        "kind": ["funding", "physical resources", "staff time"],
        "organisation": ["nsc", "nhs_north", "pcf", "college"],
        "priority_area": ["waits", "voice", "prep"],
    }
    assert _drop_downs(folder / "templates" / "actions.xlsx")["pledge"] == ["heard"]


def test_init_with_a_broken_board_leaves_nothing(tmp_path):
    broken = tmp_path / "board.yml"
    broken.write_text("board: x\n", encoding="utf-8")
    with pytest.raises(DataError):
        init_folder(tmp_path / "new", broken)
    assert not (tmp_path / "new").exists()
