"""The three dependency lists stay in step: pyproject.toml, environment.yml, requirements.lock."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
IGNORED_CONDA = {"python", "pip", "setuptools"}  # setuptools: pyproject's build backend


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject() -> dict[str, str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["dev"]
    return {_name(r): r.replace(" ", "") for r in requirements}


def test_environment_yml_names_the_same_packages_and_bounds_as_pyproject():
    environment = yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))
    conda = {
        _name(d): d.replace(" ", "")
        for d in environment["dependencies"]
        if isinstance(d, str) and _name(d) not in IGNORED_CONDA
    }
    assert conda == _pyproject()


def test_requirements_lock_pins_every_dependency_exactly():
    lines = (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines()
    pins = [line for line in lines if line and not line.startswith("#")]
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[^=\s]+", line) for line in pins), pins
    locked = {_name(line) for line in pins}
    assert set(_pyproject()) <= locked


# Lower bounds the code really needs, each with the reason: an older version installs and fails.
NEEDED = {
    "pandera": ("0.24", "pandera.pandas"),  # the pandas API moved to pandera.pandas in 0.24
}


def test_lower_bounds_are_the_versions_the_code_needs():
    package = REPO / "lib" / "boardbrief"
    for name, (version, used) in NEEDED.items():
        assert _pyproject()[name] == f"{name}>={version}"
        assert any(used in path.read_text(encoding="utf-8") for path in package.rglob("*.py"))
