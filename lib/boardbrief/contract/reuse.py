"""Loading a meeting once per kernel when one kernel renders several pages of the same meeting.

The area pages run one after another in one kernel (see `publish.area_pages`). Each run loads
the meeting as a notebook run on its own would; checking the whole data folder again for each
area would cost as much as the rest of the page. So the checked data is kept, as the bytes of
the one format checked data takes (`contract.checked`): the file the render wrote, when the run
names one, or else the folder's data checked here, for as long as no file in the folder has
changed (same names, sizes and modification times). Each run unpickles its own copy, so nothing
one run does can reach the next. What every area works out the same way from the same meeting
(the comments' themes, the scorecard) is kept likewise, by `once_per_meeting`, for meetings
loaded here only.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from boardbrief.contract.checked import checked_bytes, checked_content, loads_checked
from boardbrief.contract.load import BoardData, load_board_data
from boardbrief.contract.meeting import LATEST, Meeting, select_meeting

_kept: dict[object, bytes] = {}  # one entry: the source's key and its checked data's bytes
_latest_copy: list[BoardData] = []  # the copy handed out last: the run now going on
_results: dict[tuple[str, dt.date, dt.date | None], object] = {}
T = TypeVar("T")


def folder_state(data_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """Every file under the folder with its size and modification time, in a stable order."""
    state = []
    for path in sorted(data_dir.rglob("*")):
        if path.is_file():
            stat = path.stat()
            state.append((path.relative_to(data_dir).as_posix(), stat.st_size, stat.st_mtime_ns))
    return tuple(state)


def load_meeting_reused(
    data_dir: Path | str,
    meeting_date: str | dt.date = LATEST,
    as_at: str | dt.date | None = None,
    checked_data: str = "",
    checked_sha256: str = "",
) -> Meeting:
    """As `contract.meeting.load_meeting`, but the checked data is read or checked only once."""
    if checked_data and Path(checked_data).is_file():
        key: object = ("checked", str(checked_data), checked_sha256)
        if key not in _kept:
            _keep(key, checked_content(checked_data, checked_sha256) or b"")
    else:
        folder = Path(data_dir).resolve()
        key = ("folder", folder, folder_state(folder) if folder.is_dir() else ())
        if key not in _kept:
            _keep(key, checked_bytes(load_board_data(data_dir)))
    meeting = select_meeting(loads_checked(_kept[key]), meeting_date, as_at)
    _latest_copy[:] = [meeting.data]
    return meeting


def _keep(key: object, content: bytes) -> None:
    """Keep one source's checked data: one board at a time, as the kernel renders one meeting."""
    _kept.clear()
    _results.clear()
    _kept[key] = content


def once_per_meeting(name: str, meeting: Meeting, compute: Callable[[], T]) -> T:
    """`compute()`, worked out once for meetings loaded by `load_meeting_reused` from the data
    kept now (each caller gets its own deep copy); for any other meeting, worked out each time.
    """
    if not _latest_copy or meeting.data is not _latest_copy[0]:
        return compute()
    key = (name, meeting.date, meeting.as_at)
    if key not in _results:
        _results[key] = compute()
    return copy.deepcopy(_results[key])  # type: ignore[return-value]
