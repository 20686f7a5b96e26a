"""A data folder `factor` times the size of another, same shape, for measuring speed and memory.

Every row of every action-plan snapshot, investment register and feedback file is written
`factor` times: the first copy keeps its id, each further copy gets a suffix (``ACC-01`` ->
``ACC-01-x042``), so ids stay unique and an action keeps the same id from one snapshot to the
next. Everything else in a row (areas, owners, ratings, dates, districts, consent) is kept, so the
mix is the source's. board.yml, themes.yml, commentary, indicators and risk registers are
copied as they are.
Deterministic: the same source and factor always give the same bytes.

``python -m boardbrief.sample_data.scaled SOURCE OUT --factor N``
"""

from __future__ import annotations

import argparse
import csv
import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

from boardbrief.sample_data.writing import write_csv

__all__ = ["write_scaled_data"]

log = logging.getLogger(__name__)

# Each scaled table folder, with the column holding the id that must stay unique.
SCALED_TABLES = {"actions": "action_id", "funding": "line_id", "feedback": "feedback_id"}
COPIED_FILES = ("board.yml", "themes.yml")
# measures: one value per period; risks: a register does not grow with the plan
COPIED_FOLDERS = ("commentary", "indicators", "measures", "risks")
OPTIONAL_FILES = ("measures.yml",)


def write_scaled_data(source_dir: Path, out_dir: Path, factor: int) -> list[Path]:
    """Write a copy of `source_dir` into `out_dir` with every table's rows repeated `factor` times.

    Parameters
    ----------
    source_dir
        A data folder meeting the contract (data/README.md) whose tables are CSV.
    out_dir
        The folder to fill; created if missing, files with the same names are overwritten.
    factor
        How many copies of each row; 1 writes an identical copy of the tables.

    Returns
    -------
    list[Path]
        The paths written, sorted.

    Raises
    ------
    ValueError
        `factor` is below 1, a table is not CSV, or a table lacks its id column.
    """
    if factor < 1:
        raise ValueError(f"factor must be 1 or more, not {factor}")
    source_dir, out_dir = Path(source_dir), Path(out_dir)
    written: list[Path] = []
    for name in COPIED_FILES:
        written.append(_copy_file(source_dir / name, out_dir / name))
    for name in OPTIONAL_FILES:
        if (source_dir / name).is_file():
            written.append(_copy_file(source_dir / name, out_dir / name))
    for folder in COPIED_FOLDERS:  # a missing folder (commentary is optional) is skipped
        for path in sorted((source_dir / folder).glob("*")):
            if path.is_file():
                written.append(_copy_file(path, out_dir / folder / path.name))
    for folder, id_column in SCALED_TABLES.items():
        for path in _tables(source_dir / folder):
            header, rows = _read_csv(path)
            scaled = _scaled_rows(rows, _column_index(header, id_column, path), factor)
            written.append(write_csv(out_dir / folder / path.name, header, scaled))
    log.info("wrote %d files at %dx into %s", len(written), factor, out_dir)
    return sorted(written)


def _tables(folder: Path) -> list[Path]:
    """The folder's tables, skipping hidden files, Excel lock files and notes as the loader does."""
    tables = []
    for path in sorted(folder.glob("*")):
        if not path.is_file() or path.name.startswith((".", "~$")):
            continue
        if path.suffix.lower() in (".md", ".txt"):
            continue
        if path.suffix.lower() != ".csv":
            raise ValueError(f"{path}: only CSV tables can be scaled")
        tables.append(path)
    return tables


def _read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows = [row for row in reader if any(value.strip() for value in row)]
    return header, rows


def _column_index(header: list[str], column: str, path: Path) -> int:
    names = [name.strip().lower() for name in header]
    if column not in names:
        raise ValueError(f"{path}: no {column} column to make unique")
    return names.index(column)


def _scaled_rows(rows: list[list[str]], id_index: int, factor: int) -> Iterator[list[str]]:
    """Each copy in turn, so the first `len(rows)` rows are the source's own."""
    width = max(3, len(str(factor - 1)))
    for copy in range(factor):
        suffix = f"-x{copy:0{width}d}" if copy else ""
        for row in rows:
            scaled = list(row)
            scaled[id_index] = f"{row[id_index].strip()}{suffix}"
            yield scaled


def _copy_file(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target


def main(argv: list[str] | None = None) -> int:
    """Write the scaled folder; quiet unless something goes wrong."""
    parser = argparse.ArgumentParser(
        prog="python -m boardbrief.sample_data.scaled",
        description="Write a data folder N times the size of SOURCE, with the same shape.",
    )
    parser.add_argument("source", type=Path, help="data folder to scale (its tables must be CSV)")
    parser.add_argument("out_dir", type=Path, help="data folder to write into")
    parser.add_argument("--factor", type=int, default=100, help="copies of each row (default: 100)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    write_scaled_data(args.source, args.out_dir, args.factor)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
