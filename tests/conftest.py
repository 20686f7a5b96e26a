"""Shared fixtures: a small made-up board ('Northshire') copied fresh into each test's folder."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from boardbrief.cli import decline_unused_imports

decline_unused_imports()  # as the command does: 1.4 s less in each of the suite's processes

FIXTURES = Path(__file__).parent / "fixtures"
# Tests marked `transport` run once per way to reach the kernel: ipc (Unix sockets, where pyzmq
# has them) and tcp on the loopback address (the only one on Windows). The variable is the one
# `boardbrief.publish.execute` reads; a command the test starts inherits it.
TRANSPORT_VARIABLE = "BOARDBRIEF_KERNEL_TRANSPORT"
TRANSPORTS = ("tcp",) if sys.platform == "win32" else ("ipc", "tcp")
NORTHSHIRE = FIXTURES / "northshire"
# The files the Northshire meeting of 14 April 2026 reads: none dated after it
NORTHSHIRE_APRIL_FILES = (
    "actions/2026-03-01.csv",
    "actions/2026-04-07.csv",
    "board.yml",
    "feedback/dropins.csv",
    "feedback/survey.csv",
    "funding/2026-03-01.csv",
    "themes.yml",
)


@pytest.fixture
def board_dir(tmp_path: Path) -> Path:
    """A writable copy of the Northshire data folder."""
    target = tmp_path / "data"
    shutil.copytree(NORTHSHIRE, target)
    return target


@pytest.fixture
def edit() -> Callable[[Path, str, str], None]:
    """Replace text in a file once, failing loudly if the text is not there."""

    def replace(path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return replace


@pytest.fixture
def northshire_with_links(board_dir: Path) -> Path:
    """Northshire's latest plan with the optional column: V2 answers two themes, V1 is done."""
    plan = board_dir / "actions" / "2026-05-05.csv"
    text = plan.read_text(encoding="utf-8").splitlines()
    links = {"W1": "waiting", "W2": "Waiting", "V1": "voice", "V2": "voice;travel", "P1": ""}
    rows = [text[0] + ",responds_to"]
    rows += [f"{line},{links[line.split(',')[0]]}" for line in text[1:]]
    plan.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return board_dir


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test marked `transport` runs on each transport (`kernel_transport`)."""
    if metafunc.definition.get_closest_marker("transport"):
        metafunc.fixturenames.append("kernel_transport")
        metafunc.parametrize("kernel_transport", TRANSPORTS, indirect=True)


@pytest.fixture
def kernel_transport(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The transport this run of a `transport` test reaches the kernel by."""
    monkeypatch.setenv(TRANSPORT_VARIABLE, request.param)
    return request.param
