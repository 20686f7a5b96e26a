"""Every text file the package writes has the same bytes on every platform: UTF-8, "\\n" endings.

Python's text mode writes the platform's line ending ("\\r\\n" on Windows) and, before 3.15, may
use the locale's encoding, so a briefing rendered on Windows would not match one from Linux. This
test walks the package's syntax trees and fails on a text-mode write (open, Path.open,
NamedTemporaryFile, os.fdopen, write_text) that does not name both `encoding` and `newline`.
`newline=""` passes too: it also writes no translation, and is what the csv module asks for.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "lib" / "boardbrief"
UNTRANSLATED = ("\n", "")  # newline values that write the text's own "\n"


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _mode(call: ast.Call, position: int, default: str) -> str | None:
    """The call's mode as written, `default` when not given, None when not a literal."""
    given = _keyword(call, "mode")
    if given is None and len(call.args) > position:
        given = call.args[position]
    if given is None:
        return default
    return given.value if isinstance(given, ast.Constant) and isinstance(given.value, str) else None


def _opener(call: ast.Call) -> tuple[int, str] | None:
    """For a call that opens a file: where its mode goes and its default mode."""
    func = call.func
    if isinstance(func, ast.Name) and func.id == "open":
        return 1, "r"
    if isinstance(func, ast.Attribute):
        if func.attr == "open" and not (isinstance(func.value, ast.Name) and func.value.id == "os"):
            return 0, "r"  # Path.open (os.open is a raw, binary descriptor)
        if func.attr in ("NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile"):
            return 0, "w+b"
        if func.attr == "fdopen":
            return 1, "r"
    return None


def unsafe_text_writes(source: str, filename: str = "<source>") -> list[str]:
    """Each text-mode write in `source` without encoding and an untranslated newline, by line."""
    problems = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call):
            continue
        opener = _opener(node)
        if isinstance(node.func, ast.Attribute) and node.func.attr == "write_text":
            writes = True
        elif opener is not None:
            mode = _mode(node, *opener)
            if mode is None:
                problems.append(f"{filename}:{node.lineno}: a file mode that is not a literal")
                continue
            writes = "b" not in mode and any(flag in mode for flag in "wax+")
        else:
            continue
        if not writes:
            continue
        encoding, newline = _keyword(node, "encoding"), _keyword(node, "newline")
        if encoding is None:
            problems.append(f"{filename}:{node.lineno}: a text write without encoding=")
        if not (isinstance(newline, ast.Constant) and newline.value in UNTRANSLATED):
            problems.append(f'{filename}:{node.lineno}: a text write without newline="\\n"')
    return problems


def test_every_text_write_in_the_package_names_its_encoding_and_newline():
    problems = [
        problem
        for path in sorted(PACKAGE.rglob("*.py"))
        for problem in unsafe_text_writes(
            path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE))
        )
    ]
    assert problems == []


def test_unsafe_text_writes_finds_each_kind_of_careless_write():
    source = "\n".join(
        [
            'path.write_text(html, encoding="utf-8")',  # 1: no newline
            'path.write_text(html, newline="\\n")',  # 2: no encoding
            'open(name, "w")',  # 3: neither
            'path.open("a", encoding="utf-8", newline="\\r\\n")',  # 4: a translating newline
            'tempfile.NamedTemporaryFile("w", encoding="utf-8")',  # 5: no newline
            "open(name, mode)",  # 6: a mode that cannot be read
        ]
    )
    assert unsafe_text_writes(source) == [
        '<source>:1: a text write without newline="\\n"',
        "<source>:2: a text write without encoding=",
        "<source>:3: a text write without encoding=",
        '<source>:3: a text write without newline="\\n"',
        '<source>:4: a text write without newline="\\n"',
        '<source>:5: a text write without newline="\\n"',
        "<source>:6: a file mode that is not a literal",
    ]


def test_unsafe_text_writes_passes_reads_binary_writes_and_careful_writes():
    source = "\n".join(
        [
            'path.write_text(html, encoding="utf-8", newline="\\n")',
            'open(name, "w", encoding="utf-8", newline="")',
            'path.open(encoding="utf-8-sig", newline="")',
            "open(name)",
            'path.open("rb")',
            "tempfile.NamedTemporaryFile(dir=folder)",
            "os.open(name, os.O_RDWR)",
            "path.write_bytes(data)",
        ]
    )
    assert unsafe_text_writes(source) == []
