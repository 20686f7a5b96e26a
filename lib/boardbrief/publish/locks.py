"""Locks in the output folder: one render of a meeting at a time, one writer of index.html."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from boardbrief.errors import RenderError

LOCKS_DIR = ".locks"
INDEX_LOCK_WAIT = 120  # seconds: index.html is rewritten in well under a second


@contextlib.contextmanager
def only_render_of(out_dir: Path, date: str) -> Iterator[None]:
    """Hold the meeting's lock: a second render of the same meeting fails at once, clearly."""
    lock = FileLock(lock_path(out_dir, date), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise RenderError(
            f"another render of {date} into {out_dir} is already running; "
            "try again when it has finished"
        ) from None
    try:
        yield
    finally:
        lock.release()


def index_lock(out_dir: Path) -> FileLock:
    """The lock held while index.html is rewritten; waits, then raises filelock's Timeout."""
    return FileLock(lock_path(out_dir, "index"), timeout=INDEX_LOCK_WAIT)


def lock_path(out_dir: Path, name: str) -> Path:
    folder = out_dir / LOCKS_DIR
    folder.mkdir(exist_ok=True)
    return folder / f"{name}.lock"
