"""No silent overwrite: an archived briefing is replaced only when asked, and then kept.

`render` of a meeting whose folder already holds a briefing is refused, unless the archived
run was made from the same data, the same clean commit, the same notebook and the same
packages (then there is nothing to do), or `--force --reason` is given: the replaced version is
then copied whole into `MEETING/superseded/<UTC time>/` inside the new staging folder, so the
swap that publishes the new briefing keeps it, and a failure loses neither.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from boardbrief import paths
from boardbrief.contract.inputs import sha256_of
from boardbrief.errors import UsageError
from boardbrief.publish.run_record import RUN_RECORD

SUPERSEDED_DIR = "superseded"
STAMP_FORMAT = "%Y-%m-%dT%H-%M-%SZ"  # no colons: a folder name Windows accepts


@dataclass(frozen=True)
class RunState:
    """What decides whether an archived run is the one a render would make now."""

    fingerprint: str
    git_commit: str | None
    git_dirty: bool | None
    notebook_sha256: str
    packages: dict[str, str]


def holds_briefing(folder: Path) -> bool:
    """Whether a meeting's folder already holds a briefing (or its run record)."""
    return (folder / paths.BRIEFING_HTML).is_file() or (folder / RUN_RECORD).is_file()


def run_differences(record: dict[str, Any] | None, now: RunState) -> list[str]:
    """Why the archived run is not the run `now` would make, in words (none: the same run).

    Only a clean checkout counts as the same code: uncommitted changes could be anything.
    """
    if not record:
        return ["it has no readable run record"]
    code = record.get("code") or {}
    differences = []
    if record.get("fingerprint") != now.fingerprint:
        differences.append("the data or its cut-off differ")
    if now.git_commit is None or code.get("git_commit") != now.git_commit:
        differences.append("the code is another git commit")
    elif now.git_dirty is not False or code.get("git_dirty") is not False:
        differences.append("the code has uncommitted changes")
    if (record.get("notebook") or {}).get("sha256") != now.notebook_sha256:
        differences.append("the notebook differs")
    if (record.get("environment") or {}).get("packages") != now.packages:
        differences.append("the installed packages differ")
    return differences


def archived_record(folder: Path) -> dict[str, Any] | None:
    """The archived run record, or None when there is none or it cannot be read."""
    try:
        record = json.loads((folder / RUN_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def refusal(folder: Path, date: str, why: list[str]) -> UsageError:
    """The error for a render that would replace an archived briefing without being asked to."""
    because = "; ".join(why) or "other outputs were asked for"
    return UsageError(
        f"{folder} already holds the briefing for {date}, and this render would not be the "
        f"same ({because}); it was left as it is. To replace it, run again with "
        f'--force --reason "WHY" (the replaced briefing is kept in {folder / SUPERSEDED_DIR})'
    )


def require_reason(force: bool, reason: str | None) -> str | None:
    """The reason for a forced render, or a usage error when --force has none (or no --force)."""
    reason = (reason or "").strip() or None
    if force and reason is None:
        raise UsageError(
            '--force replaces an archived briefing and needs --reason "WHY" '
            "(the reason is kept in the new run record)"
        )
    if reason is not None and not force:
        raise UsageError("--reason goes with --force, which replaces an archived briefing")
    return reason


def keep_superseded(previous: Path, staging: Path, reason: str) -> dict[str, str | None]:
    """Copy the briefing being replaced (and what it had superseded) into the staging folder.

    Returns the run record's `replaces`: the superseded copy's folder relative to the meeting,
    its run record's SHA-256 (None when it had none) and the reason.
    """
    stamp = dt.datetime.now(dt.UTC).strftime(STAMP_FORMAT)
    kept_root = staging / SUPERSEDED_DIR
    if (previous / SUPERSEDED_DIR).is_dir():
        shutil.copytree(previous / SUPERSEDED_DIR, kept_root, dirs_exist_ok=True)
    target = kept_root / stamp
    suffix = 1
    while target.exists():  # two replacements within a second
        suffix += 1
        target = kept_root / f"{stamp}-{suffix}"
    shutil.copytree(
        previous, target, ignore=lambda folder, names: _superseded_names(previous, folder, names)
    )
    run = target / RUN_RECORD
    return {
        "superseded_folder": target.relative_to(staging).as_posix(),
        "run_sha256": sha256_of(run) if run.is_file() else None,
        "reason": reason,
    }


def superseded_versions(folder: Path) -> list[str]:
    """The superseded copies kept in a meeting's folder, oldest first (folder names)."""
    kept = folder / SUPERSEDED_DIR
    if not kept.is_dir():
        return []
    return sorted(p.name for p in kept.iterdir() if (p / paths.BRIEFING_HTML).is_file())


def _superseded_names(previous: Path, folder: str, names: list[str]) -> list[str]:
    """The earlier superseded copies are copied on their own, not nested inside the new one."""
    return [SUPERSEDED_DIR] if Path(folder) == previous and SUPERSEDED_DIR in names else []
