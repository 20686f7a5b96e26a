"""Checked data handed from the render to its kernels: read only with its SHA-256, else checked."""

import pytest

from boardbrief.contract import meeting as meeting_module
from boardbrief.contract import reuse
from boardbrief.contract.checked import read_checked, write_checked
from boardbrief.contract.load import load_board_data
from boardbrief.contract.meeting import load_meeting, select_meeting
from boardbrief.errors import RenderError


@pytest.fixture
def checked(board_dir, tmp_path):
    data = select_meeting(load_board_data(board_dir), "2026-05-12").data
    path = tmp_path / "checked-data.pickle"
    return data, path, write_checked(data, path)


def test_checked_data_reads_back_the_same(checked):
    data, path, sha256 = checked
    again = read_checked(path, sha256)
    assert again.files_read == data.files_read
    assert again.feedback.equals(data.feedback)
    assert again.config == data.config


def test_checked_data_with_another_sha256_is_refused(checked):
    _data, path, _sha256 = checked
    with pytest.raises(RenderError) as raised:
        read_checked(path, "0" * 64)
    assert raised.value.message() == (
        f"{path} is not the checked data this render wrote (SHA-256 differs)"
    )


def test_load_meeting_uses_the_checked_data_and_checks_nothing(checked, board_dir, monkeypatch):
    _data, path, sha256 = checked
    monkeypatch.setattr(meeting_module, "load_board_data", lambda d: pytest.fail("checked again"))
    meeting = load_meeting(board_dir, "2026-05-12", "", str(path), sha256)
    assert meeting.actions.file == "actions/2026-05-05.csv"


def test_load_meeting_without_the_file_checks_the_folder_itself(checked, board_dir, monkeypatch):
    _data, path, sha256 = checked
    path.unlink()
    loads = []
    real = meeting_module.load_board_data
    monkeypatch.setattr(meeting_module, "load_board_data", lambda d: loads.append(d) or real(d))
    meeting = load_meeting(board_dir, "2026-05-12", "", str(path), sha256)
    assert loads == [board_dir]
    assert meeting.actions.file == "actions/2026-05-05.csv"


def test_reused_meetings_read_the_checked_file_once_each_run_its_own_copy(checked, monkeypatch):
    _data, path, sha256 = checked
    monkeypatch.setattr(reuse, "load_board_data", lambda d: pytest.fail("checked again"))
    reads = []
    real = reuse.checked_content
    monkeypatch.setattr(reuse, "checked_content", lambda p, s: reads.append(p) or real(p, s))
    first = reuse.load_meeting_reused("unused", "2026-05-12", "", str(path), sha256)
    second = reuse.load_meeting_reused("unused", "2026-05-12", "", str(path), sha256)
    assert len(reads) == 1
    assert first.actions.table is not second.actions.table
    assert first.actions.table.equals(second.actions.table)


def test_a_kernel_reading_checked_data_never_imports_pandera(checked, board_dir):
    """What the render's kernels import, then a meeting loaded from the checked file, in a fresh
    Python: pandera (half a second of every kernel's start) is left to a check of raw files."""
    import subprocess
    import sys

    from boardbrief.publish.early_kernel import WARM_UP

    _data, path, sha256 = checked
    program = "\n".join(
        [
            WARM_UP[0],
            "from boardbrief.contract.meeting import load_meeting",
            f"meeting = load_meeting({str(board_dir)!r}, '2026-05-12', '', {str(path)!r}, "
            f"{sha256!r})",
            "import sys",
            "print(meeting.actions.file, sorted(m for m in sys.modules if 'pandera' in m))",
        ]
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["actions/2026-05-05.csv", "[]"]
