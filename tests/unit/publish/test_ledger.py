"""The ledger: one line appended per render, each chained to the one before it."""

from __future__ import annotations

import hashlib
import json

from boardbrief.publish.integrity import ledger_findings
from boardbrief.publish.ledger import (
    LEDGER,
    append_to_ledger,
    ledger_entry,
    ledger_lines,
    previous_record,
)


def _archive(tmp_path, dates=("2026-03-10", "2026-04-14")):
    """An output folder with a run record per meeting, each published to the ledger."""
    for date in dates:
        folder = tmp_path / date
        folder.mkdir()
        record = {"fingerprint": f"f-{date}", "started": f"{date}T09:00:00+00:00", "code": {}}
        (folder / "run.json").write_text(json.dumps(record), encoding="utf-8")
        append_to_ledger(tmp_path, ledger_entry(date, folder, record))
    return tmp_path


def test_each_line_carries_the_sha256_of_the_line_before(tmp_path):
    _archive(tmp_path)
    first, second = (tmp_path / LEDGER).read_bytes().split(b"\n")[:2]
    assert json.loads(first)["previous_line_sha256"] is None
    assert json.loads(second)["previous_line_sha256"] == hashlib.sha256(first).hexdigest()
    assert (
        json.loads(second)["run_sha256"]
        == hashlib.sha256((tmp_path / "2026-04-14" / "run.json").read_bytes()).hexdigest()
    )


def test_appending_keeps_every_earlier_byte(tmp_path):
    _archive(tmp_path, ["2026-03-10"])
    before = (tmp_path / LEDGER).read_bytes()
    _archive(tmp_path, ["2026-04-14"])
    assert (tmp_path / LEDGER).read_bytes().startswith(before)
    assert len(ledger_lines(tmp_path / LEDGER)) == 2


def test_an_intact_ledger_has_no_findings(tmp_path):
    _archive(tmp_path)
    record = json.loads((tmp_path / "2026-04-14" / "run.json").read_text(encoding="utf-8"))
    assert ledger_findings(tmp_path, "2026-04-14", record) == []


def test_an_edited_line_breaks_the_chain_at_the_next(tmp_path):
    _archive(tmp_path)
    path = tmp_path / LEDGER
    path.write_bytes(path.read_bytes().replace(b"f-2026-03-10", b"f-edited", 1))
    record = json.loads((tmp_path / "2026-04-14" / "run.json").read_text(encoding="utf-8"))
    assert ledger_findings(tmp_path, "2026-04-14", record) == [
        "ledger.jsonl line 2: does not follow line 1 "
        "(line 1 was edited, or a line was removed or inserted)"
    ]


def test_an_edited_run_record_names_the_field_the_ledger_witnessed(tmp_path):
    _archive(tmp_path)
    path = tmp_path / "2026-04-14" / "run.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    record["started"] = "2026-01-01T09:00:00+00:00"
    path.write_text(json.dumps(record), encoding="utf-8")
    findings = ledger_findings(tmp_path, "2026-04-14", record)
    assert findings[0].startswith("run.json: changed after it was rendered: its SHA-256")
    assert findings[1:] == [
        "run.json started: the ledger (line 2) recorded 2026-04-14T09:00:00+00:00, "
        "the run record now says 2026-01-01T09:00:00+00:00"
    ]


def test_previous_record_is_the_latest_earlier_meeting(tmp_path):
    _archive(tmp_path, ["2026-03-10", "2026-04-14", "2026-06-09"])
    (tmp_path / "not-a-date").mkdir()
    found = previous_record(tmp_path, "2026-05-12")
    assert found == {
        "meeting": "2026-04-14",
        "sha256": hashlib.sha256((tmp_path / "2026-04-14" / "run.json").read_bytes()).hexdigest(),
    }
    assert previous_record(tmp_path, "2026-03-10") is None
