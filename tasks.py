"""The README's two commands without make, on Windows, macOS and Linux: only Python is needed.

    python tasks.py briefing   # as `make briefing`: render the latest sample meeting
    python tasks.py test       # as `make test`: the whole suite
    python tasks.py setup      # only create .venv and install into it

Like make, it creates `.venv` on first use, installs `requirements.lock` and this package
(editable) into it, registers the `boardbrief` Jupyter kernel, and does so again only when
`requirements.lock` or `pyproject.toml` changed. With `--here` it uses the Python running it
instead (a conda environment made from environment.yml): the package is installed without its
dependencies, which conda provides, and the kernel is registered in that environment.
The browser tests' tools (npm, Chromium, Java) are not installed: those tests say what is missing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parent
VENV = REPO / ".venv"
STAMP_NAME = ".boardbrief-installed"
INPUTS = (REPO / "requirements.lock", REPO / "pyproject.toml")
KERNEL = "boardbrief"
PARALLEL = ["-n", "auto", "--dist", "loadfile"]  # as the Makefile's PARALLEL


def venv_python() -> Path:
    """The environment's interpreter: Scripts\\python.exe on Windows, bin/python elsewhere."""
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def run(*command: object, env: dict[str, str] | None = None) -> None:
    """Run a command from the checkout; stop with its exit code if it fails."""
    result = subprocess.run([str(part) for part in command], cwd=REPO, env=env, check=False)
    if result.returncode != 0:
        sys.exit(result.returncode)


def setup(here: bool) -> Path:
    """Install into .venv (or, with `here`, into the running environment); return its Python."""
    if sys.version_info < (3, 11):  # noqa: UP036 - run by whatever Python the user has
        sys.exit(f"boardbrief needs Python 3.11 or newer (this is {sys.version.split()[0]})")
    python = Path(sys.executable) if here else venv_python()
    stamp = Path(sys.prefix if here else VENV) / STAMP_NAME
    newest_input = max(path.stat().st_mtime for path in INPUTS)
    if stamp.is_file() and stamp.stat().st_mtime >= newest_input:
        return python
    pip = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    if here:
        print(f"Installing boardbrief into {sys.prefix} ...", file=sys.stderr)
    else:
        if not python.is_file():
            venv.create(VENV, with_pip=True)
        print(f"Installing the locked environment into {VENV} ...", file=sys.stderr)
        run(*pip, "-r", "requirements.lock")
    run(*pip, "--no-deps", *(["--no-build-isolation"] if here else []), "-e", ".")
    run(python, "-m", "ipykernel", "install", "--sys-prefix", "--name", KERNEL,
        "--display-name", "Python (boardbrief)")  # fmt: skip
    stamp.touch()
    return python


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("task", choices=["setup", "briefing", "test"])
    parser.add_argument("--here", action="store_true", help="use this Python, not .venv")
    args, rest = parser.parse_known_args(argv)
    python = setup(args.here)
    if args.task == "briefing":
        run(python, "-m", "boardbrief", "render", *rest)
    elif args.task == "test":
        run(python, "-m", "pytest", *PARALLEL, *rest)


if __name__ == "__main__":
    main()
