"""Briefings are the same bytes whether the names screen builds its word lists or reads them cached.

The cold run has no usable cache (the folder's place is taken by a file), so the kernel builds
the lists from Faker and simplemma as it always did; the warm run reads the lists a first build
left in the cache. The sample's latest meeting is compared, file by file, in what `verify`
compares (the executed notebook keeps timings, run.json the clock): its comments are the ones
with names and quotes. That the lists read back are equal to the lists built, as sets, is
tests/unit/privacy/test_word_cache.py's; this test shows a real render reads them from where
the cache setting points and publishes the same bytes.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from boardbrief.privacy import name_lists, word_cache
from boardbrief.publish.verify import COMPARED
from tests.pipeline.conftest import REPO, fingerprint, run_cli

pytestmark = pytest.mark.pipeline

SAMPLE = REPO / "data"


def _render(out: Path, cache: Path) -> dict[str, str]:
    """The briefing alone: the area pages are not among the files compared."""
    env = {**os.environ, word_cache.CACHE_VARIABLE: str(cache)}
    args = ["render", "--no-area-pages", "--data", str(SAMPLE), "--out", str(out)]
    result = run_cli(*args, env=env)
    assert result.returncode == 0, result.stderr
    return {name: sha for name, sha in fingerprint(out).items() if Path(name).name in COMPARED}


def test_cached_word_lists_give_the_same_briefings_as_built_ones(tmp_path, monkeypatch):
    unusable = tmp_path / "no-cache"
    unusable.write_text("a file where the cache folder would be", encoding="utf-8")
    built = _render(tmp_path / "built", unusable)

    cache = tmp_path / "cache"
    monkeypatch.setenv(word_cache.CACHE_VARIABLE, str(cache))
    name_lists._names.cache_clear()
    name_lists._dictionary.cache_clear()
    name_lists._names(), name_lists._dictionary()  # fills the cache, as a first render would
    name_lists._names.cache_clear()
    name_lists._dictionary.cache_clear()
    assert len(list(cache.iterdir())) == 2
    cached = _render(tmp_path / "cached", cache)

    assert {Path(name).parts[0] for name in built} == {"2026-11-05"}
    assert len(built) == len(COMPARED)
    assert cached == built
