"""Rendering one meeting's briefing: check the data, execute the notebook, export HTML, publish.

Execution (papermill, `execute`) and export (nbconvert, `html`) run in this one process through
their Python APIs. Everything is written into a staging folder beside the final one and moved
into place only when every step has succeeded (`staging`), so a failure never leaves a
half-written briefing; `locks` keeps a second render of the same meeting out. `parallel`
renders every meeting at once.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, nullcontext
from dataclasses import dataclass
from pathlib import Path

from filelock import Timeout

from boardbrief import paths
from boardbrief.contract.checked import CHECKED_DATA, write_checked
from boardbrief.contract.fingerprint import meeting_fingerprint
from boardbrief.contract.inputs import run_fingerprint, sha256_of, short_fingerprint
from boardbrief.contract.load import load_board_data
from boardbrief.contract.meeting import LATEST, Meeting, select_meeting
from boardbrief.errors import RenderError
from boardbrief.publish import figures as figures_module
from boardbrief.publish.archive_index import write_index
from boardbrief.publish.area_pages import (
    area_fingerprints,
    area_pages_alongside,
    print_area_pdfs,
    without_area_links,
)
from boardbrief.publish.commentary_check import warn_about_commentary
from boardbrief.publish.early_kernel import EarlyKernel, early_kernels
from boardbrief.publish.execute import (
    CELL_TIMEOUT,
    KERNEL_NAME,
    check_parameters,
    execute_notebook,
)
from boardbrief.publish.families import family_page_from_notebook
from boardbrief.publish.folders import can_write_in, check_output_folder, writing_into
from boardbrief.publish.freeze import INPUTS_DIR, freeze_inputs, require_same_inputs
from boardbrief.publish.html import export_html, prepare_export
from boardbrief.publish.ledger import LEDGER, append_to_ledger, ledger_entry, previous_record
from boardbrief.publish.locks import index_lock, only_render_of
from boardbrief.publish.pdf import chromium_version, print_pdf, require_chromium
from boardbrief.publish.rendered_by import who_and_when
from boardbrief.publish.run_record import (
    RUN_RECORD,
    build_run_record,
    environment,
    git_state,
    installed_packages,
    read_run_record,
    write_run_record,
)
from boardbrief.publish.signing import sign_file, signature_entry
from boardbrief.publish.staging import failed_notebook, new_staging, publish_folder
from boardbrief.publish.supersede import (
    RunState,
    archived_record,
    holds_briefing,
    keep_superseded,
    refusal,
    require_reason,
    run_differences,
)

log = logging.getLogger(__name__)


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
    area_pages: bool = True,
    force: bool = False,
    reason: str | None = None,
    sign: Path | None = None,
    circulated: dt.date | None = None,
    as_at: str | None = None,
    kernels: tuple[EarlyKernel, EarlyKernel | None] | None = None,
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
    area_pages
        Also write `areas/<area_id>.html` for every priority area (`notebooks/area.ipynb`).
    circulated
        The day the pack went to the board, recorded in run.json only.
    force, reason
        Replace an archived briefing of the meeting, keeping it under `superseded/` and the
        reason in the new run record; without `force` an archived briefing is never replaced.
    sign
        An SSH private key to sign `run.json` with (`run.json.sig` beside it).
    as_at
        The cut-off, YYYY-MM-DD: nothing dated after it is counted (None: the meeting date, or
        board.yml's `papers_due_days` before it; see `contract.as_at`).
    kernels
        The briefing's kernel and the area pages' (None without area pages), already started by
        `early_kernels` for this notebook (the command starts them before it imports this
        module); None: started here.

    Raises
    ------
    DataError
        The data breaks the contract (nothing is written).
    RenderError, NotebookDataError
        Execution or export failed (the previous briefing, if any, is untouched).
    UsageError
        The meeting is already rendered from other data or code and `force` was not given, or
        `force` came without a reason, or the signing key cannot be used.
    PdfError
        `pdf` was asked for and Chromium is missing or could not print.
    """
    reason = require_reason(force, reason)
    if pdf:
        require_chromium()  # before any kernel starts: a missing browser fails in a moment
    signature = signature_entry(sign) if sign else None  # the key checked before rendering
    with ExitStack() as stack:
        # started now unless given, so that starting them and their imports overlap the check
        # of the data
        started = kernels or stack.enter_context(
            early_kernels(kernel_name, notebook.parent, area_pages)
        )
        return _render_checked(
            data_dir,
            out_dir,
            meeting_date,
            notebook,
            kernel_name,
            cell_timeout,
            pdf,
            started,
            Evidence(reason, sign, signature),
            circulated,
            as_at,
        )


def _render_checked(
    data_dir: Path,
    out_dir: Path,
    meeting_date: str | None,
    notebook: Path,
    kernel_name: str,
    cell_timeout: int | None,
    pdf: bool,
    kernels: tuple[EarlyKernel, EarlyKernel | None],
    evidence: Evidence,
    circulated: dt.date | None = None,
    as_at: str | None = None,
) -> RenderResult:
    """Check the data and the output folder, then render and publish with the kernels given."""
    log.info("checking the data in %s", data_dir)
    # absolute: the kernels read the checked data, and their working folder is the notebooks'
    meeting = select_meeting(
        load_board_data(Path(data_dir).resolve()), meeting_date or LATEST, as_at
    )
    date = meeting.date.isoformat()
    parameters = {
        "meeting_date": date,
        "data_dir": str(Path(data_dir).resolve()),
        "as_at": meeting.as_at.isoformat(),
    }
    check_parameters(notebook, with_checked_data(parameters, Path(), ""))
    area_pages = kernels[1] is not None
    if area_pages:
        check_parameters(paths.AREA_NOTEBOOK, {**parameters, "area": ""})
    browser = require_chromium() if pdf else None
    check_output_folder(out_dir, Path(data_dir))
    # Absolute from here: papermill changes the process's working folder while a notebook runs,
    # and the area pages run on a thread beside the briefing, so a relative path would be read
    # against whichever folder the other run left current.
    out_dir = Path(out_dir).resolve()

    with writing_into(out_dir):
        out_dir.mkdir(parents=True, exist_ok=True)
        with only_render_of(out_dir, date):
            if _already_rendered(
                out_dir / date, meeting, notebook, pdf, area_pages, evidence.reason
            ):
                log.info("already rendered from the same data and code: nothing to do")
                return RenderResult(meeting.date, out_dir / date)
            final = _render_locked(
                meeting,
                notebook,
                parameters,
                kernel_name,
                cell_timeout,
                out_dir,
                date,
                browser,
                kernels,
                evidence,
                circulated,
            )
    step = LEDGER
    try:
        with writing_into(out_dir), index_lock(out_dir):
            append_to_ledger(out_dir, ledger_entry(date, final, read_run_record(final)))
            step = "index.html"
            write_index(out_dir, meeting.config.board, meeting.config.priority_areas)
    except (RenderError, Timeout) as error:  # the briefing itself is in place: say so
        raise RenderError(
            f"the briefing was published at {final}, but {step} was not updated: {error}"
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
    browser: str | None,
    kernels: tuple[EarlyKernel, EarlyKernel | None],
    evidence: Evidence | None = None,
    circulated: dt.date | None = None,
) -> Path:
    """Run, export and record into a staging folder, then swap it in for the old briefing."""
    briefing_kernel, area_kernel = kernels
    area_pages = area_kernel is not None
    previous = out_dir / date
    if previous.is_dir() and not can_write_in(previous):
        # checked before running: publishing could not remove the old briefing's files
        raise RenderError(f"cannot write to {previous}: permission denied")
    staging = new_staging(out_dir, date)
    started = _now()
    # Work that waits for the notebook, done while the kernel runs it (an error here is left
    # for the export or the record to raise, as themselves).
    preparing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="prepare-publishing")
    preparing.submit(prepare_export)
    preparing.submit(installed_packages)
    try:
        frozen = freeze_inputs(meeting.data, staging / INPUTS_DIR)
        checked = staging / CHECKED_DATA  # handed to the kernels, never published
        kernel_parameters = with_checked_data(
            parameters, checked, write_checked(meeting.data, checked)
        )
        alongside = (
            area_pages_alongside(
                meeting,
                kernel_parameters,
                staging,
                kernel_name,
                cell_timeout,
                out_dir,
                area_kernel,
            )
            if area_kernel is not None
            else nullcontext(None)
        )
        with alongside as areas:
            executed = execute_notebook(
                notebook,
                staging / paths.EXECUTED_NOTEBOOK,
                kernel_parameters,
                kernel_name,
                cell_timeout,
                out_dir,
                date,
                kernel_manager=briefing_kernel.manager(),
            )
            area_files = areas.result() if areas is not None else []
        checked.unlink()
        require_same_inputs(frozen, figures_module.inputs_from_notebook(executed))
        figures = figures_module.figures_from_notebook(executed)
        warn_about_commentary(meeting, figures)
        (staging / paths.FIGURES_JSON).write_text(
            figures_module.figures_json(figures), encoding="utf-8", newline="\n"
        )
        log.info("exporting HTML")
        title = f"{meeting.config.board}: briefing for {meeting.date.isoformat()}"
        fingerprint = run_fingerprint(date, meeting.as_at.isoformat(), frozen)
        html = export_html(executed, title, short_fingerprint(fingerprint))
        html = html if area_pages else without_area_links(html)
        (staging / paths.BRIEFING_HTML).write_text(html, encoding="utf-8", newline="\n")
        (staging / paths.FAMILIES_HTML).write_text(
            family_page_from_notebook(executed), encoding="utf-8", newline="\n"
        )
        record = build_run_record(
            parameters=parameters,
            notebook=notebook,
            inputs=frozen,
            kernel_name=kernel_name,
            started=started,
            finished=_now(),
            folder=staging,
        )
        record.update(as_at=meeting.as_at.isoformat(), inputs_folder=INPUTS_DIR)
        record["outputs"].update(area_fingerprints(staging, area_files))
        record.update(who_and_when(circulated))
        if browser:
            log.info("printing the PDF with %s", browser)
            print_pdf(staging / paths.BRIEFING_HTML, staging / paths.BRIEFING_PDF, browser)
            record["pdf"] = {
                "sha256": sha256_of(staging / paths.BRIEFING_PDF),
                "printed_by": chromium_version(browser),
                **print_area_pdfs(staging, area_files, browser),
            }
        _record_evidence(record, fingerprint, out_dir, date, staging, evidence or Evidence())
        write_run_record(record, staging)
        if evidence and evidence.sign:
            sign_file(staging / RUN_RECORD, evidence.sign)
        final = out_dir / date
        publish_folder(staging, final)
        failed_notebook(out_dir, date).unlink(missing_ok=True)
    finally:
        preparing.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(staging, ignore_errors=True)
    return final


@dataclass(frozen=True)
class Evidence:
    """What a render adds to its record beyond the run: what it replaces and why, its signer."""

    reason: str | None = None  # given with --force: the briefing it replaces is kept
    sign: Path | None = None
    signature: dict[str, str] | None = None


def _already_rendered(
    folder: Path, meeting: Meeting, notebook: Path, pdf: bool, area_pages: bool, reason: str | None
) -> bool:
    """True when the archived run is what this render would make; refused when it is not.

    Raises
    ------
    UsageError
        The folder holds a briefing from other data, code or outputs and no reason was given.
    """
    if not holds_briefing(folder):
        return False
    record = archived_record(folder)
    now = RunState(
        fingerprint=meeting_fingerprint(meeting),
        **git_state(),
        notebook_sha256=sha256_of(notebook),
        packages=environment()["packages"],
    )
    recorded = (record or {}).get("outputs", {})
    has_areas = any(name.startswith(f"{paths.AREAS_DIR}/") for name in recorded)
    same_outputs = (not pdf or (folder / paths.BRIEFING_PDF).is_file()) and area_pages == has_areas
    why = run_differences(record, now)
    if not why and same_outputs and reason is None:
        return True
    if reason is None:
        raise refusal(folder, meeting.date.isoformat(), why)
    return False


def _record_evidence(
    record: dict[str, object],
    fingerprint: str,
    out_dir: Path,
    date: str,
    staging: Path,
    evidence: Evidence,
) -> None:
    """The run record's tamper evidence: fingerprint, chain, what it replaces, its signer."""
    previous = out_dir / date
    record["fingerprint"] = fingerprint
    record["previous_record"] = previous_record(out_dir, date)
    record["replaces"] = (
        keep_superseded(previous, staging, evidence.reason)
        if evidence.reason and holds_briefing(previous)
        else None
    )
    record["signature"] = evidence.signature


def with_checked_data(
    parameters: dict[str, object], checked: Path, sha256: str
) -> dict[str, object]:
    """The notebooks' parameters with the checked data handed over (`contract.checked`)."""
    return {**parameters, "checked_data": str(checked) if sha256 else "", "checked_sha256": sha256}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
