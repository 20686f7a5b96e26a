"""No silent overwrite: when a render may skip, must refuse, or replaces and keeps the old one."""

from __future__ import annotations

import json

import pytest

from boardbrief.errors import UsageError
from boardbrief.publish.supersede import (
    RunState,
    keep_superseded,
    require_reason,
    run_differences,
    superseded_versions,
)

NOW = RunState("f1", "c0ffee", False, "nb1", {"pandas": "2.2.3"})
RECORD = {
    "fingerprint": "f1",
    "code": {"git_commit": "c0ffee", "git_dirty": False},
    "notebook": {"sha256": "nb1"},
    "environment": {"packages": {"pandas": "2.2.3"}},
}


def test_the_same_data_clean_commit_notebook_and_packages_is_the_same_run():
    assert run_differences(RECORD, NOW) == []


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"fingerprint": "f2"}, "the data or its cut-off differ"),
        ({"code": {"git_commit": "bad", "git_dirty": False}}, "the code is another git commit"),
        ({"code": {"git_commit": "c0ffee", "git_dirty": True}}, "uncommitted changes"),
        ({"notebook": {"sha256": "nb2"}}, "the notebook differs"),
        ({"environment": {"packages": {"pandas": "2.2.2"}}}, "the installed packages differ"),
    ],
)
def test_any_difference_is_named(change, said):
    assert [said in line for line in run_differences({**RECORD, **change}, NOW)] == [True]


def test_uncommitted_changes_now_are_never_the_same_run():
    dirty = RunState("f1", "c0ffee", True, "nb1", {"pandas": "2.2.3"})
    assert run_differences(RECORD, dirty) == ["the code has uncommitted changes"]
    assert run_differences(None, NOW) == ["it has no readable run record"]


def test_force_needs_a_reason_and_a_reason_needs_force():
    with pytest.raises(
        UsageError, match="--force replaces an archived briefing and needs --reason"
    ):
        require_reason(True, "  ")
    with pytest.raises(UsageError, match="--reason goes with --force"):
        require_reason(False, "typo")
    assert require_reason(True, " corrected data ") == "corrected data"
    assert require_reason(False, None) is None


def test_the_replaced_briefing_is_copied_whole_with_what_it_had_superseded(tmp_path):
    previous = tmp_path / "2026-05-12"
    (previous / "areas").mkdir(parents=True)
    (previous / "briefing.html").write_text("<p>v2</p>", encoding="utf-8")
    (previous / "areas" / "waits.html").write_text("<p>waits</p>", encoding="utf-8")
    (previous / "run.json").write_text(json.dumps({"v": 2}), encoding="utf-8")
    older = previous / "superseded" / "2026-05-13T10-00-00Z"
    older.mkdir(parents=True)
    (older / "briefing.html").write_text("<p>v1</p>", encoding="utf-8")
    staging = tmp_path / "staging"
    staging.mkdir()
    replaces = keep_superseded(previous, staging, "corrected data")
    kept = staging / replaces["superseded_folder"]
    assert replaces["reason"] == "corrected data"
    assert replaces["superseded_folder"].startswith("superseded/")
    assert (kept / "briefing.html").read_text(encoding="utf-8") == "<p>v2</p>"
    assert (kept / "areas" / "waits.html").is_file()
    assert not (kept / "superseded").exists()  # the earlier copy sits beside it, not inside
    assert superseded_versions(staging) == ["2026-05-13T10-00-00Z", kept.name]
    assert (previous / "briefing.html").is_file()  # copied, not moved: nothing lost on failure
