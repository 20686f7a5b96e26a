"""Helpers for tests that run the real pipeline: the installed command and a folder fingerprint."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock

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


def render_once(
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    args: Callable[[Path], list[str]],
    prepare: Callable[[Path], None] = lambda root: None,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """Run `boardbrief ARGS` once for the whole test run, in a folder every test may read.

    `prepare(root)` lays out the folder first; `args(root)` gives the command's arguments, which
    run in `root` (so they may name its folders as relative paths, as an analyst types them).

    Under pytest-xdist the workers share one render: the first to arrive renders under a file
    lock, the others wait and read what it wrote. Tests only read these folders (or copy them).
    """
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker is None:
        root = tmp_path_factory.mktemp(name)
        prepare(root)
        return root, run_cli(*args(root), cwd=root)
    root = tmp_path_factory.getbasetemp().parent / name
    record = root.with_suffix(".json")
    with FileLock(str(root.with_suffix(".lock"))):
        if not record.exists():
            shutil.rmtree(root, ignore_errors=True)
            root.mkdir()
            prepare(root)
            result = run_cli(*args(root), cwd=root)
            outcome = [result.returncode, result.stdout, result.stderr]
            record.write_text(json.dumps(outcome), encoding="utf-8", newline="\n")
    returncode, stdout, stderr = json.loads(record.read_text(encoding="utf-8"))
    return root, subprocess.CompletedProcess(
        ["boardbrief", *args(root)], returncode, stdout, stderr
    )


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The Northshire fixture's latest meeting rendered once through the real command, with the
    folders named relative to where it runs, as `make briefing` names them."""
    from tests.conftest import NORTHSHIRE

    def copy_data(root: Path) -> None:
        shutil.copytree(NORTHSHIRE, root / "data")

    def args(root: Path) -> list[str]:
        return ["render", "--data", "data", "--out", "briefings"]

    root, result = render_once(tmp_path_factory, "rendered", args, copy_data)
    out = root / "briefings"
    return {"result": result, "data": root / "data", "out": out, "folder": out / "2026-05-12"}


@pytest.fixture(scope="session")
def rendered_sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The bundled sample data's latest meeting rendered once, as `make briefing` does."""

    def args(root: Path) -> list[str]:
        return ["render", "--data", str(REPO / "data"), "--out", str(root / "briefings")]

    _, result = render_once(tmp_path_factory, "sample", args)
    assert result.returncode == 0, result.stderr
    folder = Path(result.stdout.strip()).parent
    return {
        "folder": folder,
        "html": (folder / "briefing.html").read_text(encoding="utf-8"),
        "notebook": (folder / "briefing.ipynb").read_text(encoding="utf-8"),
        "stderr": result.stderr,
    }


@pytest.fixture
def rendered_on_transport(
    kernel_transport: str, rendered: dict[str, object], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, object]:
    """`rendered`, made on this test's kernel transport (a test marked `transport`): the
    session's render for ipc, a render of its own, shared the same way, for tcp."""
    if kernel_transport == "ipc":
        return rendered

    def copy_data(root: Path) -> None:
        shutil.copytree(rendered["data"], root / "data")

    def args(root: Path) -> list[str]:
        return ["render", "--data", "data", "--out", "briefings"]

    root, result = render_once(tmp_path_factory, f"rendered-{kernel_transport}", args, copy_data)
    out = root / "briefings"
    return {"result": result, "data": root / "data", "out": out, "folder": out / "2026-05-12"}


def made_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], object]
) -> tuple[Path, object]:
    """`make(root)` run once for the whole test run in a folder every test may read; its result
    (JSON-able) is given to every caller, on every pytest-xdist worker.

    For module fixtures too costly to repeat (a round trip of commands, a browser's report):
    pytest-xdist's `--dist loadgroup` does not keep a module's tests on one worker under pytest
    9.2 (xdist 3.8 still renames node ids the old way), so a module fixture may run once per
    worker. As `render_once`, the first worker to arrive makes it under a file lock.
    """
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker is None:
        root = tmp_path_factory.mktemp(name)
        return root, make(root)
    root = tmp_path_factory.getbasetemp().parent / name
    record = root.with_suffix(".json")
    with FileLock(str(root.with_suffix(".lock"))):
        if not record.exists():
            shutil.rmtree(root, ignore_errors=True)
            root.mkdir()
            made = make(root)
            record.write_text(json.dumps(made), encoding="utf-8", newline="\n")
    return root, json.loads(record.read_text(encoding="utf-8"))


def completed(result: subprocess.CompletedProcess[str]) -> dict[str, object]:
    """A finished command as JSON-able fields, for `made_once`."""
    return {
        "args": [str(arg) for arg in result.args],
        "returncode": result.returncode,
        "stdout": result.stdout,
        "stderr": result.stderr,
    }


def as_completed(fields: dict[str, object]) -> subprocess.CompletedProcess[str]:
    """A command's fields from `completed`, as the CompletedProcess the tests read."""
    return subprocess.CompletedProcess(**fields)
