"""Optional signing of the run record with an SSH key (`ssh-keygen -Y`), and its check.

`ssh-keygen` comes with OpenSSH on Windows 10 and later, macOS and Linux. The signature is kept
beside the record as `run.json.sig`; the record names the key that signed it, so a removed
signature is noticed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from boardbrief.errors import UsageError

NAMESPACE = "boardbrief-run"  # a signature made for anything else does not verify here
SIGNATURE_SUFFIX = ".sig"
TIMEOUT = 60  # seconds


def require_ssh_keygen() -> str:
    """ssh-keygen's path, or a clear error saying how to get it."""
    found = shutil.which("ssh-keygen")
    if found is None:
        raise UsageError(
            "signing and checking signatures need ssh-keygen, which was not found: install "
            "OpenSSH (Windows: Settings > Optional features > OpenSSH Client; Debian and "
            "Ubuntu: `sudo apt-get install openssh-client`)"
        )
    return found


def key_fingerprint(key: Path) -> str:
    """The SHA256 fingerprint ssh-keygen gives the key (checked before anything is rendered)."""
    if not key.is_file():
        raise UsageError(f"--sign: no key file at {key}")
    result = _ssh_keygen("-l", "-f", str(key))
    if result.returncode != 0:
        raise UsageError(f"--sign: {key} is not an SSH key ssh-keygen can read: {_said(result)}")
    return result.stdout.split()[1]


def signature_entry(key: Path) -> dict[str, str]:
    """The run record's `signature`: which key signs it, where the signature is, for what."""
    return {
        "key": key_fingerprint(key),
        "file": f"run.json{SIGNATURE_SUFFIX}",
        "namespace": NAMESPACE,
    }


def sign_file(path: Path, key: Path) -> Path:
    """Sign `path` with `key`, writing `path.sig` beside it."""
    result = _ssh_keygen("-Y", "sign", "-f", str(key), "-n", NAMESPACE, str(path))
    signature = path.with_name(path.name + SIGNATURE_SUFFIX)
    if result.returncode != 0 or not signature.is_file():
        raise UsageError(f"--sign: ssh-keygen could not sign the run record: {_said(result)}")
    return signature


def signature_findings(path: Path, allowed_signers: Path | None, recorded: object) -> list[str]:
    """What is wrong with the run record's signature, one line each (none when it is sound).

    `recorded` is the record's `signature` entry. Without `allowed_signers` only its presence
    is checked; with it, ssh-keygen checks that a listed signer signed these very bytes.
    """
    signature = path.with_name(path.name + SIGNATURE_SUFFIX)
    if not signature.is_file():
        if recorded:
            return [f"{signature.name}: missing, though the run record says it was signed"]
        if allowed_signers is not None:
            return [f"{path.name}: not signed (no {signature.name}), but a signer was asked for"]
        return []
    if allowed_signers is None:
        return []
    require_ssh_keygen()
    if not allowed_signers.is_file():
        raise UsageError(f"--allowed-signers: no file at {allowed_signers}")
    found = _ssh_keygen("-Y", "find-principals", "-s", str(signature), "-f", str(allowed_signers))
    principals = found.stdout.split()
    if found.returncode != 0 or not principals:
        return [f"{signature.name}: not made by any signer listed in {allowed_signers.name}"]
    with path.open("rb") as message:
        checked = subprocess.run(
            [require_ssh_keygen(), "-Y", "verify", "-f", str(allowed_signers), "-I", principals[0],
             "-n", NAMESPACE, "-s", str(signature)],
            stdin=message, capture_output=True, text=True, timeout=TIMEOUT, check=False,
        )  # fmt: skip
    if checked.returncode != 0:
        return [f"{signature.name}: does not match {path.name} (changed after it was signed)"]
    return []


def _ssh_keygen(*args: str) -> subprocess.CompletedProcess[str]:
    command = [require_ssh_keygen(), *args]
    try:
        return subprocess.run(
            command, capture_output=True, text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL,
            check=False,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired) as error:
        raise UsageError(f"ssh-keygen could not be run: {error}") from None


def _said(result: subprocess.CompletedProcess[str]) -> str:
    return (result.stderr.strip().splitlines() or ["no message"])[-1]
