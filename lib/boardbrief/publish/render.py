"""Running a meeting's briefing: check the data, execute the notebook, export HTML, publish.

Execution (papermill) and export (nbconvert) run in this one process through their Python APIs.
Everything is written into a staging folder beside the final one and moved into place only when
every step has succeeded, so a failure never leaves a half-written briefing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
import multiprocessing
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat
from filelock import FileLock, Timeout

from boardbrief import paths
from boardbrief.contract.inputs import sha256_of
from boardbrief.contract.load import load_board_data
from boardbrief.contract.meeting import LATEST, Meeting, meetings_with_data, select_meeting
from boardbrief.publish import figures as figures_module
from boardbrief.publish.archive_index import rendered_meetings, write_index
from boardbrief.publish.pdf import chromium_version, print_pdf, require_chromium
from boardbrief.publish.run_record import build_run_record, write_run_record

log = logging.getLogger(__name__)

KERNEL_NAME = "boardbrief"
CELL_TIMEOUT = 600  # seconds; a cell that hangs is stopped rather than waited on for ever
LOCKS_DIR = ".locks"
INDEX_LOCK_WAIT = 120  # seconds: index.html is rewritten in well under a second


class RenderError(Exception):
    """The briefing could not be produced for a reason that is not the input data."""


class UsageError(Exception):
    """The command was asked for something it must not do, such as writing into the data."""


class NotebookDataError(Exception):
    """The notebook rejected the data (it changed after checking, or a section refused it)."""


@dataclass(frozen=True)
class RenderResult:
    """Where a rendered briefing's files are."""

    meeting_date: dt.date
    folder: Path

    @property
    def html(self) -> Path:
        return self.folder / paths.BRIEFING_HTML


def render_meeting(
    data_dir: Path,
    out_dir: Path,
    meeting_date: str | None = None,
    notebook: Path = paths.BRIEFING_NOTEBOOK,
    kernel_name: str = KERNEL_NAME,
    cell_timeout: int | None = CELL_TIMEOUT,
    pdf: bool = False,
) -> RenderResult:
    """Render one meeting's briefing into `out_dir/MEETING_DATE/`.

    Parameters
    ----------
    data_dir
        The board's data folder; checked in full before anything runs.
    out_dir
        Where briefings go; created if missing, but only once the data has passed its checks.
    meeting_date
        A meeting listed in board.yml as YYYY-MM-DD, or None for the latest with data.
    cell_timeout
        Seconds any one notebook cell may run before it is stopped (None: no limit).
    pdf
        Also print `briefing.pdf` with headless Chromium (checked for before anything runs).

    Raises
    ------
    DataError
        The data breaks the contract (nothing is written).
    RenderError, NotebookDataError
        Execution or export failed (the previous briefing, if any, is untouched).
    PdfError
        `pdf` was asked for and Chromium is missing or could not print.
    """
    log.info("checking the data in %s", data_dir)
    meeting = select_meeting(load_board_data(data_dir), meeting_date or LATEST)
    date = meeting.date.isoformat()
    parameters = {"meeting_date": date, "data_dir": str(Path(data_dir).resolve())}
    check_parameters(notebook, parameters)
    _require_kernel(kernel_name)
    browser = require_chromium() if pdf else None
    check_output_folder(out_dir, Path(data_dir))

    with writing_into(out_dir):
        out_dir.mkdir(parents=True, exist_ok=True)
        with _only_render_of(out_dir, date):
            final = _render_locked(
                meeting, notebook, parameters, kernel_name, cell_timeout, out_dir, date, browser
            )
    try:
        with (
            writing_into(out_dir),
            FileLock(_lock_path(out_dir, "index"), timeout=INDEX_LOCK_WAIT),
        ):
            write_index(out_dir, meeting.config.board)
    except (RenderError, Timeout) as error:  # the briefing itself is in place: say so
        raise RenderError(
            f"the briefing was published at {final}, but index.html was not updated: {error}"
        ) from None
    log.info("wrote %s", final)
    return RenderResult(meeting.date, final)


def _render_locked(
    meeting: Meeting,
    notebook: Path,
    parameters: dict[str, object],
    kernel_name: str,
    cell_timeout: int | None,
    out_dir: Path,
    date: str,
    browser: str | None = None,
) -> Path:
    """Run, export and record into a staging folder, then swap it in for the old briefing."""
    previous = out_dir / date
    if previous.is_dir() and not os.access(previous, os.W_OK | os.X_OK):
        # checked before running: publishing could not remove the old briefing's files
        raise RenderError(f"cannot write to {previous}: permission denied")
    staging = Path(tempfile.mkdtemp(prefix=f".{date}-staging-", dir=out_dir))
    staging.chmod(0o755)
    started = _now()
    try:
        executed = _execute(
            notebook,
            staging / paths.EXECUTED_NOTEBOOK,
            parameters,
            kernel_name,
            cell_timeout,
            out_dir,
            date,
        )
        figures = figures_module.figures_from_notebook(executed)
        (staging / paths.FIGURES_JSON).write_text(
            figures_module.figures_json(figures), encoding="utf-8"
        )
        log.info("exporting HTML")
        title = f"{meeting.config.board}: briefing for {meeting.date.isoformat()}"
        html = export_html(executed, title)
        (staging / paths.BRIEFING_HTML).write_text(html, encoding="utf-8")
        record = build_run_record(
            parameters=parameters,
            notebook=notebook,
            inputs=figures_module.inputs_from_notebook(executed),
            kernel_name=kernel_name,
            started=started,
            finished=_now(),
            folder=staging,
        )
        if browser:
            log.info("printing the PDF with %s", browser)
            print_pdf(staging / paths.BRIEFING_HTML, staging / paths.BRIEFING_PDF, browser)
            record["pdf"] = {
                "sha256": sha256_of(staging / paths.BRIEFING_PDF),
                "printed_by": chromium_version(browser),
            }
        write_run_record(record, staging)
        final = out_dir / date
        _publish(staging, final)
        (out_dir / paths.FAILED_DIR / f"{date}-{paths.EXECUTED_NOTEBOOK}").unlink(missing_ok=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return final


@contextlib.contextmanager
def _only_render_of(out_dir: Path, date: str) -> Iterator[None]:
    """Hold the meeting's lock: a second render of the same meeting fails at once, clearly."""
    lock = FileLock(_lock_path(out_dir, date), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise RenderError(
            f"another render of {date} into {out_dir} is already running; "
            "try again when it has finished"
        ) from None
    try:
        yield
    finally:
        lock.release()


_CANNOT_WRITE = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT}


@contextlib.contextmanager
def writing_into(out_dir: Path) -> Iterator[None]:
    """Report an output folder that cannot be written (permissions, read-only, full) clearly."""
    try:
        yield
    except OSError as error:
        if error.errno not in _CANNOT_WRITE or not _concerns(error, out_dir):
            raise
        folder = Path(error.filename).parent if error.filename else out_dir
        reason = (error.strerror or os.strerror(error.errno)).lower()
        raise RenderError(f"cannot write to {folder}: {reason}") from None


def _concerns(error: OSError, out_dir: Path) -> bool:
    """Whether a failed write was to the output folder, inside it or on the way to it."""
    if error.filename is None:  # a write to an open file: only a full disk says no then
        return error.errno in (errno.ENOSPC, errno.EDQUOT)
    path, out = Path(error.filename).absolute(), out_dir.absolute()
    return path == out or out in path.parents or path in out.parents


def _lock_path(out_dir: Path, name: str) -> Path:
    folder = out_dir / LOCKS_DIR
    folder.mkdir(exist_ok=True)
    return folder / f"{name}.lock"


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
    data = load_board_data(data_dir)
    if options.get("pdf"):
        require_chromium()  # once, before any worker starts
    todo = meetings_to_render(meetings_with_data(data), out_dir, force, bool(options.get("pdf")))
    workers = max(1, min(workers or os.cpu_count() or 1, len(todo) or 1))
    log.info("%d meetings to render, %d at a time", len(todo), workers)
    if workers == 1:
        return [render_meeting(data_dir, out_dir, date, **options) for date in todo]
    results, failures = [], []
    context = multiprocessing.get_context("spawn")  # no forked copies of kernel threads
    level = logging.getLogger("boardbrief").getEffectiveLevel()
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_log_progress, initargs=(level,)
    ) as pool:
        futures = {
            date: pool.submit(render_meeting, data_dir, out_dir, date, **options) for date in todo
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


def check_parameters(notebook: Path, parameters: dict[str, object]) -> None:
    """Refuse parameters the notebook does not declare (papermill itself only warns)."""
    import papermill

    declared = papermill.inspect_notebook(str(notebook))
    unknown = sorted(set(parameters) - set(declared))
    if unknown:
        raise RenderError(
            f"{notebook.name} has no parameter {', '.join(unknown)}; it declares: "
            f"{', '.join(sorted(declared)) or 'none'}"
        )


def check_output_folder(out_dir: Path, data_dir: Path, what: str = "briefings") -> None:
    """Refuse an output folder that is a file, or that lies inside the read-only data folder."""
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"the output folder {out_dir} is a file, not a folder")
    out, data = out_dir.resolve(), data_dir.resolve()
    if out == data or data in out.parents:
        raise UsageError(
            f"{what} cannot be written into the data folder {data_dir}: it is read-only input"
        )


def export_html(notebook: nbformat.NotebookNode, title: str) -> str:
    """The executed notebook as the board's HTML: our template, no code, nothing external."""
    from nbconvert import HTMLExporter

    from boardbrief.publish.outline import OutlinePreprocessor, css_string

    exporter = HTMLExporter(
        template_name=paths.NBCONVERT_TEMPLATE_NAME,
        extra_template_basedirs=[str(paths.NBCONVERT_TEMPLATES)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exporter.register_preprocessor(OutlinePreprocessor(), enabled=True)
    exporter.register_filter("css_string", css_string)
    notebook = nbformat.from_dict(notebook)
    notebook.metadata["title"] = title
    hidden = {figures_module.FIGURES_MIMETYPE, figures_module.INPUTS_MIMETYPE}
    for cell in notebook.cells:  # figures and inputs travel in their own files, not in the page
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if not hidden & set(o.get("data", {}))]
    body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": title}})
    return body


def _execute(
    notebook: Path,
    output: Path,
    parameters: dict[str, object],
    kernel_name: str,
    cell_timeout: int | None,
    out_dir: Path,
    date: str,
) -> nbformat.NotebookNode:
    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    log.info("running %s for %s", notebook.name, date)
    try:
        return papermill.execute_notebook(
            str(notebook),
            str(output),
            parameters=parameters,
            kernel_name=kernel_name,
            cwd=str(notebook.parent),
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
            execution_timeout=cell_timeout,
            kernel_manager_class=local_socket_kernel_manager(),
            # stop the kernel at once, not politely: a kernel asked to shut down while a cell
            # runs (Ctrl-C, a timeout) prints its own traceback; ours has nothing to clean up
            shutdown_kernel="immediate",
        )
    except CellTimeoutError as error:
        preview = str(error).partition("Here is a preview of the cell contents:")[2].strip()
        raise RenderError(
            f"a cell of {notebook.name} ran for more than {cell_timeout} seconds and was stopped"
            + (f"; the cell began:\n{preview}" if preview else "")
        ) from None
    except DeadKernelError:
        kept = _keep_failed(output, out_dir, date)
        where = f"The notebook as far as it ran is at {kept}" if kept else "No notebook was saved."
        raise RenderError(
            f"the kernel running {notebook.name} died (out of memory, or killed)\n{where}"
        ) from None
    except PapermillExecutionError as error:
        kept = _keep_failed(output, out_dir, date)
        if error.ename == "DataError":
            raise NotebookDataError(error.evalue) from None
        raise RenderError(
            f"cell {error.exec_count} of {notebook.name} failed with {error.ename}: {error.evalue}"
            f"\nThe failed notebook, with the failing cell's output, is at {kept}"
        ) from None


def local_socket_kernel_manager() -> type:
    """A kernel manager that talks to the kernel over private Unix sockets, not open TCP ports.

    nbclient creates, watches and shuts down the kernel itself, so a kernel that dies is noticed.
    """
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class LocalSocketKernelManager(AsyncKernelManager):
        @default("transport")
        def _default_transport(self) -> str:
            return "ipc"

        @default("ip")
        def _default_ip(self) -> str:  # the prefix of the socket files, removed at shutdown
            return str(Path(tempfile.gettempdir()) / f"boardbrief-kernel-{uuid.uuid4().hex}")

    return LocalSocketKernelManager


def _keep_failed(output: Path, out_dir: Path, date: str) -> Path | None:
    """Keep a failed run's executed notebook where the analyst can open it."""
    if not output.exists():
        return None
    kept = out_dir / paths.FAILED_DIR / f"{date}-{paths.EXECUTED_NOTEBOOK}"
    kept.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(output, kept)
    return kept


def _publish(staging: Path, final: Path) -> None:
    """Swap the finished staging folder in for the previous briefing of that meeting."""
    retired = None
    if final.exists():
        retired = final.with_name(f".{final.name}-previous")
        shutil.rmtree(retired, ignore_errors=True)
        final.rename(retired)
    try:
        staging.rename(final)
    except OSError:
        if retired is not None:
            retired.rename(final)
        raise
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _require_kernel(kernel_name: str) -> None:
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec(kernel_name)
    except NoSuchKernel:
        raise RenderError(
            f"the Jupyter kernel '{kernel_name}' is not registered. Run `make briefing` (it "
            f"registers it), or: python -m ipykernel install --sys-prefix --name {kernel_name}"
        ) from None
