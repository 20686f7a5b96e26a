"""Checked data handed from the render to its kernels, so a render checks the data once.

The render checks the data folder (`load_board_data`), cuts it to the meeting
(`contract.as_at`) and writes it here as a pickle in its staging folder, never published; the
notebooks get its path and SHA-256 as parameters. A kernel checks the SHA-256 before it unpickles
anything, and a notebook run without them (a plain `papermill` run, the auditors' route) checks
the raw files itself. The pickle is made and read by the same code in the same environment within
one render; it holds pydantic settings, the codebook and typed tables, which a columnar format
such as Parquet could not hold without rebuilding them.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from boardbrief.contract.load import BoardData
from boardbrief.errors import RenderError

CHECKED_DATA = "checked-data.pickle"  # its name in the staging folder


def checked_bytes(data: BoardData) -> bytes:
    """The checked data as bytes, to write or keep."""
    return pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)


def write_checked(data: BoardData, path: Path) -> str:
    """Write the checked data to `path`; returns its SHA-256, for the kernel to check."""
    content = checked_bytes(data)
    path.write_bytes(content)
    return hashlib.sha256(content).hexdigest()


def read_checked(path: str | Path, sha256: str) -> BoardData | None:
    """The checked data the render wrote at `path`, or None when none was given or it is gone.

    Raises
    ------
    RenderError
        The file's SHA-256 is not `sha256`: it is not the file the render wrote.
    """
    content = checked_content(path, sha256)
    return None if content is None else loads_checked(content)


def checked_content(path: str | Path, sha256: str) -> bytes | None:
    """The checked data as bytes, its SHA-256 confirmed; None when none was given or it is gone."""
    if not str(path) or not Path(path).is_file():
        return None
    content = Path(path).read_bytes()
    if hashlib.sha256(content).hexdigest() != sha256:
        raise RenderError(f"{path} is not the checked data this render wrote (SHA-256 differs)")
    return content


def loads_checked(content: bytes) -> BoardData:
    """Checked data from bytes `checked_bytes` made (and whose SHA-256 was confirmed)."""
    return pickle.loads(content)  # written by this render; its SHA-256 checked before
