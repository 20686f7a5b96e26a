"""What `verify` says: where it reads the data, where a re-render first differs, the environment."""

from __future__ import annotations

import pytest

from boardbrief.errors import NothingToVerify
from boardbrief.publish.verify import data_source, environment_differences, first_difference


def test_environment_differences_names_another_platform_and_python():
    recorded = {"platform": "win32", "python": "3.12.1", "packages": {"pandas": "2.2.3"}}
    current = {"platform": "linux", "python": "3.11.7", "packages": {"pandas": "2.2.3"}}
    assert environment_differences(recorded, current) == [
        "platform: recorded win32, now linux",
        "Python: recorded 3.12.1, now 3.11.7",
    ]


def test_environment_differences_says_when_the_environment_is_the_same():
    same = {"platform": "linux", "python": "3.11.7", "packages": {"pandas": "2.2.3"}}
    assert environment_differences(same, dict(same)) == [
        "the environment is the same as the one recorded"
    ]


def test_first_difference_gives_line_column_and_both_excerpts(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    long_line = "x" * 100 + "2 have been stuck" + "y" * 100
    (tmp_path / "old" / "page.html").write_text(f"same\n{long_line}\n", encoding="utf-8")
    changed = long_line.replace("2 have", "1 has")
    (tmp_path / "new" / "page.html").write_text(f"same\n{changed}\n", encoding="utf-8")
    assert first_difference("page.html", tmp_path / "old", tmp_path / "new") == (
        "page.html: differs from the archived copy, first at line 2, column 101: "
        f"archived ...'{'x' * 20}2 have been stuck{'y' * 23}'..., "
        f"re-rendered ...'{'x' * 20}1 has been stuck{'y' * 24}'..."
    )


def test_first_difference_names_the_end_of_a_shorter_file(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    (tmp_path / "old" / "figures.json").write_text("{\n}\n", encoding="utf-8")
    (tmp_path / "new" / "figures.json").write_text("{\n}\nmore\n", encoding="utf-8")
    assert first_difference("figures.json", tmp_path / "old", tmp_path / "new") == (
        "figures.json: differs from the archived copy, first at line 3, column 1: "
        "archived (end of file), re-rendered 'more'"
    )


def test_an_archive_without_frozen_inputs_needs_the_data_folder(tmp_path):
    record = {"parameters": {"data_dir": "/boards/ours"}}
    with pytest.raises(NothingToVerify) as raised:
        data_source(tmp_path / "2026-05-12", record, None)
    assert raised.value.message() == (
        f"{tmp_path / '2026-05-12'} has no frozen inputs (it was rendered before they were "
        "kept): give the data folder to re-render it from with --data DIR (it was rendered "
        "from /boards/ours)"
    )
    assert data_source(tmp_path / "2026-05-12", record, tmp_path / "data") == (
        tmp_path / "data",
        f"re-rendered from the data folder {tmp_path / 'data'} (the archive has no frozen inputs)",
    )


def test_frozen_inputs_are_used_whenever_the_archive_has_them(tmp_path):
    (tmp_path / "2026-05-12" / "inputs").mkdir(parents=True)
    frozen = tmp_path / "2026-05-12" / "inputs"
    assert data_source(tmp_path / "2026-05-12", {}, tmp_path / "data") == (
        frozen,
        f"re-rendered from the frozen inputs in {frozen}",
    )


def test_a_refusal_comes_before_the_re_renders_heavy_imports(tmp_path):
    """An archive without frozen inputs and no --data refuses before pandas or nbconvert load:
    the analyst hears at once, instead of after the imports a re-render needs."""
    import json
    import subprocess
    import sys

    folder = tmp_path / "2026-05-12"
    folder.mkdir()
    record = {
        "parameters": {"meeting_date": "2026-05-12", "data_dir": "data"},
        "inputs": [],
        "outputs": {},
        "environment": {},
    }
    (folder / "run.json").write_text(json.dumps(record), encoding="utf-8", newline="\n")
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from boardbrief.errors import NothingToVerify\n"
        "from boardbrief.publish.verify import verify_meeting\n"
        "try:\n"
        f"    verify_meeting(Path({str(tmp_path)!r}), '2026-05-12')\n"
        "except NothingToVerify as error:\n"
        "    print(error.message())\n"
        "print(sorted({'pandas', 'nbconvert', 'papermill'} & set(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    said, loaded = result.stdout.splitlines()
    assert said.endswith(
        "has no frozen inputs (it was rendered before they were kept): give the "
        "data folder to re-render it from with --data DIR (it was rendered from data)"
    )
    assert loaded == "[]"
