"""Write sample tables and documents as bytes, so every machine produces identical files."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Path:
    """Write a header row then the rows: UTF-8 without BOM, ``\\n`` line endings."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        if len(row) != len(header):
            raise ValueError(f"{path.name}: row has {len(row)} values for {len(header)} columns")
        writer.writerow(row)
    return write_text(path, buffer.getvalue())


def write_yaml(path: Path, data: Any) -> Path:
    """Dump in insertion order, so the file reads in the order the contract lists the keys."""
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return write_text(path, text)


def write_text(path: Path, text: str) -> Path:
    """Write bytes ourselves: text mode would turn ``\\n`` into ``\\r\\n`` on Windows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def format_money(pennies: int) -> str:
    """Plain pounds with pennies only when there are some: ``12500`` or ``12500.50``."""
    pounds, pence = divmod(pennies, 100)
    return str(pounds) if pence == 0 else f"{pounds}.{pence:02d}"
