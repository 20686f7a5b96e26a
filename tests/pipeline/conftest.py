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

    Under pytest-xdist the workers share one render (`made_once`): the first to arrive renders
    under a file lock, the others wait and read what it wrote. Tests only read these folders (or
    copy them).
    """

    def render(root: Path) -> dict[str, object]:
        prepare(root)
        return completed(run_cli(*args(root), cwd=root))

    root, outcome = made_once(tmp_path_factory, name, render)
    return root, as_completed(outcome)


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


@pytest.fixture(scope="session")
def rendered_without_area_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The Northshire fixture's latest meeting rendered once with `--no-area-pages`, laid out as
    `rendered` is: for tests of the briefing, its run record and verify that do not look at the
    area pages (whose kernel is about 40% of a render, and of each verify's re-render)."""
    from tests.conftest import NORTHSHIRE

    def copy_data(root: Path) -> None:
        shutil.copytree(NORTHSHIRE, root / "data")

    def args(root: Path) -> list[str]:
        return ["render", "--no-area-pages", "--data", "data", "--out", "briefings"]

    root, result = render_once(tmp_path_factory, "rendered-without-area-pages", args, copy_data)
    assert result.returncode == 0, result.stderr
    out = root / "briefings"
    return {"result": result, "data": root / "data", "out": out, "folder": out / "2026-05-12"}


@pytest.fixture(scope="session")
def papermill_northshire(
    tmp_path_factory: pytest.TempPathFactory, rendered: dict[str, object]
) -> dict[str, object]:
    """`rendered`'s meeting (2026-05-12, its data folder) run by the plain papermill command, as
    an auditor runs it, once for the whole test run; xdist workers share it as `render_once`
    shares renders. Gives the exit code, stderr and the executed notebook's path."""
    data = rendered["data"]
    shared = os.environ.get("PYTEST_XDIST_WORKER") is not None
    base = tmp_path_factory.getbasetemp().parent if shared else tmp_path_factory.mktemp("pm")
    notebook = base / "papermill-northshire.ipynb"
    record = notebook.with_suffix(".json")
    with FileLock(str(notebook.with_suffix(".lock"))):
        if not record.exists():
            from boardbrief import paths

            result = subprocess.run(
                [sys.executable, "-m", "papermill", str(paths.BRIEFING_NOTEBOOK), str(notebook),
                 "-p", "meeting_date", "2026-05-12", "-p", "data_dir", str(data)],
                cwd=REPO, capture_output=True, text=True, timeout=300, check=False,
            )  # fmt: skip
            outcome = [result.returncode, result.stderr]
            record.write_text(json.dumps(outcome), encoding="utf-8", newline="\n")
    returncode, stderr = json.loads(record.read_text(encoding="utf-8"))
    return {"returncode": returncode, "stderr": stderr, "notebook": notebook}


def made_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], object]
) -> tuple[Path, object]:
    """`make(root)` run once for the whole test run in a folder every test may read; its result
    (JSON-able) is given to every caller, on every pytest-xdist worker.

    For renders (`render_once`) and fixtures too costly to repeat (a round trip of commands, a
    browser's report) that tests in several files read. The first worker to arrive makes it
    under a file lock; the others wait and read what it recorded.
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
