"""Checks of an archived meeting's records, before anything is re-rendered: has it been changed?

`verify` calls `check_archive` once. It compares every output with the SHA-256 the run record
holds, the run record with its line in the ledger, each ledger line with the one before it,
the record with the previous meeting's run record it names, and the recorded fingerprint with
the one its recorded inputs give; and it checks a signature when asked. Each finding names what
changed. Notes are what an auditor should know that is not tampering (a previous record
superseded since, with its copy kept; a record made before these checks existed).
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from boardbrief import paths
from boardbrief.contract.inputs import run_fingerprint, sha256_of
from boardbrief.errors import NothingToVerify
from boardbrief.publish.ledger import LEDGER, ledger_lines, line_sha256, witnessed
from boardbrief.publish.run_record import RUN_RECORD
from boardbrief.publish.signing import signature_findings
from boardbrief.publish.supersede import SUPERSEDED_DIR

SHORT = 12  # hex digits of a SHA-256 shown in a finding
REQUIRED = {"parameters": dict, "inputs": list, "outputs": dict, "environment": dict}
ALWAYS_RECORDED = (paths.BRIEFING_HTML, paths.EXECUTED_NOTEBOOK, paths.FIGURES_JSON)
TAMPER_EVIDENT_SINCE = 2  # the run record's format from which these records are kept


@dataclass
class IntegrityReport:
    """What the archive's own records say: findings (changed after rendering) and notes."""

    findings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def load_record(folder: Path) -> dict[str, Any]:
    """The archived run record, or a clear refusal (exit 2) when it is missing or malformed."""
    path = folder / RUN_RECORD
    if not path.is_file():
        raise NothingToVerify(f"no briefing with a run record at {folder} (no {RUN_RECORD})")
    damaged = (
        f"the run record {path} cannot be read, so the briefing cannot be verified: "
        "it was damaged or edited by hand; restore it from a backup copy of the archive"
    )
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise NothingToVerify(f"{damaged} (it is not UTF-8 text)") from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}: {error.msg}"
        raise NothingToVerify(f"{damaged} (not valid JSON at {where})") from None
    if not isinstance(record, dict):
        raise NothingToVerify(f"{damaged} (it is not a JSON object)")
    wrong = [key for key, kind in REQUIRED.items() if not isinstance(record.get(key), kind)]
    if not wrong and "meeting_date" not in record["parameters"]:
        wrong = ["parameters.meeting_date"]
    if wrong:
        raise NothingToVerify(f"{damaged} (missing or wrong: {', '.join(wrong)})")
    return record


def check_archive(
    out_dir: Path, date: str, record: dict[str, Any], allowed_signers: Path | None = None
) -> IntegrityReport:
    """Every check of the archived records for one meeting; nothing is re-rendered here."""
    folder = out_dir / date
    report = IntegrityReport(findings=output_findings(record, folder))
    if int(record.get("format", 1)) < TAMPER_EVIDENT_SINCE:
        report.notes.append(
            f"the run record is of format {record.get('format', 1)}, made before run records "
            "were chained and kept in the ledger: only its outputs could be checked"
        )
    else:
        report.findings += fingerprint_findings(record)
        report.findings += ledger_findings(out_dir, date, record)
        chain, notes = chain_findings(out_dir, record)
        report.findings += chain
        report.notes += notes
    report.findings += signature_findings(
        folder / RUN_RECORD, allowed_signers, record.get("signature")
    )
    return report


def output_findings(record: dict[str, Any], folder: Path) -> list[str]:
    """Every output the record lists (the executed notebooks and PDFs too) against its bytes."""
    expected = dict(record["outputs"])
    findings = [
        f"{name}: not in the run record's outputs (the record was edited)"
        for name in ALWAYS_RECORDED
        if name not in expected
    ]
    pdf = record.get("pdf") or {}
    if pdf:
        expected[paths.BRIEFING_PDF] = pdf.get("sha256")
        expected.update(pdf.get("areas", {}))
    for name, recorded in sorted(expected.items()):
        path = folder / name
        if not path.is_file():
            findings.append(f"{name}: missing from the archive (the run record lists it)")
        elif sha256_of(path) != recorded:
            findings.append(
                f"{name}: the archived copy was changed after it was rendered "
                f"(SHA-256 recorded {_short(recorded)}, now {_short(sha256_of(path))})"
            )
    return findings


def fingerprint_findings(record: dict[str, Any]) -> list[str]:
    """The recorded fingerprint against the one its recorded inputs and cut-off give."""
    date = str(record["parameters"]["meeting_date"])
    recorded = record.get("fingerprint")
    if not recorded:
        return ["fingerprint: missing from the run record (the record was edited)"]
    try:
        again = run_fingerprint(date, str(record.get("as_at") or date), record["inputs"])
    except (KeyError, TypeError):
        return ["inputs: not a list of files with path and sha256 (the record was edited)"]
    if again == recorded:
        return []
    return [
        f"fingerprint: recorded {_short(recorded)}, but the inputs and cut-off in the run record "
        f"give {_short(again)} (the record's inputs or dates were edited)"
    ]


def ledger_findings(out_dir: Path, date: str, record: dict[str, Any]) -> list[str]:
    """The ledger's chain of lines, and this run record's SHA-256 against its meeting's line."""
    path = out_dir / LEDGER
    if not path.is_file():
        return [f"{LEDGER}: missing from {out_dir}; the run record cannot be checked against it"]
    lines = ledger_lines(path)
    findings, entries = [], []
    for number, line in enumerate(lines, start=1):
        try:
            entry = json.loads(line)
        except ValueError:
            findings.append(f"{LEDGER} line {number}: not valid JSON (edited, or cut short)")
            entries.append({})
            continue
        entries.append(entry if isinstance(entry, dict) else {})
        expected = line_sha256(lines[number - 2]) if number > 1 else None
        if entries[-1].get("previous_line_sha256") != expected:
            findings.append(
                f"{LEDGER} line {number}: does not follow line {number - 1} "
                f"(line {number - 1} was edited, or a line was removed or inserted)"
                if number > 1
                else f"{LEDGER} line 1: names a line before it (lines were removed)"
            )
    run_sha = sha256_of(out_dir / date / RUN_RECORD)
    own = [n for n, e in enumerate(entries, start=1) if e.get("meeting") == date]
    matching = [n for n in own if entries[n - 1].get("run_sha256") == run_sha]
    if not matching:
        findings.append(
            f"{RUN_RECORD}: changed after it was rendered: its SHA-256 ({_short(run_sha)}) "
            f"is in no line of {LEDGER} for {date}"
        )
        if own:
            findings += edited_fields(record, entries[own[-1] - 1], own[-1])
    elif matching[-1] != own[-1]:
        findings.append(
            f"{RUN_RECORD}: an older render of {date} (ledger line {matching[-1]}) than the "
            f"latest the ledger records (line {own[-1]}): the newer one was removed"
        )
    elif entries[matching[-1] - 1].get("fingerprint") != record.get("fingerprint"):
        findings.append(f"{LEDGER} line {matching[-1]}: its fingerprint differs from the record's")
    return findings


def edited_fields(record: dict[str, Any], entry: dict[str, Any], number: int) -> list[str]:
    """Which fields of an edited run record differ from what its ledger line witnessed."""
    now = witnessed(record)
    names = {"git_commit": "code.git_commit", "git_dirty": "code.git_dirty"}
    return [
        f"{RUN_RECORD} {names.get(key, key)}: the ledger (line {number}) recorded "
        f"{_shown(entry.get(key))}, the run record now says {_shown(value)}"
        if key != "environment_sha256"
        else f"{RUN_RECORD} environment: not the one the ledger (line {number}) recorded "
        "(a package, Python or platform was edited; see the environment lines below)"
        for key, value in now.items()
        if key in entry and entry.get(key) != value
    ]


def chain_findings(out_dir: Path, record: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The previous meeting's run record this one names: still there, or kept as superseded."""
    previous = record.get("previous_record")
    if not previous:
        return [], []
    meeting, recorded = str(previous.get("meeting")), str(previous.get("sha256"))
    current = out_dir / meeting / RUN_RECORD
    if current.is_file() and sha256_of(current) == recorded:
        return [], []
    kept = out_dir / meeting / SUPERSEDED_DIR
    for copy in sorted(kept.glob(f"*/{RUN_RECORD}")) if kept.is_dir() else []:
        if sha256_of(copy) == recorded:
            where = copy.parent.relative_to(out_dir).as_posix()
            return [], [
                f"chain: the run record of {meeting} this one follows was replaced since, "
                f"with a reason; it is kept in {where}"
            ]
    if not current.is_file():
        return [f"chain: the run record of {meeting} this one follows is missing"], []
    return [
        f"chain: the run record of {meeting} is not the one this record follows "
        f"(SHA-256 recorded {_short(recorded)}, now {_short(sha256_of(current))}): "
        "it was changed or replaced without a trace"
    ], []


def code_differences(recorded: dict[str, Any] | None, current: dict[str, Any]) -> list[str]:
    """Whether the code now is the code the briefing was rendered with, in one line."""
    recorded = recorded or {}
    was, now = recorded.get("git_commit"), current.get("git_commit")
    if was is None or now is None:
        return ["code: no git commit to compare (not rendered, or not run, from a git checkout)"]
    if was != now:
        known = " (not a commit of this project)" if not commit_exists(str(was)) else ""
        return [f"code: recorded commit {was[:SHORT]}{known}, now {now[:SHORT]}"]
    if recorded.get("git_dirty") or current.get("git_dirty"):
        return [
            f"code: the same commit {now[:SHORT]}, but with uncommitted changes "
            f"({'when rendered' if recorded.get('git_dirty') else 'now'}): "
            "the code may differ"
        ]
    return [f"code: the same commit as recorded ({now[:SHORT]}), no uncommitted changes"]


def commit_exists(commit: str) -> bool:
    """Whether the project's git repository holds this commit."""
    try:
        result = subprocess.run(
            ["git", "-C", str(paths.PROJECT_ROOT), "cat-file", "-e", f"{commit}^{{commit}}"],
            capture_output=True, timeout=10, check=False,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return True  # no git to ask: say nothing
    return result.returncode == 0


def _shown(value: object) -> str:
    return "nothing" if value is None else str(value)


def _short(sha256: object) -> str:
    return str(sha256)[:SHORT] if sha256 else "none"
