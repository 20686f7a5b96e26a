"""The returns record beside a collected snapshot is part of the data contract."""

from __future__ import annotations

import shutil

import pytest

from boardbrief.contract.load import load_board_data
from boardbrief.contract.problems import DataError
from tests.returns_tools import FIXTURES


@pytest.fixture
def data(tmp_path):
    shutil.copytree(FIXTURES / "smallboard", tmp_path / "data")
    return tmp_path / "data"


def _problems(data) -> list[str]:
    with pytest.raises(DataError) as error:
        load_board_data(data)
    return [str(problem) for problem in error.value.problems]


def test_a_record_beside_its_snapshot_is_read(data):
    record = "meeting: 2026-03-10\nreturned: [sdc]\ncarried_forward: [NHS_South]\n"
    (data / "actions/2026-03-01.returns.yml").write_text(record, encoding="utf-8")
    loaded = load_board_data(data)
    assert [r.carried_forward for r in loaded.returns.values()] == [["NHS_South"]]
    assert "actions/2026-03-01.returns.yml" in loaded.files_read


def test_a_record_with_no_snapshot_of_its_date_is_refused(data):
    (data / "actions/2026-03-02.returns.yml").write_text("meeting: 2026-03-10\n", encoding="utf-8")
    assert _problems(data) == [
        "actions/2026-03-02.returns.yml: expected an action-plan snapshot of the same date, "
        "actions/2026-03-02.csv or .xlsx"
    ]


def test_a_record_naming_an_unknown_organisation_is_refused(data):
    record = "meeting: 2026-03-10\nreturned: [sdc, council]\n"
    (data / "actions/2026-03-01.returns.yml").write_text(record, encoding="utf-8")
    assert _problems(data) == [
        "actions/2026-03-01.returns.yml, column 'returned': found 'council', expected an "
        "organisation id from board.yml"
    ]
