"""Signing run.json with a throwaway SSH key, and checking it against an allowed-signers file."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from boardbrief.errors import UsageError
from boardbrief.publish.signing import sign_file, signature_entry, signature_findings


@pytest.fixture
def key(tmp_path):
    if shutil.which("ssh-keygen") is None:
        pytest.fail("ssh-keygen (OpenSSH) is needed to test signing")  # not a hidden skip
    path = tmp_path / "key"
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "officer", "-f", str(path)],
        check=True,
    )
    signers = tmp_path / "allowed_signers"
    public = (tmp_path / "key.pub").read_text(encoding="utf-8").split()
    signers.write_text(f"officer@board {public[0]} {public[1]}\n", encoding="utf-8")
    return path, signers


def test_a_signed_record_checks_and_an_edited_one_does_not(tmp_path, key):
    path, signers = key
    record = tmp_path / "run.json"
    record.write_text('{"started": "2026-05-12T09:00:00+00:00"}\n', encoding="utf-8")
    entry = signature_entry(path)
    assert entry["key"].startswith("SHA256:")
    sign_file(record, path)
    assert signature_findings(record, signers, entry) == []
    record.write_text('{"started": "2026-01-01T09:00:00+00:00"}\n', encoding="utf-8")
    assert signature_findings(record, signers, entry) == [
        "run.json.sig: does not match run.json (changed after it was signed)"
    ]


def test_a_removed_signature_and_an_unknown_signer_are_named(tmp_path, key):
    path, _signers = key
    record = tmp_path / "run.json"
    record.write_text("{}\n", encoding="utf-8")
    assert signature_findings(record, None, {"key": "SHA256:x"}) == [
        "run.json.sig: missing, though the run record says it was signed"
    ]
    sign_file(record, path)
    stranger = tmp_path / "stranger"
    stranger.write_text("someone@else ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOeq\n", "utf-8")
    assert signature_findings(record, stranger, None) == [
        "run.json.sig: not made by any signer listed in stranger"
    ]


def test_a_missing_key_file_is_refused_clearly(tmp_path):
    with pytest.raises(UsageError, match="--sign: no key file at"):
        signature_entry(tmp_path / "nowhere")


def test_a_missing_ssh_keygen_is_said_plainly(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(UsageError, match="need ssh-keygen, which was not found: install OpenSSH"):
        signature_findings(_signed(tmp_path), tmp_path / "allowed", None)


def _signed(tmp_path):
    record = tmp_path / "run.json"
    record.write_text("{}\n", encoding="utf-8")
    (tmp_path / "run.json.sig").write_text("not checked before ssh-keygen is found", "utf-8")
    return record
