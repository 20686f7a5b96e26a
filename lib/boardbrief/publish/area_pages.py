"""The area pages: `notebooks/area.ipynb` run by papermill once per priority area.

Starting a kernel and importing pandas, seaborn and the package costs more than running the
area notebook itself, so five kernels would double a render. Instead one kernel serves every
area: papermill runs the notebook for each area in turn with that area's parameters, and between
runs the kernel's namespace is cleared and its execution count reset, so each run starts as a
fresh one would (only imported modules, and the checked data of an unchanged folder, are kept).
That kernel runs on a thread of its own while the briefing's kernel runs, so on two or more
cores the area pages take little more than the briefing alone. Each page is exported with the
briefing's template into the meeting's staging folder, and published with the briefing.
"""

from __future__ import annotations

import concurrent.futures
import logging
import os
import re
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from boardbrief import paths
from boardbrief.contract.fingerprint import meeting_fingerprint
from boardbrief.contract.inputs import sha256_of, short_fingerprint
from boardbrief.contract.meeting import Meeting
from boardbrief.publish.early_kernel import RESET, EarlyKernel, run_quietly
from boardbrief.publish.execute import execute_notebook, local_socket_kernel_manager
from boardbrief.publish.html import export_html
from boardbrief.publish.staging import failed_notebook

log = logging.getLogger(__name__)

# The briefing's links to the area pages, unwrapped when a render makes none.
AREA_LINK = re.compile(r'<a class="area-page" href="[^"]*">(.*?)</a>', re.DOTALL)


def area_outputs(area_ids: list[str]) -> list[str]:
    """The files the area pages add to a meeting's folder, relative to it."""
    return [
        name
        for area in area_ids
        for name in (paths.area_page(area), paths.area_page(area, ".ipynb"))
    ]


def area_title(meeting: Meeting, area_id: str) -> str:
    """An area page's title: board, area, meeting."""
    name = meeting.config.priority_areas[area_id]
    return f"{meeting.config.board}: {name}, meeting of {meeting.date.isoformat()}"


class AreaRun:
    """The area pages of one meeting, rendered on their own thread in one shared kernel."""

    def __init__(
        self,
        meeting: Meeting,
        parameters: dict[str, object],
        staging: Path,
        kernel_name: str,
        cell_timeout: int | None,
        out_dir: Path,
        kernel: EarlyKernel | None = None,
    ) -> None:
        self.meeting = meeting
        self.kernel = kernel
        self.parameters = parameters
        # absolute: the briefing's papermill run changes the process's folder while it runs
        self.staging = staging.resolve()
        self.kernel_name = kernel_name
        self.cell_timeout = cell_timeout
        self.out_dir = out_dir.resolve()
        self.stopping = threading.Event()
        self.manager: object | None = None
        # printed in each page's footer, as in the briefing's: the same data, the same run
        self.fingerprint = short_fingerprint(meeting_fingerprint(meeting))

    def run(self) -> list[str]:
        """Run, export and write every area's page; returns the files written (relative)."""
        from jupyter_core.utils import run_sync

        notebook = paths.AREA_NOTEBOOK
        date = self.meeting.date.isoformat()
        (self.staging / paths.AREAS_DIR).mkdir()
        if self.kernel is not None:  # started (and stopped) by the caller
            manager = self.kernel.manager()
        else:
            manager = local_socket_kernel_manager()(kernel_name=self.kernel_name)
            run_sync(manager.start_kernel)(
                cwd=str(notebook.parent), extra_arguments=["--HistoryManager.hist_file=:memory:"]
            )
        self.manager = manager
        written = []
        try:
            for position, area in enumerate(self.meeting.config.priority_areas):
                if self.stopping.is_set():
                    break
                if position:
                    run_quietly(manager, RESET)  # each area starts as a fresh run
                output = self.staging / paths.area_page(area, ".ipynb")
                failed_name = f"area-{area}.ipynb"
                try:
                    executed = execute_notebook(
                        notebook,
                        output,
                        {**self.parameters, "area": area},
                        self.kernel_name,
                        self.cell_timeout,
                        self.out_dir,
                        date,
                        kernel_manager=manager,
                        failed_name=failed_name,
                    )
                except BaseException:
                    if self.stopping.is_set():  # stopped, not failed: nothing to keep
                        failed_notebook(self.out_dir, date, failed_name).unlink(missing_ok=True)
                    raise
                failed_notebook(self.out_dir, date, failed_name).unlink(missing_ok=True)
                html = export_html(executed, area_title(self.meeting, area), self.fingerprint)
                (self.staging / paths.area_page(area)).write_text(
                    html, encoding="utf-8", newline="\n"
                )
                written += [paths.area_page(area), paths.area_page(area, ".ipynb")]
        finally:
            if self.kernel is None:
                run_sync(manager.shutdown_kernel)(now=True)
                run_sync(manager.cleanup_resources)()
        log.info("wrote %d area pages", len(written) // 2)
        return written


@contextmanager
def area_pages_alongside(
    meeting: Meeting,
    parameters: dict[str, object],
    staging: Path,
    kernel_name: str,
    cell_timeout: int | None,
    out_dir: Path,
    kernel: EarlyKernel | None = None,
) -> Iterator[Future[list[str]]]:
    """Render the area pages on a thread of their own while the body of the `with` runs.

    The body waits for the returned future when it needs the pages. If the body fails, no new
    area is started, the thread is waited for, and its own outcome is dropped: the body's error
    is the one reported.

    papermill keeps the folder a run is in (its local file handler's and the process's working
    folder) as process-wide state, so two runs at once may leave the other's behind: paths given
    here must be absolute, and the process's working folder is put back when both are done.
    """
    working_folder = Path.cwd()
    run = AreaRun(meeting, parameters, staging, kernel_name, cell_timeout, out_dir, kernel)
    log.info(
        "running %s for %d areas alongside",
        paths.AREA_NOTEBOOK.name,
        len(meeting.config.priority_areas),
    )
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="area-pages") as pool:
        future = pool.submit(run.run)
        try:
            yield future
        except BaseException:
            run.stopping.set()
            future.cancel()
            concurrent.futures.wait([future])
            date = meeting.date.isoformat()
            for area in meeting.config.priority_areas:  # an area stopped midway is not kept
                failed_notebook(run.out_dir, date, f"area-{area}.ipynb").unlink(missing_ok=True)
            raise
        finally:
            concurrent.futures.wait([future])
            os.chdir(working_folder)


def area_fingerprints(folder: Path, names: list[str]) -> dict[str, str]:
    """The SHA-256 of each of the area pages' files, for the run record."""
    return {name: sha256_of(folder / name) for name in names}


def print_area_pdfs(folder: Path, written: list[str], browser: str) -> dict[str, object]:
    """Print each area page to its own PDF beside it (an annex to the board pack), a few at a
    time; returns the run record's `areas` entry (fingerprints), or nothing without pages."""
    from boardbrief.publish.pdf import print_pdf

    pages = [name for name in written if name.endswith(".html")]
    if not pages:
        return {}
    printed = [name.removesuffix(".html") + ".pdf" for name in pages]
    with ThreadPoolExecutor(max_workers=max(1, min(len(pages), os.cpu_count() or 1))) as pool:
        jobs = [
            pool.submit(print_pdf, folder / page, folder / pdf, browser)
            for page, pdf in zip(pages, printed, strict=True)
        ]
        for job in jobs:
            job.result()
    return {"areas": area_fingerprints(folder, printed)}


def without_area_links(html: str) -> str:
    """The briefing with its links to area pages unwrapped, for a render that makes none."""
    return AREA_LINK.sub(r"\1", html)
