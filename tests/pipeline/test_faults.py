"""Faults mid-render lose nothing: the previous briefing stays, the failed notebook is kept.

The faults of issue #9: a cell that raises, a killed kernel, a hanging cell, a read-only output
folder, a full disk, Ctrl-C, two renders of one meeting at once and four of different meetings
(with the one rendered before them, five meetings in one folder).
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import itertools
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import psutil
import pytest

from boardbrief import paths
from boardbrief.errors import RenderError
from boardbrief.publish import archive_index
from boardbrief.publish.render import render_meeting
from tests.pipeline.conftest import REPO, fingerprint, obeying_permissions, run_cli

pytestmark = pytest.mark.pipeline
AREAS = ("waits", "voice", "prep")  # Northshire's priority areas: a page each
# These faults strike a render that replaces an archived briefing, which takes --force --reason.
REPLACE = {"force": True, "reason": "a fault test: the render is meant to fail"}


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


@pytest.mark.transport
def test_killed_kernel_keeps_previous_briefing(tmp_path, rendered, previous):
    out, before = previous
    broken = _notebook_with(tmp_path, "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)")
    with pytest.raises(RenderError, match=r"the kernel running broken\.ipynb died"):
        render_meeting(
            rendered["data"], out, "2026-05-12", notebook=broken, area_pages=False, **REPLACE
        )
    _unchanged_but_failed(out, before, kept=False)  # a killed kernel leaves no notebook to keep


@pytest.mark.transport
def test_hanging_cell_is_stopped_after_the_timeout(tmp_path, rendered, previous):
    out, before = previous
    broken = _notebook_with(tmp_path, "import time\ntime.sleep(120)")
    started = time.monotonic()
    with pytest.raises(RenderError, match="ran for more than 3 seconds and was stopped"):
        render_meeting(
            rendered["data"],
            out,
            "2026-05-12",
            notebook=broken,
            cell_timeout=3,
            area_pages=False,
            **REPLACE,
        )
    assert time.monotonic() - started < 60
    _unchanged_but_failed(out, before, kept=False)


def test_second_render_of_the_same_meeting_is_refused_while_one_runs(tmp_path, rendered):
    out = tmp_path / "briefings"
    running, release = tmp_path / "running", tmp_path / "release"
    # the first render holds its lock until the test has tried the second one
    waiting = _notebook_with(
        tmp_path,
        f"import pathlib, time\npathlib.Path({str(running)!r}).touch()\n"
        f"deadline = time.monotonic() + 240\n"
        f"while not pathlib.Path({str(release)!r}).exists() and time.monotonic() < deadline:\n"
        f"    time.sleep(0.1)",
    )
    first = subprocess.Popen(
        _render_command(out, rendered["data"], waiting),
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 240
        while not running.exists() and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert running.exists(), "the first render never reached its notebook"
        second = subprocess.run(
            _render_command(out, rendered["data"]),
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    finally:
        release.touch()
    assert second.returncode == 1
    assert "another render of 2026-05-12" in second.stderr
    assert "Traceback" not in second.stderr
    _stdout, stderr = first.communicate(timeout=300)
    assert first.returncode == 0, stderr
    assert (out / "2026-05-12" / "briefing.html").is_file()


# `python -c WITH_NOTEBOOK NOTEBOOK render ...`: the real command, running NOTEBOOK in place of
# notebooks/briefing.ipynb, so a test can make a cell raise or wait while the command runs.
WITH_NOTEBOOK = (
    "import functools, sys; from pathlib import Path; from boardbrief import cli; from boardbrief.publish import render; "
    "render.render_meeting = functools.partial(render.render_meeting, "
    "notebook=Path(sys.argv.pop(1))); sys.exit(cli.main(sys.argv[1:]))"
)


def _render_command(out, data, notebook=None, date="2026-05-12", replace=False, areas=False):
    """The render command; `replace`: over an archived briefing, with --force and a reason.

    Without `areas` the briefing alone is rendered (`--no-area-pages`): an area page's kernel
    costs a render about 40% more, and only the tests about both kernels need one.
    """
    command = ["-m", "boardbrief"] if notebook is None else ["-c", WITH_NOTEBOOK, str(notebook)]
    forced = ["--force", "--reason", REPLACE["reason"]] if replace else []
    return [
        sys.executable,
        *command,
        "render",
        date,
        *forced,
        *([] if areas else ["--no-area-pages"]),
        "--data",
        str(data),
        "--out",
        str(out),
    ]


def _tree(folder):
    """Every file with its SHA-256, and every folder, so an empty leftover folder shows too."""
    return fingerprint(folder), sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_cell_that_raises_fails_the_command_clearly_and_keeps_the_notebook(
    tmp_path, rendered, previous
):
    out, before = previous
    broken = _notebook_with(tmp_path, "raise RuntimeError('boom')")
    result = subprocess.run(
        _render_command(out, rendered["data"], broken, replace=True),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    kept = out / "_failed" / "2026-05-12-briefing.ipynb"
    assert result.returncode == 1
    assert result.stdout == ""
    assert re.search(
        r"\nboardbrief: cell \d+ of broken\.ipynb failed with RuntimeError: boom\n"
        rf"The failed notebook, with the failing cell's output, is at {re.escape(str(kept))}\n$",
        result.stderr,
    ), result.stderr
    assert "Traceback" not in result.stderr
    notebook = nbformat.read(kept, as_version=4)
    failed = [
        c for c in notebook.cells if any(o.output_type == "error" for o in c.get("outputs", []))
    ]
    assert [c.source for c in failed] == ["raise RuntimeError('boom')"]
    error = failed[0].outputs[-1]
    assert (error.ename, error.evalue) == ("RuntimeError", "boom")
    shown = re.sub(r"\x1b\[[\d;]*m", "", "\n".join(error.traceback))  # without its colours
    assert "raise RuntimeError('boom')" in shown
    assert "An Exception was encountered" in notebook.cells[0].source  # papermill's banner
    _unchanged_but_failed(out, before, kept=True)


@pytest.mark.parametrize("read_only", ["output folder", "meeting folder"])
def test_read_only_folder_fails_clearly_and_changes_nothing(rendered, previous, read_only):
    out, _ = previous
    folder = out if read_only == "output folder" else out / "2026-05-12"
    before = _tree(out)
    folder.chmod(0o555)
    try:
        probe = subprocess.run(
            [*obeying_permissions(), sys.executable, "-c", f"open({str(folder / 'p')!r}, 'x')"],
            capture_output=True,
            check=False,
        )
        assert probe.returncode != 0, f"{folder} is still writable: the test would prove nothing"
        result = subprocess.run(
            [*obeying_permissions(), *_render_command(out, rendered["data"], replace=True)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        after = _tree(out)
    finally:
        folder.chmod(0o755)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.endswith(f"\nboardbrief: cannot write to {folder}: permission denied\n")
    assert "Traceback" not in result.stderr
    assert "running briefing.ipynb" not in result.stderr  # refused before the notebook ran
    assert after == before


def _mount_tmpfs(folder, size):
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("simulating a full disk mounts a small tmpfs, which needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs to simulate a full disk: {mounted.stderr.strip()}")


def _used_bytes(folder):
    stats = os.statvfs(folder)
    return (stats.f_blocks - stats.f_bfree) * stats.f_frsize


def test_full_disk_fails_clearly_and_keeps_the_previous_briefing(tmp_path, rendered):
    out = tmp_path / "briefings"
    out.mkdir()
    _mount_tmpfs(out, "16m")
    try:
        shutil.copytree(rendered["out"], out, dirs_exist_ok=True)
        used = _used_bytes(out)  # then leave 64 KiB free: far less than a briefing needs
        subprocess.run(["mount", "-o", f"remount,size={used + 64 * 1024}", str(out)], check=True)
        before = _tree(out)
        result = run_cli(
            "render", "2026-05-12", "--force", "--reason", REPLACE["reason"], "--no-area-pages",
            "--data", str(rendered["data"]), "--out", str(out),
        )  # fmt: skip
        after, used_after = _tree(out), _used_bytes(out)
    finally:
        subprocess.run(["umount", "--lazy", str(out)], check=True)
    assert result.returncode == 1
    assert result.stderr.endswith(f"\nboardbrief: cannot write to {out}: no space left on device\n")
    assert "running briefing.ipynb" in result.stderr  # the disk filled mid-render
    assert "Traceback" not in result.stderr
    assert after == before
    assert used_after == used


def test_index_that_cannot_be_written_stays_as_it_was(tmp_path, rendered, monkeypatch):
    out = tmp_path / "briefings"
    shutil.copytree(rendered["out"], out)
    before = _tree(out)

    def disk_full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(archive_index.os, "replace", disk_full)
    with pytest.raises(OSError, match="No space left"):
        archive_index.write_index(out, "Northshire SEND Improvement Board")
    assert _tree(out) == before  # no .index-*.html left behind


def test_index_failure_after_publishing_says_the_briefing_is_in_place(
    tmp_path, rendered, monkeypatch
):
    out = tmp_path / "briefings"

    def disk_full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(archive_index.os, "replace", disk_full)
    with pytest.raises(RenderError) as caught:
        render_meeting(rendered["data"], out, "2026-05-12", area_pages=False)
    assert str(caught.value).startswith(
        f"the briefing was published at {out / '2026-05-12'}, but index.html was not updated: "
        f"cannot write to {out}: no space left on device"
    )
    assert (out / "2026-05-12" / "briefing.html").is_file()
    assert not (out / "index.html").exists()


@pytest.mark.transport
def test_ctrl_c_stops_the_render_and_its_kernel_and_changes_nothing(tmp_path, rendered, previous):
    out, before = previous
    running = tmp_path / "cell-running"
    slow = _notebook_with(
        tmp_path, f"import pathlib, time\npathlib.Path({str(running)!r}).touch()\ntime.sleep(300)"
    )
    command = subprocess.Popen(
        _render_command(out, rendered["data"], slow, replace=True, areas=True),
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        process_group=0,  # its own group, as a shell runs a command; Ctrl-C signals the group
    )
    try:
        deadline = time.monotonic() + 240
        while not running.exists():
            assert command.poll() is None, command.communicate()
            assert time.monotonic() < deadline, "the slow cell never started"
            time.sleep(0.1)
        while len(kernels := _kernels(command.pid)) < 2:  # the briefing's and the area pages'
            assert time.monotonic() < deadline, f"{len(kernels)} kernels running"
            time.sleep(0.1)
        assert len(kernels) == 2
        connection_files = [k.cmdline()[k.cmdline().index("-f") + 1] for k in kernels]
        connections = [json.loads(Path(f).read_text(encoding="utf-8")) for f in connection_files]
        os.killpg(command.pid, signal.SIGINT)
        stdout, stderr = command.communicate(timeout=120)
    finally:
        if command.poll() is None:
            command.kill()
    assert command.returncode == 130
    assert stdout == ""
    assert stderr.endswith("\nboardbrief: interrupted; nothing was published\n"), stderr
    assert "Traceback" not in stderr
    assert not [k for k in kernels if k.is_running() and k.status() != psutil.STATUS_ZOMBIE]
    for connection_file, connection in zip(connection_files, connections, strict=True):
        assert not os.path.exists(connection_file)
        if connection["transport"] == "ipc":  # no socket files left (tcp leaves none to see)
            sockets = connection["ip"]
            assert not [
                p
                for p in os.listdir(os.path.dirname(sockets))
                if p.startswith(os.path.basename(sockets))
            ]
    _unchanged_but_failed(out, before, kept=False)  # an interrupted run keeps no notebook


def _kernels(pid: int) -> list[psutil.Process]:
    """The kernels a render process has started and that are running now."""
    return [
        p
        for p in psutil.Process(pid).children(recursive=True)
        if "ipykernel_launcher" in p.cmdline()
    ]


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        self.hrefs += [value for name, value in attrs if tag == "a" and name == "href"]


def test_four_meetings_render_at_once_into_one_folder(tmp_path, rendered, edit):
    data, out = tmp_path / "data", tmp_path / "briefings"
    shutil.copytree(rendered["data"], data)
    shutil.copytree(rendered["out"], out)  # 2026-05-12 rendered earlier: it must not change
    # Four processes on two cores: they overlap all through, and finish (append to the ledger,
    # rewrite the index) within moments of each other. Two meetings have their own data, two
    # come after the last snapshot.
    later = ["2026-06-09", "2026-07-14"]
    edit(data / "board.yml", "2026-05-12]", f"2026-05-12, {', '.join(later)}]")
    dates = ["2026-03-10", "2026-04-14", *later]
    # Two render their area pages too, two the briefing alone (a render's work less a third):
    # the index must still list exactly the pages each meeting has.
    with_areas = dates[1:3]
    earlier = fingerprint(out / "2026-05-12")
    started = time.monotonic()
    commands = {
        date: subprocess.Popen(
            _render_command(out, data, date=date, areas=date in with_areas),
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for date in dates
    }
    try:
        results = {date: (c.communicate(timeout=600), c.returncode) for date, c in commands.items()}
    finally:
        for c in commands.values():
            if c.poll() is None:
                c.kill()
    elapsed = time.monotonic() - started
    for date, ((stdout, stderr), returncode) in results.items():
        assert returncode == 0, f"{date}: {stderr}"
        assert stdout.strip() == str((out / date / "briefing.html").resolve())
    print(f"four renders at once: {elapsed:.1f} s")
    assert fingerprint(out / "2026-05-12") == earlier
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [".locks", "index.html", "ledger.jsonl", "2026-05-12", *dates]
    )  # no staging, retired or temporary index files left
    lines = (out / "ledger.jsonl").read_bytes().split(b"\n")
    assert lines.pop() == b""  # every line whole, each chained to the one before
    assert sorted(json.loads(line)["meeting"] for line in lines[1:]) == sorted(dates)
    for before_it, line in itertools.pairwise(lines):
        assert json.loads(line)["previous_line_sha256"] == hashlib.sha256(before_it).hexdigest()
    for date in dates:
        folder = out / date
        assert sorted(p.name for p in folder.iterdir()) == [
            *(["areas"] if date in with_areas else []),
            "briefing.html",
            "briefing.ipynb",
            "families.html",
            "figures.json",
            "inputs",
            "run.json",
        ]
        html = (folder / "briefing.html").read_text(encoding="utf-8")
        assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")  # whole
        day = dt.date.fromisoformat(date)
        assert f"Meeting of {day.day} {day:%B %Y}" in html  # its own meeting, not another's
        assert json.loads((folder / "figures.json").read_text(encoding="utf-8"))
        run = json.loads((folder / "run.json").read_text(encoding="utf-8"))
        assert run["parameters"]["meeting_date"] == date
        nbformat.validate(nbformat.read(folder / "briefing.ipynb", as_version=4))
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.rstrip().endswith("</html>")
    links = _Links()
    links.feed(index)
    briefings = [h for h in links.hrefs if h.endswith("/briefing.html")]
    assert sorted(briefings) == sorted(f"{d}/briefing.html" for d in [*dates, "2026-05-12"])
    families = [h for h in links.hrefs if h.endswith("/families.html")]
    assert sorted(families) == sorted(f"{d}/families.html" for d in [*dates, "2026-05-12"])
    areas = [h for h in links.hrefs if "/areas/" in h]
    meetings = [*with_areas, "2026-05-12"]
    assert sorted(areas) == sorted(f"{d}/areas/{a}.html" for d in meetings for a in AREAS)
    assert len(links.hrefs) == len(briefings) + len(families) + len(areas)
