"""The cached word lists are the built ones, and a cache that fails is passed by, never trusted."""

from pathlib import Path

import pytest

from boardbrief.privacy import name_lists, word_cache


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """An empty cache folder of this test's own, with the lists' in-process memo cleared."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(word_cache.CACHE_VARIABLE, str(folder))
    name_lists._names.cache_clear()
    name_lists._dictionary.cache_clear()
    yield folder
    name_lists._names.cache_clear()
    name_lists._dictionary.cache_clear()


@pytest.mark.parametrize(
    ("memo", "build"),
    [
        (name_lists._names, name_lists._built_names),
        (name_lists._dictionary, name_lists._built_dictionary),
    ],
)
def test_the_list_read_back_from_the_cache_is_the_list_built(cache, memo, build):
    built = build()
    assert memo() == built  # built, then written
    assert len(list(cache.iterdir())) == 1
    memo.cache_clear()
    assert memo() == built  # read back


def test_a_cut_short_cache_file_is_built_again_and_replaced(cache):
    words = word_cache.cached_words("test", [], [], lambda: ["amber", "hope", "oliver"])
    (path,) = cache.iterdir()
    path.write_text(path.read_text(encoding="utf-8")[:-4], encoding="utf-8")
    again = word_cache.cached_words("test", [], [], lambda: ["amber", "hope", "oliver"])
    assert again == words == {"amber", "hope", "oliver"}
    assert path.read_text(encoding="utf-8").endswith("oliver")


def test_a_cache_that_cannot_be_written_still_gives_the_words(cache):
    cache.parent.mkdir(exist_ok=True)
    cache.write_text("a file where the folder should be", encoding="utf-8")
    words = word_cache.cached_words("test", [], [], lambda: ["amber", "hope"])
    assert words == {"amber", "hope"}
    assert cache.is_file()


def test_the_key_changes_with_a_source_file_or_a_package_version(tmp_path):
    source = tmp_path / "lists.py"
    source.write_text("A = 1\n", encoding="utf-8")
    first = word_cache.cache_key("names", ["faker"], [source])
    assert word_cache.cache_key("names", ["faker"], [source]) == first
    assert word_cache.cache_key("names", ["simplemma"], [source]) != first
    source.write_text("A = 2\n", encoding="utf-8")
    assert word_cache.cache_key("names", ["faker"], [source]) != first
