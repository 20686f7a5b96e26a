"""Briefings are the same bytes whether the names screen builds its word lists or reads them cached.

The cold run has no usable cache (the folder's place is taken by a file), so every kernel builds
the lists from Faker and simplemma as it always did; the warm run reads the lists a first build
left in the cache. Every meeting of the Northshire fixture and the sample's latest are compared,
file by file, in what `verify` compares (the executed notebook keeps timings, run.json the clock).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from boardbrief.privacy import name_lists, word_cache
from boardbrief.publish.verify import COMPARED
from tests.conftest import NORTHSHIRE
from tests.pipeline.conftest import REPO, fingerprint, run_cli

pytestmark = pytest.mark.pipeline

BOARDS = {"northshire": (NORTHSHIRE, ["--all"]), "sample": (REPO / "data", [])}


def _render(data: Path, extra: list[str], out: Path, cache: Path) -> dict[str, str]:
    env = {**os.environ, word_cache.CACHE_VARIABLE: str(cache)}
    result = run_cli("render", *extra, "--data", str(data), "--out", str(out), env=env)
    assert result.returncode == 0, result.stderr
    return {name: sha for name, sha in fingerprint(out).items() if Path(name).name in COMPARED}


@pytest.mark.parametrize("board", sorted(BOARDS))
def test_cached_word_lists_give_the_same_briefings_as_built_ones(board, tmp_path, monkeypatch):
    data, extra = BOARDS[board]
    unusable = tmp_path / "no-cache"
    unusable.write_text("a file where the cache folder would be", encoding="utf-8")
    built = _render(data, extra, tmp_path / "built", unusable)

    cache = tmp_path / "cache"
    monkeypatch.setenv(word_cache.CACHE_VARIABLE, str(cache))
    name_lists._names.cache_clear()
    name_lists._dictionary.cache_clear()
    name_lists._names(), name_lists._dictionary()  # fills the cache, as a first render would
    name_lists._names.cache_clear()
    name_lists._dictionary.cache_clear()
    assert len(list(cache.iterdir())) == 2
    cached = _render(data, extra, tmp_path / "cached", cache)

    meetings = {Path(name).parts[0] for name in built}
    assert len(meetings) == (3 if board == "northshire" else 1)
    assert len(built) == len(meetings) * len(COMPARED)
    assert cached == built
