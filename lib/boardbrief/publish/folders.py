"""Checks on the output folder: not inside the read-only data; an unwritable one said plainly.

Used by `render` and by `boardbrief export`, which both write a folder per meeting.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

from boardbrief.errors import RenderError, UsageError

_CANNOT_WRITE = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT}


def check_output_folder(out_dir: Path, data_dir: Path, what: str = "briefings") -> None:
    """Refuse an output folder that is a file, or that lies inside the read-only data folder."""
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"the output folder {out_dir} is a file, not a folder")
    out, data = out_dir.resolve(), data_dir.resolve()
    if out == data or data in out.parents:
        raise UsageError(
            f"{what} cannot be written into the data folder {data_dir}: it is read-only input"
        )


@contextlib.contextmanager
def writing_into(out_dir: Path) -> Iterator[None]:
    """Report an output folder that cannot be written (permissions, read-only, full) clearly."""
    try:
        yield
    except OSError as error:
        if error.errno not in _CANNOT_WRITE or not _concerns(error, out_dir):
            raise
        folder = Path(error.filename).parent if error.filename else out_dir
        reason = (error.strerror or os.strerror(error.errno)).lower()
        raise RenderError(f"cannot write to {folder}: {reason}") from None


def _concerns(error: OSError, out_dir: Path) -> bool:
    """Whether a failed write was to the output folder, inside it or on the way to it."""
    if error.filename is None:  # a write to an open file: only a full disk says no then
        return error.errno in (errno.ENOSPC, errno.EDQUOT)
    path, out = Path(error.filename).absolute(), out_dir.absolute()
    return path == out or out in path.parents or path in out.parents
