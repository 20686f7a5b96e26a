"""The README's Windows route without make, run on this machine in the same form.

Slow (a fresh environment is installed from requirements.lock by pip, several minutes), so it is
kept out of `make test` and run by `make test-install`, which CI runs after `make test`.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(
    os.environ.get("BOARDBRIEF_TEST_INSTALL") != "1",
    reason="installs a fresh environment (minutes): run by make test-install, and in CI",
)


def readme_block(heading: str, language: str) -> list[str]:
    """The commands of the first `language` code block after `heading` in the README."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    after = text[text.index(heading) :]
    block = re.search(rf"```{language}\n(.*?)```", after, re.DOTALL)
    assert block, f"no {language} block after {heading}"
    return [line for line in block.group(1).splitlines() if line.strip()]


def as_here(line: str, python: str) -> list[str]:
    """A PowerShell line of the README as it reads on Linux: the same command, POSIX paths."""
    line = line.replace(".venv\\Scripts\\python", ".venv/bin/python").replace("py -3", python)
    return shlex.split(line)


def test_windows_readme_route_from_a_fresh_copy_renders_the_briefing(tmp_path):
    copy = tmp_path / "boardbrief"
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True
    ).stdout.split(b"\0")
    for name in filter(None, (t.decode() for t in tracked)):
        if (REPO / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, copy / name)
    commands = readme_block("### Windows (PowerShell), step by step", "powershell")
    assert commands[-1] == ".venv\\Scripts\\python -m pytest"  # not run here: it is this suite
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    for line in commands[:-1]:
        result = subprocess.run(
            as_here(line, sys.executable), cwd=copy, capture_output=True, text=True, env=env
        )
        assert result.returncode == 0, f"{line}\n{result.stdout}\n{result.stderr}"
    briefing = Path(result.stdout.strip().splitlines()[-1])
    assert briefing == (copy / "briefings" / briefing.parent.name / "briefing.html").resolve()
    assert briefing.is_file()
