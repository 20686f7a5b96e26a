"""Proving a past briefing: the same inputs, re-rendered now, give the same bytes.

The archived briefing is never touched: the re-render goes to a temporary folder.
"""

from __future__ import annotations

import json
import logging
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from boardbrief import paths
from boardbrief.contract.inputs import sha256_of
from boardbrief.publish.integrity import (
    IntegrityReport,
    check_archive,
    code_differences,
    load_record,
)
from boardbrief.publish.run_record import environment, git_state, read_run_record

log = logging.getLogger(__name__)

REPRODUCED = "reproduced"
NOT_REPRODUCED = "not reproduced"
INPUTS_CHANGED = "inputs changed"
TAMPERED = "changed after it was rendered"
# Not the executed notebook: it keeps timings.
COMPARED = (paths.BRIEFING_HTML, paths.FIGURES_JSON, paths.FAMILIES_HTML)
SINCE_LATER_VERSIONS = (paths.FAMILIES_HTML,)  # not in run records made before it existed


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
    """Check a rendered meeting's records and inputs, re-render it elsewhere and compare."""
    from boardbrief.publish.render import render_meeting  # the one heavy step; imported when needed

    folder = out_dir / meeting_date
    record = load_record(folder)
    integrity = check_archive(out_dir, meeting_date, record, allowed_signers)
    data_dir = data_dir or Path(str(record["parameters"]["data_dir"]))
    changed = changed_inputs(record["inputs"], data_dir)
    if changed:
        return _with_integrity(Verification(INPUTS_CHANGED, changed), integrity)

    with tempfile.TemporaryDirectory(prefix="boardbrief-verify-") as scratch:
        log.info("re-rendering %s into a temporary folder", meeting_date)
        again = render_meeting(
            data_dir,
            Path(scratch) / "briefings",
            meeting_date,
            area_pages=bool(area_pages_in(record)),
        ).folder
        new_record = read_run_record(again)
        added = sorted(
            {i["path"] for i in new_record["inputs"]} - {i["path"] for i in record["inputs"]}
        )
        if added:
            lines = [f"{path}: a new input file, not in the run record" for path in added]
            return _with_integrity(Verification(INPUTS_CHANGED, lines), integrity)
        compared = compared_outputs(record)
        different = [
            name
            for name in compared
            if not (folder / name).is_file() or sha256_of(folder / name) != sha256_of(again / name)
        ]
        if not different:
            same = Verification(REPRODUCED, [f"{name}: identical" for name in compared])
            notes = (
                what_differs(record)
                if integrity.findings
                else code_differences(record.get("code"), git_state())
            )
            return _with_integrity(same, integrity, notes)
        findings = [f"{name}: differs from the archived copy" for name in different]
        findings += figure_differences(folder / paths.FIGURES_JSON, again / paths.FIGURES_JSON)
        findings += what_differs(record)
    return _with_integrity(Verification(NOT_REPRODUCED, findings), integrity)


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
