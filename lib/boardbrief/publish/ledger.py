"""The archive's ledger (`briefings/ledger.jsonl`) and the chain of run records across meetings.

One JSON line is appended for every published render, under the index lock, and no line is
ever rewritten. Each line carries the SHA-256 of the line before it (its bytes, without the
newline), so an edited or removed line breaks the chain at the next one. Each run record names
the previous archived meeting's run record by its SHA-256: a chain across the archive.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from boardbrief.contract.inputs import sha256_of
from boardbrief.publish.run_record import RUN_RECORD

LEDGER = "ledger.jsonl"


def previous_record(out_dir: Path, date: str) -> dict[str, str] | None:
    """The latest archived meeting before `date` with a run record: its date and SHA-256."""
    earlier = []
    for folder in out_dir.iterdir() if out_dir.is_dir() else []:
        try:
            meeting = dt.date.fromisoformat(folder.name)
        except ValueError:
            continue
        if meeting.isoformat() < date and (folder / RUN_RECORD).is_file():
            earlier.append(meeting.isoformat())
    if not earlier:
        return None
    latest = max(earlier)
    return {"meeting": latest, "sha256": sha256_of(out_dir / latest / RUN_RECORD)}


def ledger_entry(date: str, folder: Path, record: dict[str, Any]) -> dict[str, Any]:
    """The ledger line of a published render (without the previous line's SHA-256).

    Beside the run record's SHA-256 it keeps the fields an auditor asks about first, so that
    verify can say which of them an edited run record changed.
    """
    replaces = record.get("replaces")
    return {
        "meeting": date,
        "run_sha256": sha256_of(folder / RUN_RECORD),
        **witnessed(record),
        "replaces": replaces.get("run_sha256") if replaces else None,
    }


def witnessed(record: dict[str, Any]) -> dict[str, Any]:
    """The run record's fields the ledger line repeats (the environment by its SHA-256)."""
    code = record.get("code") or {}
    environment = json.dumps(record.get("environment"), sort_keys=True, separators=(",", ":"))
    return {
        "fingerprint": record.get("fingerprint"),
        "started": record.get("started"),
        "finished": record.get("finished"),
        "git_commit": code.get("git_commit"),
        "git_dirty": code.get("git_dirty"),
        "environment_sha256": hashlib.sha256(environment.encode("utf-8")).hexdigest(),
    }


def append_to_ledger(out_dir: Path, entry: dict[str, Any]) -> Path:
    """Append one line, chained to the last; call it under the index lock.

    The file is opened for appending in binary, so no line end is translated (Windows too),
    and nothing already in it is read back into a rewrite.
    """
    path = out_dir / LEDGER
    lines = ledger_lines(path)
    previous = line_sha256(lines[-1]) if lines else None
    line = json.dumps({**entry, "previous_line_sha256": previous}, sort_keys=True)
    data = line.encode("utf-8") + b"\n"
    if path.is_file() and path.stat().st_size and not path.read_bytes().endswith(b"\n"):
        data = b"\n" + data  # a line cut short by a crash stays as it is, visibly broken
    with path.open("ab") as handle:
        handle.write(data)
    return path


def ledger_lines(path: Path) -> list[bytes]:
    """The ledger's lines as bytes, without their newlines (none when there is no ledger)."""
    if not path.is_file():
        return []
    lines = path.read_bytes().split(b"\n")
    return lines[:-1] if lines and lines[-1] == b"" else lines


def line_sha256(line: bytes) -> str:
    """The SHA-256 of one ledger line's bytes, without its newline."""
    return hashlib.sha256(line).hexdigest()
