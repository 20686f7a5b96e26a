"""Shared fixtures: a small made-up board ('Northshire') copied fresh into each test's folder."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
NORTHSHIRE = FIXTURES / "northshire"


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
