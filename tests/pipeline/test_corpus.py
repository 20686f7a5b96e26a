"""The bad-input corpus: each case in tests/corpus/ damages the Northshire fixture one way.

A case folder holds `expected.txt` (the exact problem lines the command must print, one per line;
empty when the input is accepted) and any of: `data/` (files laid over the fixture), `remove.txt`
(fixture files to delete), `build.py` (a `build(data)` function for files that must be made as
bytes or spreadsheets at test time) and `args.txt` (the command, default `render`). In every case
the data folder and an earlier briefing must be byte-for-byte unchanged and nothing may show a
traceback. See tests/corpus/README.md.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from boardbrief.cli import main
from boardbrief.contract.columns import ACTION_COLUMNS, FEEDBACK_COLUMNS, FUNDING_COLUMNS
from tests.conftest import NORTHSHIRE
from tests.pipeline.conftest import fingerprint

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
CASES = sorted(path.name for path in CORPUS.iterdir() if (path / "expected.txt").is_file())
PROBLEM_PREFIX = "  - "


def build_case(case: Path, data: Path) -> None:
    """Copy the fixture to `data` and apply the case's changes to it."""
    shutil.copytree(NORTHSHIRE, data)
    if (case / "data").is_dir():
        shutil.copytree(case / "data", data, dirs_exist_ok=True)
    if (case / "remove.txt").is_file():
        for line in (case / "remove.txt").read_text(encoding="utf-8").splitlines():
            if line.strip():
                target = data / line.strip()
                shutil.rmtree(target) if target.is_dir() else target.unlink()
    if (case / "build.py").is_file():
        spec = importlib.util.spec_from_file_location(f"corpus_{case.name}", case / "build.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.build(data)


def run_case(args: list[str], data: Path, out: Path, capsys) -> tuple[int, str, str]:
    """Run the command in-process, as test_bad_input does: bad input never starts a kernel."""
    before_data, before_out = fingerprint(data), fingerprint(out)
    code = main(args)
    captured = capsys.readouterr()
    assert fingerprint(data) == before_data, "the data folder was changed"
    assert fingerprint(out) == before_out, "the output folder was changed"
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


def problem_lines(err: str) -> list[str]:
    return [line[len(PROBLEM_PREFIX) :] for line in err.splitlines() if line.startswith("  - ")]


@pytest.mark.parametrize("name", CASES)
def test_corpus_case_gives_its_exact_problems(name, tmp_path, previous_briefings, capsys):
    case = CORPUS / name
    data = tmp_path / "data"
    build_case(case, data)
    expected = [
        line.replace("{data}", str(data))
        for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    command = "render --data {data}"
    if (case / "args.txt").is_file():
        command = (case / "args.txt").read_text(encoding="utf-8").strip()
    args = [word.replace("{data}", str(data)) for word in command.split()]
    if args[0] == "render":
        args += ["--out", str(previous_briefings)]
    code, out, err = run_case(args, data, previous_briefings, capsys)
    if not expected:
        assert code == 0, err
        assert "files meet the data contract" in out
        return
    assert code == 2
    assert out == ""
    assert problem_lines(err) == expected, err
    count = len(expected)
    assert f"The data has {count} problem{'s' if count > 1 else ''}:" in err
    # Nothing but the progress line, the count and the problems.
    others = [line for line in err.splitlines() if not line.startswith(PROBLEM_PREFIX)]
    assert all(line.startswith("boardbrief: ") for line in others), err


REQUIRED = [
    ("actions/2026-05-05.csv", ACTION_COLUMNS),
    ("funding/2026-05-01.csv", FUNDING_COLUMNS),
    ("feedback/dropins.csv", FEEDBACK_COLUMNS),
]
MISSING_COLUMN = [(file, column) for file, columns in REQUIRED for column in columns]


@pytest.mark.parametrize(("file", "column"), MISSING_COLUMN)
def test_each_required_column_missing_is_named(file, column, tmp_path, previous_briefings, capsys):
    data = tmp_path / "data"
    shutil.copytree(NORTHSHIRE, data)
    path = data / file
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    header[header.index(column)] = "renamed"
    path.write_text("\n".join([",".join(header), *lines[1:]]) + "\n", encoding="utf-8")
    args = ["render", "--data", str(data), "--out", str(previous_briefings)]
    code, out, err = run_case(args, data, previous_briefings, capsys)
    assert code == 2
    assert out == ""
    assert problem_lines(err) == [
        f"{file}, row 1, column '{column}': expected a column named '{column}' in the header row"
    ]


def test_required_columns_are_the_contract():
    assert len(ACTION_COLUMNS) == 9
    assert len(FUNDING_COLUMNS) == 8
    assert len(FEEDBACK_COLUMNS) == 7
