"""Proving a past briefing: the same inputs, re-rendered now, give the same bytes.

The archived briefing is never touched: the re-render goes to a temporary folder.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import logging
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from boardbrief import paths
from boardbrief.contract.inputs import sha256_of
from boardbrief.errors import NothingToVerify
from boardbrief.publish.freeze import INPUTS_DIR
from boardbrief.publish.integrity import (
    IntegrityReport,
    check_archive,
    code_differences,
    load_record,
)
from boardbrief.publish.run_record import RUN_RECORD, environment, git_state, read_run_record

log = logging.getLogger(__name__)

REPRODUCED = "reproduced"
NOT_REPRODUCED = "not reproduced"
INPUTS_CHANGED = "inputs changed"
TAMPERED = "changed after it was rendered"
AGREES = "today's data agrees with the frozen data"
CORRECTED = "data corrected since"
# Not the executed notebook: it keeps timings.
COMPARED = (paths.BRIEFING_HTML, paths.FIGURES_JSON, paths.FAMILIES_HTML)
SINCE_LATER_VERSIONS = (paths.FAMILIES_HTML,)  # not in run records made before it existed
VERIFY_DIR = ".verify"  # in the output folder: re-renders that differed, kept to compare


@dataclass
class Verification:
    """The outcome of `verify_meeting`, with one plain line per finding."""

    outcome: str
    findings: list[str] = field(default_factory=list)


def verify_meeting(
    out_dir: Path,
    meeting_date: str,
    data_dir: Path | None = None,
    allowed_signers: Path | None = None,
) -> Verification:
    """Check a rendered meeting's records and inputs, re-render it elsewhere and compare.

    The archive's own records are checked first (`integrity`). The re-render reads the
    meeting's frozen inputs (`MEETING/inputs/`), so data added or changed since never breaks
    it; an archive made before they were kept needs `data_dir`. A re-render that differs is
    kept (`OUT/.verify/MEETING-<UTC time>/`) for comparison.
    """
    folder = out_dir / meeting_date
    record = load_record(folder)
    integrity = check_archive(out_dir, meeting_date, record, allowed_signers)
    source, says = data_source(folder, record, data_dir)
    frozen = source == folder / INPUTS_DIR
    changed = changed_inputs(record["inputs"], source)
    if changed and not frozen:
        return _with_integrity(Verification(INPUTS_CHANGED, [says, *changed]), integrity)
    findings = frozen_inputs_changed(record["inputs"], source, changed) if frozen else []
    # The one heavy step (pandas, nbconvert): imported only once nothing refuses, so a refusal
    # or a changed input is said in a moment.
    from boardbrief.publish.render import render_meeting

    with tempfile.TemporaryDirectory(prefix="boardbrief-verify-") as scratch:
        log.info("re-rendering %s into a temporary folder", meeting_date)
        again = render_meeting(
            source,
            Path(scratch) / "briefings",
            meeting_date,
            area_pages=bool(area_pages_in(record)),
            as_at=str(record.get("as_at") or meeting_date),  # before the cut-off: the meeting
        ).folder
        new_record = read_run_record(again)
        added = sorted(
            {i["path"] for i in new_record["inputs"]} - {i["path"] for i in record["inputs"]}
        )
        if added and not frozen:
            lines = [f"{path}: a new input file, not in the run record" for path in added]
            return _with_integrity(Verification(INPUTS_CHANGED, [says, *lines]), integrity)
        compared = compared_outputs(record)
        different = [
            name
            for name in compared
            if not (folder / name).is_file() or sha256_of(folder / name) != sha256_of(again / name)
        ]
        if not different and not findings:
            same = Verification(REPRODUCED, [says, *(f"{name}: identical" for name in compared)])
            notes = (
                what_differs(record)
                if integrity.findings
                else code_differences(record.get("code"), git_state())
            )
            return _with_integrity(same, integrity, notes)
        findings += [first_difference(name, folder, again) for name in different]
        findings += figure_differences(folder / paths.FIGURES_JSON, again / paths.FIGURES_JSON)
        findings += what_differs(record)
        findings.append(f"the re-render is kept in {keep_re_render(again, out_dir, meeting_date)}")
    return _with_integrity(Verification(NOT_REPRODUCED, [says, *findings]), integrity)


def what_differs(record: dict[str, Any]) -> list[str]:
    """Which of code, environment and data differ from the record (data: checked before)."""
    return [
        *code_differences(record.get("code"), git_state()),
        *environment_differences(record["environment"], environment()),
        "data: every recorded input file is the same as when the briefing was rendered",
    ]


def _with_integrity(
    verification: Verification, integrity: IntegrityReport, notes: list[str] | None = None
) -> Verification:
    """The outcome with the archive's own checks: any finding there means it was changed."""
    notes = [*integrity.notes, *(notes or [])]
    if not integrity.findings:
        return Verification(verification.outcome, [*verification.findings, *notes])
    found = [*integrity.findings, *verification.findings]
    return Verification(TAMPERED, [*found, *notes])


def corrections_since(out_dir: Path, meeting_date: str, data_dir: Path) -> Verification:
    """Today's data in `data_dir` against the meeting's frozen inputs, row by row, as at the
    same meeting and cut-off: the auditor's log of corrections made since (`contract.corrections`).

    Raises
    ------
    NothingToVerify
        No run record, or an archive without frozen inputs (nothing to compare with).
    DataError
        Today's data breaks the contract.
    """
    from boardbrief.contract.corrections import corrections
    from boardbrief.contract.load import load_board_data
    from boardbrief.contract.meeting import select_meeting

    folder = out_dir / meeting_date
    if not (folder / RUN_RECORD).is_file():
        raise NothingToVerify(f"no briefing with a run record at {folder}")
    frozen = folder / INPUTS_DIR
    if not frozen.is_dir():
        raise NothingToVerify(
            f"{folder} has no frozen inputs (it was rendered before they were kept): "
            "there is nothing to compare today's data with"
        )
    as_at = str(read_run_record(folder).get("as_at") or meeting_date)
    meeting = select_meeting(load_board_data(frozen), meeting_date, as_at)
    now = select_meeting(load_board_data(data_dir), meeting_date, as_at).data
    says = f"{data_dir} compared with the frozen inputs in {frozen}, as at {as_at}"
    lines = corrections(meeting.data, now, meeting.date)
    return Verification(CORRECTED if lines else AGREES, [says, *lines])


def data_source(folder: Path, record: dict[str, Any], data_dir: Path | None) -> tuple[Path, str]:
    """The folder to re-render from, and a line saying which: the frozen inputs when the
    archive has them, else the data folder given (never, silently, the one recorded).

    Raises
    ------
    NothingToVerify
        The archive has no frozen inputs and no data folder was given.
    """
    frozen = folder / INPUTS_DIR
    if frozen.is_dir():
        return frozen, f"re-rendered from the frozen inputs in {frozen}"
    if data_dir is None:
        recorded = record.get("parameters", {}).get("data_dir", "unknown")
        raise NothingToVerify(
            f"{folder} has no frozen inputs (it was rendered before they were kept): give the "
            f"data folder to re-render it from with --data DIR (it was rendered from {recorded})"
        )
    return (
        data_dir,
        f"re-rendered from the data folder {data_dir} (the archive has no frozen inputs)",
    )


def frozen_inputs_changed(
    inputs: list[dict[str, Any]], frozen: Path, changed: list[str]
) -> list[str]:
    """The frozen inputs changed, added or removed since the render: the archive was altered."""
    recorded = {str(item["path"]) for item in inputs}
    extra = sorted(
        p.relative_to(frozen).as_posix()
        for p in frozen.rglob("*")
        if p.is_file() and p.relative_to(frozen).as_posix() not in recorded
    )
    return [
        *(f"{INPUTS_DIR}/{line}" for line in changed),
        *(f"{INPUTS_DIR}/{name}: in the frozen inputs but not in the run record" for name in extra),
    ]


def keep_re_render(again: Path, out_dir: Path, meeting_date: str) -> Path:
    """Move a re-render that differs to `OUT/.verify/MEETING-<UTC time>/`, to be compared."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = out_dir / VERIFY_DIR / f"{meeting_date}-{stamp}"
    kept.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(again), str(kept))
    return kept


def first_difference(name: str, archived_folder: Path, fresh_folder: Path) -> str:
    """Where a re-rendered file first differs from the archived one: line, column and a short
    excerpt of each."""
    archived = archived_folder / name
    if not archived.is_file():
        return f"{name}: missing from the archive"
    old = archived.read_text(encoding="utf-8", errors="replace").splitlines()
    new = (fresh_folder / name).read_text(encoding="utf-8", errors="replace").splitlines()
    for number, (was, now) in enumerate(itertools.zip_longest(old, new), start=1):
        if was != now:
            column = _first_different_column(was or "", now or "")
            archived_text, fresh_text = _excerpt(was, column), _excerpt(now, column)
            return (
                f"{name}: differs from the archived copy, first at line {number}, column "
                f"{column + 1}: archived {archived_text}, re-rendered {fresh_text}"
            )
    return f"{name}: differs from the archived copy (in its line endings)"


def _first_different_column(was: str, now: str) -> int:
    for column, (a, b) in enumerate(zip(was, now, strict=False)):
        if a != b:
            return column
    return min(len(was), len(now))


def _excerpt(line: str | None, column: int, before: int = 20, after: int = 40) -> str:
    """A short piece of a line around `column`, quoted; the end of the file said in words."""
    if line is None:
        return "(end of file)"
    start = max(0, column - before)
    piece = line[start : column + after]
    return ("..." if start else "") + repr(piece) + ("..." if column + after < len(line) else "")


def changed_inputs(inputs: list[dict[str, Any]], data_dir: Path) -> list[str]:
    """Recorded inputs that are now missing or have different bytes."""
    findings = []
    for item in inputs:
        path = data_dir / str(item["path"])
        if not path.is_file():
            findings.append(f"{item['path']}: missing (it was read for the archived briefing)")
        elif sha256_of(path) != item["sha256"]:
            findings.append(f"{item['path']}: changed since the archived briefing was rendered")
    return findings


def area_pages_in(record: dict[str, Any]) -> list[str]:
    """The area pages a run record lists (none in records made before they existed)."""
    prefix = f"{paths.AREAS_DIR}/"
    return sorted(n for n in record["outputs"] if n.startswith(prefix) and n.endswith(".html"))


def compared_outputs(record: dict[str, Any]) -> list[str]:
    """The outputs that must reproduce byte for byte: the pages and figures, area pages too."""
    return [*COMPARED, *area_pages_in(record)]


def tampered_outputs(record: dict[str, Any], folder: Path) -> list[str]:
    """Archived outputs whose bytes no longer match the run record (the PDFs too, if printed)."""
    expected = {
        name: record["outputs"].get(name)
        for name in compared_outputs(record)
        if name in record["outputs"] or name not in SINCE_LATER_VERSIONS
    }
    if record.get("pdf"):
        expected[paths.BRIEFING_PDF] = record["pdf"].get("sha256")
        expected.update(record["pdf"].get("areas", {}))
    return [
        f"{name}: the archived copy was changed after it was rendered"
        for name, sha256 in expected.items()
        if not (folder / name).is_file() or sha256_of(folder / name) != sha256
    ]


def figure_differences(archived: Path, fresh: Path) -> list[str]:
    """Each headline figure that differs: its key, the archived value and the new one."""
    old = json.loads(archived.read_text(encoding="utf-8"))
    new = json.loads(fresh.read_text(encoding="utf-8"))
    return [
        f"figure {key}: archived {old.get(key, 'absent')!r}, now {new.get(key, 'absent')!r}"
        for key in sorted(set(old) | set(new))
        if old.get(key) != new.get(key)
    ]


def environment_differences(recorded: dict[str, Any], current: dict[str, Any]) -> list[str]:
    """How this environment differs from the one the briefing was rendered in."""
    findings = []
    if recorded.get("platform") != current.get("platform"):  # e.g. rendered on win32, now linux
        findings.append(
            f"platform: recorded {recorded.get('platform')}, now {current.get('platform')}"
        )
    if recorded.get("python") != current.get("python"):
        findings.append(f"Python: recorded {recorded.get('python')}, now {current.get('python')}")
    old, new = recorded.get("packages", {}), current.get("packages", {})
    for name in sorted(set(old) | set(new)):
        if old.get(name) != new.get(name):
            was, now = old.get(name, "not installed"), new.get(name, "not installed")
            findings.append(f"package {name}: recorded {was}, now {now}")
    if not findings:
        findings.append("the environment is the same as the one recorded")
    return findings
