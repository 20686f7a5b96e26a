"""Checks on the output folder: not inside the read-only data; an unwritable one said plainly.

Used by `render` and by `boardbrief export`, which both write a folder per meeting. On Windows a
file that Excel has open, or that OneDrive or an antivirus scanner holds for a moment, cannot be
replaced or renamed: such a move is retried briefly, then refused with the file's name and the
likely cause.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from boardbrief.errors import RenderError, UsageError

_CANNOT_WRITE = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT}
RETRY_DELAYS = (0.1, 0.2, 0.4, 0.8, 1.5)  # seconds, 3 in all: a sync or a virus scan lets go
LIKELY_CAUSE = "open in Excel or another program? synced by OneDrive? close it and run again"


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


def can_write_in(folder: Path) -> bool:
    """Whether a file can be created and removed in `folder`, found by doing it.

    `os.access` is no guide on Windows: it reads only the read-only attribute, not the folder's
    permissions, so it says "writable" where a write will fail.
    """
    try:
        handle, probe = tempfile.mkstemp(prefix=".boardbrief-probe-", dir=folder)
    except OSError:
        return False
    os.close(handle)
    try:
        os.unlink(probe)
    except OSError:
        return False
    return True


def replace_retrying(source: Path, target: Path, held: Path | None = None) -> None:
    """Move a file onto `target`, replacing it (`os.replace`), or a folder to a free `target`.

    `held` is the path a refusal names, the one the user knows (default `target`).

    Raises
    ------
    RenderError
        The folder cannot be written (said at once), or the move still meets PermissionError
        after a few retries over about three seconds: something holds the file. Nothing has
        moved then.
    """
    move = os.rename if source.is_dir() else os.replace  # a folder moves onto a free name
    for delay in (*RETRY_DELAYS, None):
        try:
            move(source, target)
            return
        except PermissionError:
            if not can_write_in(target.parent):
                raise RenderError(f"cannot write to {target.parent}: permission denied") from None
            if delay is None:
                raise RenderError(locked_message(held or target)) from None
            time.sleep(delay)


def require_replaceable(targets: list[Path]) -> None:
    """Refuse, before anything is replaced, when one of the existing `targets` is held open.

    A file open in Excel on Windows cannot be opened for writing by another program; trying it
    (without writing) finds the lock before the first of several files is replaced.
    """
    for target in targets:
        for delay in (*RETRY_DELAYS, None):
            try:
                with target.open("r+b"):
                    break
            except FileNotFoundError:
                break
            except PermissionError:
                if not os.access(target, os.W_OK):
                    break  # read-only, not held: the replace itself says whether it may
                if delay is None:
                    raise RenderError(locked_message(target)) from None
                time.sleep(delay)


def locked_message(target: Path) -> str:
    """What to say when `target` is held by another program."""
    what = "the folder" if target.is_dir() else "the file"
    return f"cannot replace {what} {target}: it is in use ({LIKELY_CAUSE}); nothing was changed"
