"""The frozen copy of a meeting's inputs, `MEETING/inputs/`, kept with its briefing.

Every file the meeting read (`BoardData.files_read` once cut to the meeting by
`contract.as_at`) is copied byte for byte into the staging folder, so the published folder holds
a valid data folder of its own: `verify` re-renders from it, and later data (comments appended
to a feedback file, a later meeting's snapshot) never reaches an earlier meeting. Files dated
after the meeting are not the meeting's and are not copied; rows dated after the cut-off stay in
the files, byte for byte, and are dropped on loading by the same rule as at the render.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from boardbrief.contract.inputs import input_records
from boardbrief.errors import RenderError

if TYPE_CHECKING:  # pandas and pandera: not for `verify`, which only needs INPUTS_DIR
    from boardbrief.contract.load import BoardData

INPUTS_DIR = "inputs"
REQUIRED_FOLDERS = ("actions", "funding", "feedback")  # a data folder has them, even if empty


def freeze_inputs(data: BoardData, folder: Path) -> list[dict[str, object]]:
    """Copy each file the meeting read into `folder`; returns the copies' records.

    The records (path, bytes, sha256) are those of the copies, so `run.json`'s `inputs`
    describe exactly the files frozen.
    """
    source = Path(data.data_dir).resolve()
    for name in REQUIRED_FOLDERS:
        (folder / name).mkdir(parents=True, exist_ok=True)
    for name in data.files_read:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / name, target)
    return input_records(folder, data.files_read)


def require_same_inputs(frozen: list[dict[str, object]], read: list[dict[str, object]]) -> None:
    """Refuse a render whose notebook read other files, or other bytes, than were frozen.

    Raises
    ------
    RenderError
        Naming each file that differs: one changed while the briefing was rendered.
    """
    by_path = {str(r["path"]): r["sha256"] for r in frozen}
    read_paths = {str(r["path"]): r["sha256"] for r in read}
    different = sorted(
        path for path in set(by_path) | set(read_paths) if by_path.get(path) != read_paths.get(path)
    )
    if different:
        raise RenderError(
            "the data changed while the briefing was rendered (" + ", ".join(different) + "); "
            "nothing was published: render again"
        )
