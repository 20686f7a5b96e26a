"""The names screen's big word lists, built once per installed version, then read in milliseconds.

Building the lists costs every kernel a second or two: Faker's hundred person providers are
imported one by one, and simplemma's English dictionary is decompressed. Yet the lists are a pure
function of the installed Faker and simplemma and of the code that builds them, so each is kept as
plain text in the user's cache folder, under a key made of those three, and read back from there.
A cache that cannot be read or written is passed by: the list is built as before, so the screen
finds the same names either way (a test compares the two).

`BOARDBRIEF_CACHE_DIR` moves the cache (tests point it at a folder of their own).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

CACHE_VARIABLE = "BOARDBRIEF_CACHE_DIR"
HEADER = "boardbrief word list"  # first line: this and the SHA-256 of the words that follow


def cache_dir() -> Path:
    """Where the lists are kept: `BOARDBRIEF_CACHE_DIR`, else the platform's user cache folder."""
    chosen = os.environ.get(CACHE_VARIABLE, "").strip()
    if chosen:
        return Path(chosen)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("boardbrief", appauthor=False))


def cache_key(kind: str, packages: Iterable[str], sources: Iterable[Path]) -> str:
    """A name for one list that changes whenever what built it could have changed."""
    digest = hashlib.sha256(kind.encode())
    for package in packages:
        try:
            digest.update(f"\n{package}={version(package)}".encode())
        except PackageNotFoundError:
            digest.update(f"\n{package}=?".encode())
    for source in sources:
        digest.update(hashlib.sha256(source.read_bytes()).digest())
    return f"{kind}-{digest.hexdigest()[:24]}.txt"


def cached_words(
    kind: str,
    packages: Iterable[str],
    sources: Iterable[Path],
    build: Callable[[], Iterable[str]],
) -> frozenset[str]:
    """The words `build` gives, from the cache when it holds them, else built and then kept.

    `packages` and `sources` (files the list is built from, the building code among them) make
    the key: a new version of either is a new list.
    """
    try:
        path = cache_dir() / cache_key(kind, packages, sources)
        words = _read(path)
    except OSError:
        path, words = None, None
    if words is not None:
        return words
    words = frozenset(build())
    if path is not None:
        _write(path, words)
    return words


def _read(path: Path) -> frozenset[str] | None:
    """The words of a complete cache file, or None when it is missing or not whole."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    header, _, body = text.partition("\n")
    if header != f"{HEADER} {_digest(body)}":
        return None
    return frozenset(body.split("\n") if body else [])


def _write(path: Path, words: frozenset[str]) -> None:
    """Write the list whole or not at all (several kernels may build it at once)."""
    ordered = sorted(words)
    if any("\n" in word for word in ordered):
        return  # not representable one a line: build it each time instead
    body = "\n".join(ordered)
    temporary: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=path.stem, suffix=".part")
        temporary = Path(name)
        with open(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(f"{HEADER} {_digest(body)}\n{body}")
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def _digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()
