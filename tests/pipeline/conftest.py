"""Helpers for tests that run the real pipeline: the installed command and a folder fingerprint."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def run_cli(
    *args: str, cwd: Path = REPO, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m boardbrief ...` in a fresh process, as an analyst would."""
    return subprocess.run(
        [sys.executable, "-m", "boardbrief", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under a folder with the SHA-256 of its bytes."""
    if not folder.exists():
        return {}
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def obeying_permissions() -> list[str]:
    """A command prefix under which a folder's mode binds: root's capabilities are dropped.

    As root, chmod alone stops nothing. setpriv keeps the same user and interpreter but removes
    every capability (CAP_DAC_OVERRIDE among them), so root meets the permission bits as any
    owner does. (Running as `nobody` instead is no route where the venv's interpreter links into
    /root, as pyenv's do: `nobody` may not enter /root, so the kernel could not start.)
    """
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    assert setpriv, "running as root, and setpriv (util-linux) is missing to drop root's override"
    return [setpriv, "--bounding-set=-all", "--inh-caps=-all"]


@pytest.fixture
def previous_briefings(tmp_path: Path) -> Path:
    """An output folder holding an earlier render, to prove nothing in it changes."""
    out = tmp_path / "briefings"
    (out / "2026-05-12").mkdir(parents=True)
    (out / "2026-05-12" / "briefing.html").write_text("<p>the board's copy</p>", encoding="utf-8")
    (out / "2026-05-12" / "figures.json").write_text("{}", encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The Northshire fixture's latest meeting rendered once through the real command."""
    import shutil

    from tests.conftest import NORTHSHIRE

    root = tmp_path_factory.mktemp("rendered")
    data = root / "data"
    shutil.copytree(NORTHSHIRE, data)
    out = root / "briefings"
    result = run_cli("render", "--data", str(data), "--out", str(out))
    return {"result": result, "data": data, "out": out, "folder": out / "2026-05-12"}


@pytest.fixture(scope="session")
def rendered_sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The bundled sample data's latest meeting rendered once, as `make briefing` does."""
    out = tmp_path_factory.mktemp("sample") / "briefings"
    result = run_cli("render", "--data", str(REPO / "data"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    folder = Path(result.stdout.strip()).parent
    return {
        "folder": folder,
        "html": (folder / "briefing.html").read_text(encoding="utf-8"),
        "notebook": (folder / "briefing.ipynb").read_text(encoding="utf-8"),
    }
