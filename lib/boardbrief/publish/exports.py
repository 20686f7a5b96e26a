"""Writing CSV files that spreadsheets open safely, correctly and always the same way.

A cell of text that starts with `=`, `+`, `-` or `@` (or a tab or carriage return) is taken by
Excel, LibreOffice and Google Sheets as a formula, and a formula can fetch URLs or run commands
(OWASP, "CSV Injection"). Action titles, line descriptions and organisation names are typed by
people outside the analysts' control, so every text cell is neutralised with a leading `'`,
also when spaces come before the dangerous character (some importers trim them). Numbers are
left as numbers: a negative amount is `-1.50`, not text.

Files are UTF-8 with a byte-order mark, so Excel reads `£` and accented names correctly when a
file is double-clicked (pandas, R and Python's `utf-8-sig` skip the mark), with `\\r\\n` line
endings (RFC 4180, and what Excel itself writes). The same table always gives the same bytes, and
each file appears whole or not at all: it is written beside its final name and moved into place.
"""

from __future__ import annotations

import csv
import numbers
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from boardbrief.publish.folders import replace_retrying, require_replaceable

ENCODING = "utf-8-sig"
LINE_END = "\r\n"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def neutralise(value: Any) -> Any:
    """A cell as a spreadsheet may safely read it: text that could be a formula gets a `'` first.

    Numbers (int, float, Decimal, numpy) are returned as they are, negative ones included;
    missing values (None, NaN, <NA>, NaT) become an empty cell; anything else is taken as text.
    """
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS) or text.lstrip().startswith(FORMULA_STARTS):
        return QUOTE + text
    return text


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write one table as a safe CSV file at `path`, replacing any earlier file in one step."""
    return write_csvs({path.name: frame}, path.parent)[0]


def write_csvs(frames: Mapping[str, pd.DataFrame], folder: Path) -> list[Path]:
    """Write several tables into `folder`, moving each into place only once all are written.

    A failure part way (a full disk, say) leaves the earlier files of those names as they were
    and no temporary file behind.

    Parameters
    ----------
    frames
        File name (e.g. `actions.csv`) to table; the header is the table's column names and the
        index is not written.
    folder
        An existing folder.

    Returns
    -------
    list of Path
        The files written, in the order of `frames`.
    """
    written: list[tuple[Path, Path]] = []
    try:
        for name, frame in frames.items():
            written.append((_write_beside(frame, folder / name), folder / name))
        require_replaceable([target for _, target in written])  # none replaced if one is held
        for temporary, target in written:
            replace_retrying(temporary, target)
    finally:
        for temporary, _ in written:
            temporary.unlink(missing_ok=True)
    return [target for _, target in written]


def _write_beside(frame: pd.DataFrame, target: Path) -> Path:
    """The table written to a hidden temporary file in the target's folder (same file system)."""
    temporary: Path | None = None
    try:
        with tempfile.NamedTemporaryFile(
            "w",
            encoding=ENCODING,
            newline="",
            dir=target.parent,
            prefix=f".{target.name}-",
            suffix=".tmp",
            delete=False,
        ) as handle:
            temporary = Path(handle.name)
            writer = csv.writer(handle, lineterminator=LINE_END, quoting=csv.QUOTE_MINIMAL)
            writer.writerow([neutralise(column) for column in frame.columns])
            for row in frame.itertuples(index=False, name=None):
                writer.writerow([neutralise(value) for value in row])
            handle.flush()
            os.fsync(handle.fileno())
        temporary.chmod(0o644)
    except BaseException:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise
    return temporary
