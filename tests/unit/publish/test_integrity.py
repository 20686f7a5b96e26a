"""verify's checks of the archive's own records: outputs, fingerprint, chain, the run record."""

from __future__ import annotations

import hashlib
import json

import pytest

from boardbrief.contract.inputs import run_fingerprint
from boardbrief.errors import NothingToVerify
from boardbrief.publish.integrity import (
    chain_findings,
    code_differences,
    fingerprint_findings,
    load_record,
    output_findings,
)

INPUTS = [{"path": "actions/a.csv", "bytes": 3, "sha256": "aa"}]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _folder(tmp_path):
    folder = tmp_path / "2026-05-12"
    folder.mkdir()
    outputs = {}
    for name in ("briefing.html", "briefing.ipynb", "figures.json"):
        (folder / name).write_bytes(name.encode())
        outputs[name] = _sha(name.encode())
    return folder, {"outputs": outputs}


def test_every_output_is_checked_the_executed_notebook_too(tmp_path):
    folder, record = _folder(tmp_path)
    assert output_findings(record, folder) == []
    (folder / "briefing.ipynb").write_bytes(b"edited")
    (folder / "figures.json").unlink()
    assert output_findings(record, folder) == [
        "briefing.ipynb: the archived copy was changed after it was rendered (SHA-256 "
        f"recorded {_sha(b'briefing.ipynb')[:12]}, now {_sha(b'edited')[:12]})",
        "figures.json: missing from the archive (the run record lists it)",
    ]


def test_an_output_removed_from_the_record_is_named(tmp_path):
    folder, record = _folder(tmp_path)
    del record["outputs"]["briefing.ipynb"]
    assert output_findings(record, folder) == [
        "briefing.ipynb: not in the run record's outputs (the record was edited)"
    ]


def test_the_recorded_fingerprint_is_recomputed_from_the_recorded_inputs():
    record = {
        "parameters": {"meeting_date": "2026-05-12"},
        "inputs": INPUTS,
        "fingerprint": run_fingerprint("2026-05-12", "2026-05-12", INPUTS),
    }
    assert fingerprint_findings(record) == []
    edited = {**record, "inputs": [{**INPUTS[0], "sha256": "ab"}]}
    [finding] = fingerprint_findings(edited)
    assert finding.startswith(f"fingerprint: recorded {record['fingerprint'][:12]}, but the")
    assert finding.endswith("(the record's inputs or dates were edited)")


def test_a_previous_record_superseded_since_is_a_note_not_tampering(tmp_path):
    kept = tmp_path / "2026-04-14" / "superseded" / "2026-11-30T10-00-00Z"
    kept.mkdir(parents=True)
    (kept / "run.json").write_bytes(b"old")
    (tmp_path / "2026-04-14" / "run.json").write_bytes(b"new")
    record = {"previous_record": {"meeting": "2026-04-14", "sha256": _sha(b"old")}}
    assert chain_findings(tmp_path, record) == (
        [],
        [
            "chain: the run record of 2026-04-14 this one follows was replaced since, with a "
            "reason; it is kept in 2026-04-14/superseded/2026-11-30T10-00-00Z"
        ],
    )
    (kept / "run.json").write_bytes(b"edited")
    [finding], notes = chain_findings(tmp_path, record)
    assert notes == []
    assert finding.startswith("chain: the run record of 2026-04-14 is not the one this record")
    assert finding.endswith("it was changed or replaced without a trace")


def test_a_missing_and_a_malformed_run_record_are_both_refused_clearly(tmp_path):
    with pytest.raises(NothingToVerify, match=r"no briefing with a run record at .* \(no run"):
        load_record(tmp_path)
    (tmp_path / "run.json").write_text('{"parameters": ', encoding="utf-8")
    with pytest.raises(NothingToVerify, match=r"cannot be read.*not valid JSON at line 1"):
        load_record(tmp_path)
    (tmp_path / "run.json").write_text(json.dumps({"parameters": {}}), encoding="utf-8")
    with pytest.raises(NothingToVerify, match="missing or wrong: inputs, outputs, environment"):
        load_record(tmp_path)
    assert NothingToVerify.exit_code == 2


def test_code_differences_say_which_commit_and_whether_it_was_clean():
    clean = {"git_commit": "a" * 40, "git_dirty": False}
    assert code_differences(clean, clean) == [
        "code: the same commit as recorded (aaaaaaaaaaaa), no uncommitted changes"
    ]
    dirty = {**clean, "git_dirty": True}
    assert "uncommitted changes (now)" in code_differences(clean, dirty)[0]
    other = {"git_commit": "0" * 40, "git_dirty": False}
    assert code_differences(other, clean) == [
        "code: recorded commit 000000000000 (not a commit of this project), now aaaaaaaaaaaa"
    ]
