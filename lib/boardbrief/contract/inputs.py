"""Fingerprints of the input files a briefing was built from, and of the run as a whole."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

CHUNK = 1 << 20
SHORT_DIGITS = 12  # the fingerprint as printed: enough to tell records apart, short to quote


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


def run_fingerprint(meeting_date: str, as_at: str, inputs: Iterable[dict[str, object]]) -> str:
    """The SHA-256 of what a briefing was made from: its meeting, its cut-off and its inputs.

    Only the data and the cut-off, never a time, a user or the code: the briefing that shows it
    stays the same bytes when re-rendered. Each input counts by its path and its own SHA-256;
    the text hashed is canonical JSON (keys sorted, no spaces, inputs sorted by path).
    """
    canonical = {
        "as_at": as_at,
        "inputs": sorted(
            ({"path": str(i["path"]), "sha256": str(i["sha256"])} for i in inputs),
            key=lambda item: item["path"],
        ),
        "meeting_date": meeting_date,
    }
    text = json.dumps(canonical, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def short_fingerprint(fingerprint: str) -> str:
    """The first 12 hex digits in three groups of four, as the briefing prints it."""
    return " ".join(fingerprint[i : i + 4] for i in range(0, SHORT_DIGITS, 4))
