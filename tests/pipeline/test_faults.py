"""Faults mid-render lose nothing: the previous briefing stays, the failed notebook is kept."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

import nbformat
import pytest
from filelock import FileLock, Timeout

from boardbrief import paths
from boardbrief.render import RenderError, render_meeting
from tests.pipeline.conftest import REPO, fingerprint

pytestmark = pytest.mark.pipeline


@pytest.fixture
def previous(tmp_path, rendered):
    """A copy of a rendered archive, and a notebook we can break."""
    out = tmp_path / "briefings"
    shutil.copytree(rendered["out"], out)
    return out, fingerprint(out)


def _notebook_with(tmp_path, source: str):
    notebook = nbformat.read(paths.BRIEFING_NOTEBOOK, as_version=4)
    notebook.cells.insert(4, nbformat.v4.new_code_cell(source))
    path = tmp_path / "broken.ipynb"
    nbformat.write(notebook, path)
    return path


def _unchanged_but_failed(out, before, kept):
    after = fingerprint(out)
    assert bool(after.pop("_failed/2026-05-12-briefing.ipynb", None)) == kept
    after = {k: v for k, v in after.items() if not k.startswith(".locks/")}
    before = {k: v for k, v in before.items() if not k.startswith(".locks/")}
    assert after == before
    assert not [p for p in out.iterdir() if p.name.startswith(".") and p.name != ".locks"]


def test_killed_kernel_keeps_previous_briefing(tmp_path, rendered, previous):
    out, before = previous
    broken = _notebook_with(tmp_path, "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)")
    with pytest.raises(RenderError, match=r"the kernel running broken\.ipynb died"):
        render_meeting(rendered["data"], out, "2026-05-12", notebook=broken)
    _unchanged_but_failed(out, before, kept=False)  # a killed kernel leaves no notebook to keep


def test_hanging_cell_is_stopped_after_the_timeout(tmp_path, rendered, previous):
    out, before = previous
    broken = _notebook_with(tmp_path, "import time\ntime.sleep(120)")
    started = time.monotonic()
    with pytest.raises(RenderError, match="ran for more than 3 seconds and was stopped"):
        render_meeting(rendered["data"], out, "2026-05-12", notebook=broken, cell_timeout=3)
    assert time.monotonic() - started < 60
    _unchanged_but_failed(out, before, kept=False)


def test_second_render_of_the_same_meeting_is_refused_while_one_runs(tmp_path, rendered):
    out = tmp_path / "briefings"
    command = [sys.executable, "-m", "boardbrief", "render", "2026-05-12",
               "--data", str(rendered["data"]), "--out", str(out)]  # fmt: skip
    first = subprocess.Popen(
        command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    lock = out / ".locks" / "2026-05-12.lock"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until the first render holds its lock
        if lock.exists():
            try:
                FileLock(lock, timeout=0).acquire().lock.release()
            except Timeout:
                break
        time.sleep(0.05)
    else:
        pytest.fail("the first render never took its lock")
    second = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, timeout=300, check=False
    )
    assert second.returncode == 1
    assert "another render of 2026-05-12" in second.stderr
    assert "Traceback" not in second.stderr
    _stdout, stderr = first.communicate(timeout=300)
    assert first.returncode == 0, stderr
    assert (out / "2026-05-12" / "briefing.html").is_file()
