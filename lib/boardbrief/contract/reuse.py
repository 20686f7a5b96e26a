"""Loading a meeting once per kernel when one kernel renders several pages of the same meeting.

The area pages run one after another in one kernel (see `publish.area_pages`). Each run loads
the meeting as a notebook run on its own would; checking the whole data folder again for each
area would cost as much as the rest of the page. So the checked data is kept for as long as no
file in the folder has changed (same names, sizes and modification times), and each run gets
its own deep copy of it, so nothing one run does can reach the next. What every area works out
the same way from the same meeting (the comments' themes, the scorecard) is kept likewise, by
`once_per_meeting`, for meetings loaded here only.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from boardbrief.contract.load import BoardData, load_board_data
from boardbrief.contract.meeting import LATEST, Meeting, select_meeting

_kept: dict[Path, tuple[tuple[tuple[str, int, int], ...], BoardData]] = {}
_latest_copy: list[BoardData] = []  # the copy handed out last: the run now going on
_results: dict[tuple[str, dt.date], object] = {}
T = TypeVar("T")


def folder_state(data_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """Every file under the folder with its size and modification time, in a stable order."""
    state = []
    for path in sorted(data_dir.rglob("*")):
        if path.is_file():
            stat = path.stat()
            state.append((path.relative_to(data_dir).as_posix(), stat.st_size, stat.st_mtime_ns))
    return tuple(state)


def load_meeting_reused(data_dir: Path | str, meeting_date: str | dt.date = LATEST) -> Meeting:
    """As `contract.meeting.load_meeting`, but an unchanged folder is checked only once."""
    folder = Path(data_dir).resolve()
    state = folder_state(folder) if folder.is_dir() else ()
    kept = _kept.get(folder)
    if kept is None or kept[0] != state:
        _kept.clear()  # one board at a time: the kernel renders one meeting's pages
        _results.clear()
        _kept[folder] = (state, load_board_data(data_dir))
    data = copy.deepcopy(_kept[folder][1])
    _latest_copy[:] = [data]
    return select_meeting(data, meeting_date)


def once_per_meeting(name: str, meeting: Meeting, compute: Callable[[], T]) -> T:
    """`compute()`, worked out once for meetings loaded by `load_meeting_reused` from the data
    kept now (each caller gets its own deep copy); for any other meeting, worked out each time.
    """
    if not _latest_copy or meeting.data is not _latest_copy[0]:
        return compute()
    key = (name, meeting.date)
    if key not in _results:
        _results[key] = compute()
    return copy.deepcopy(_results[key])  # type: ignore[return-value]
