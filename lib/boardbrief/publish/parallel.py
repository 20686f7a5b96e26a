"""`render --all`: every meeting with data not yet rendered, a worker process per core.

Each worker has its own kernel, and every meeting is published on its own, so one failure
loses no other meeting.
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from boardbrief import paths
from boardbrief.contract.load import load_board_data
from boardbrief.contract.meeting import meetings_with_data
from boardbrief.errors import RenderError
from boardbrief.publish import render
from boardbrief.publish.archive_index import rendered_meetings
from boardbrief.publish.pdf import require_chromium
from boardbrief.publish.render import RenderResult
from boardbrief.publish.supersede import require_reason

log = logging.getLogger(__name__)


def render_all(
    data_dir: Path,
    out_dir: Path,
    force: bool = False,
    workers: int | None = None,
    **options: object,
) -> list[RenderResult]:
    """Render every meeting that has data and no briefing yet (every one, with `force`).

    Meetings render in parallel, one worker process per core (or `workers`), each with its own
    kernel; every meeting is published on its own, so one failure loses no other meeting.

    Raises
    ------
    RenderError
        After every meeting has been tried, naming each one that failed and why.
    """
    require_reason(force, options.get("reason"))  # once, before any meeting is rendered
    if options.get("pdf"):
        require_chromium()  # once, before the data is read or any worker starts
    data = load_board_data(data_dir)
    todo = meetings_to_render(meetings_with_data(data), out_dir, force, bool(options.get("pdf")))
    workers = max(1, min(workers or os.cpu_count() or 1, len(todo) or 1))
    log.info("%d meetings to render, %d at a time", len(todo), workers)
    options["force"] = force  # a meeting already rendered is replaced only with a reason
    if workers == 1:
        return [render.render_meeting(data_dir, out_dir, date, **options) for date in todo]
    results, failures = [], []
    context = multiprocessing.get_context("spawn")  # no forked copies of kernel threads
    level = logging.getLogger("boardbrief").getEffectiveLevel()
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_log_progress, initargs=(level,)
    ) as pool:
        futures = {
            date: pool.submit(render.render_meeting, data_dir, out_dir, date, **options)
            for date in todo
        }
        for date, future in futures.items():
            try:
                results.append(future.result())
            except Exception as error:  # reported together once every meeting has been tried
                failures.append(f"{date}: {error}")
    if failures:
        raise RenderError("some meetings could not be rendered:\n" + "\n".join(failures))
    return results


def meetings_to_render(
    meetings: list[dt.date], out_dir: Path, force: bool = False, pdf: bool = False
) -> list[str]:
    """The meetings `render --all` renders: those not rendered yet (with `pdf`, not printed)."""
    done = set() if force else set(rendered_meetings(out_dir))
    if pdf:  # a briefing rendered without its PDF is not done yet
        done = {d for d in done if (out_dir / d.isoformat() / paths.BRIEFING_PDF).is_file()}
    return [m.isoformat() for m in meetings if m not in done]


def _log_progress(level: int) -> None:
    """In a worker process: progress lines on stderr, as the command shows them."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("boardbrief: %(message)s"))
    logger = logging.getLogger("boardbrief")
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False
