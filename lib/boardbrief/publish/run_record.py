"""The run record (`run.json`) kept beside each briefing: what went in, what ran, what came out.

Its fields are documented in docs/run-record.md. The briefing itself holds no wall-clock time;
the run record is where the time of the run belongs.
"""

from __future__ import annotations

import datetime as dt
import json
import platform
import subprocess
import sys
from functools import cache
from importlib.metadata import distributions
from pathlib import Path
from typing import Any

from boardbrief import __version__, paths
from boardbrief.contract.inputs import sha256_of

RUN_RECORD = "run.json"
FORMAT_VERSION = 2  # 2: fingerprint, previous_record, replaces, signature, ledger
OUTPUTS = (paths.BRIEFING_HTML, paths.EXECUTED_NOTEBOOK, paths.FIGURES_JSON, paths.FAMILIES_HTML)


def build_run_record(
    *,
    parameters: dict[str, object],
    notebook: Path,
    inputs: list[dict[str, object]],
    kernel_name: str,
    started: dt.datetime,
    finished: dt.datetime,
    folder: Path,
) -> dict[str, Any]:
    """Everything needed to say how the files in `folder` were made."""
    return {
        "format": FORMAT_VERSION,
        "tool": {"name": "boardbrief", "version": __version__},
        "parameters": parameters,
        "notebook": {"path": _relative(notebook), "sha256": sha256_of(notebook)},
        "inputs": inputs,
        "code": git_state(),
        "environment": environment(),
        "kernel": kernel_name,
        "started": started.isoformat(timespec="seconds"),
        "finished": finished.isoformat(timespec="seconds"),
        "duration_seconds": round((finished - started).total_seconds(), 2),
        "outputs": {name: sha256_of(folder / name) for name in OUTPUTS},
    }


def write_run_record(record: dict[str, Any], folder: Path) -> Path:
    """Write run.json, keys sorted, so two records can be compared line by line."""
    path = folder / RUN_RECORD
    path.write_text(
        json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8", newline="\n"
    )
    return path


def read_run_record(folder: Path) -> dict[str, Any]:
    """The run record of a rendered meeting."""
    return json.loads((folder / RUN_RECORD).read_text(encoding="utf-8"))


def environment() -> dict[str, Any]:
    """The Python and every installed package's version, as the kernel sees them (same venv)."""
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": sys.platform,
        "packages": dict(installed_packages()),
    }


@cache
def installed_packages() -> tuple[tuple[str, str], ...]:
    """Every installed package's name and version, by name: read once per process (reading
    every package's metadata takes a few tenths of a second)."""
    packages = {
        dist.metadata["Name"].lower(): dist.version
        for dist in distributions()
        if dist.metadata["Name"]
    }
    return tuple(sorted(packages.items()))


def git_state() -> dict[str, Any]:
    """The project's git commit and whether the work tree had uncommitted changes."""

    def git(*args: str) -> str | None:
        try:
            result = subprocess.run(
                ["git", "-C", str(paths.PROJECT_ROOT), *args],
                capture_output=True,
                text=True,
                timeout=10,
                check=True,
            )
        except (OSError, subprocess.SubprocessError):
            return None
        return result.stdout.strip()

    commit = git("rev-parse", "HEAD")
    status = git("status", "--porcelain", "--untracked-files=no")
    return {"git_commit": commit, "git_dirty": None if status is None else bool(status)}


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(paths.PROJECT_ROOT))
    except ValueError:
        return str(path)
