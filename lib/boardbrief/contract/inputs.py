"""Fingerprints of the input files a briefing was built from, for its footer and run record."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

CHUNK = 1 << 20


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in chunks so large files cost little memory."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def input_records(data_dir: Path, files: Iterable[str]) -> list[dict[str, object]]:
    """Each input's path relative to the data folder, its size in bytes and its SHA-256."""
    records = []
    for name in sorted(files):
        path = Path(data_dir) / name
        records.append({"path": name, "bytes": path.stat().st_size, "sha256": sha256_of(path)})
    return records
