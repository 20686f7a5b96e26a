"""Staging and publishing: a briefing is written beside its final folder and swapped in whole.

A failure never leaves a half-written briefing; a failed run's executed notebook is kept in
`_failed/` for the analyst to open.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from boardbrief import paths
from boardbrief.errors import RenderError
from boardbrief.publish.folders import replace_retrying


def new_staging(out_dir: Path, date: str) -> Path:
    """An empty, private-named staging folder for one meeting, inside the output folder."""
    staging = Path(tempfile.mkdtemp(prefix=f".{date}-staging-", dir=out_dir))
    staging.chmod(0o755)
    return staging


def publish_folder(staging: Path, final: Path) -> None:
    """Swap the finished staging folder in for the previous briefing of that meeting."""
    retired = None
    if final.exists():
        retired = final.with_name(f".{final.name}-previous")
        shutil.rmtree(retired, ignore_errors=True)
        replace_retrying(final, retired, held=final)
    try:
        replace_retrying(staging, final)
    except (OSError, RenderError):
        if retired is not None:
            replace_retrying(retired, final)
        raise
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)


def failed_notebook(out_dir: Path, date: str, name: str = paths.EXECUTED_NOTEBOOK) -> Path:
    """Where a failed run's executed notebook is kept."""
    return out_dir / paths.FAILED_DIR / f"{date}-{name}"


def keep_failed(
    output: Path, out_dir: Path, date: str, name: str = paths.EXECUTED_NOTEBOOK
) -> Path | None:
    """Keep a failed run's executed notebook where the analyst can open it."""
    if not output.exists():
        return None
    kept = failed_notebook(out_dir, date, name)
    kept.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(output, kept)
    return kept
