"""The frozen copy of a meeting's inputs: the files it read, byte for byte, and a valid folder."""

import hashlib

import pytest

from boardbrief.contract.load import load_board_data
from boardbrief.contract.meeting import select_meeting
from boardbrief.errors import RenderError
from boardbrief.publish.freeze import freeze_inputs, require_same_inputs
from tests.conftest import NORTHSHIRE_APRIL_FILES


def _files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_the_frozen_copy_holds_the_meetings_files_byte_for_byte(board_dir, tmp_path):
    meeting = select_meeting(load_board_data(board_dir), "2026-04-14")
    frozen = tmp_path / "inputs"
    records = freeze_inputs(meeting.data, frozen)
    # not actions/2026-05-05.csv, funding/2026-05-01.csv or commentary/2026-05-12.md
    assert _files(frozen) == list(NORTHSHIRE_APRIL_FILES)
    for name in _files(frozen):
        assert (frozen / name).read_bytes() == (board_dir / name).read_bytes(), name
    assert records == [
        {
            "path": name,
            "bytes": (board_dir / name).stat().st_size,
            "sha256": hashlib.sha256((board_dir / name).read_bytes()).hexdigest(),
        }
        for name in _files(frozen)
    ]


def test_the_frozen_copy_is_a_data_folder_giving_the_same_meeting(board_dir, tmp_path):
    meeting = select_meeting(load_board_data(board_dir), "2026-04-14", "2026-04-10")
    freeze_inputs(meeting.data, tmp_path / "inputs")
    again = select_meeting(load_board_data(tmp_path / "inputs"), "2026-04-14", "2026-04-10")
    assert again.data.files_read == meeting.data.files_read
    assert again.feedback.drop(columns="source_row").equals(
        meeting.feedback.drop(columns="source_row")
    )
    assert again.actions.table.equals(meeting.actions.table)


def test_inputs_read_otherwise_than_frozen_stop_the_render():
    frozen = [{"path": "a.csv", "sha256": "1"}, {"path": "b.csv", "sha256": "2"}]
    read = [{"path": "a.csv", "sha256": "1"}, {"path": "b.csv", "sha256": "3"}]
    require_same_inputs(frozen, frozen)
    with pytest.raises(RenderError) as raised:
        require_same_inputs(frozen, read)
    assert raised.value.message() == (
        "the data changed while the briefing was rendered (b.csv); nothing was published: "
        "render again"
    )
