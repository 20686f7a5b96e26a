"""The three dependency lists stay in step: pyproject.toml, environment.yml, requirements.lock."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.markers import Marker, default_environment

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


PLATFORMS = {  # the environments requirements.lock must serve: council laptops first
    "Windows": {"sys_platform": "win32", "os_name": "nt", "platform_system": "Windows"},
    "macOS": {"sys_platform": "darwin", "os_name": "posix", "platform_system": "Darwin"},
    "Linux": {"sys_platform": "linux", "os_name": "posix", "platform_system": "Linux"},
}


def _lock_pins() -> list[tuple[str, str, str]]:
    """(name, version, marker) of every pin; the marker is "" where the pin holds everywhere."""
    lines = (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines()
    pins = []
    for line in (line for line in lines if line and not line.startswith("#")):
        match = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([^=\s;]+)(?: ; (.+))?", line)
        assert match, f"requirements.lock: not an exact pin: {line!r}"
        pins.append((_name(match[1]), match[2], match[3] or ""))
    return pins


@pytest.mark.parametrize("python", ["3.11", "3.12", "3.13"])
@pytest.mark.parametrize("platform", PLATFORMS)
def test_requirements_lock_pins_every_dependency_once_on_each_platform(platform, python):
    environment = default_environment() | PLATFORMS[platform]
    environment |= {"python_version": python, "python_full_version": f"{python}.0"}
    chosen: dict[str, list[str]] = {}
    for name, version, marker in _lock_pins():
        if not marker or Marker(marker).evaluate(environment):
            chosen.setdefault(name, []).append(version)
    assert {name: v for name, v in chosen.items() if len(v) > 1} == {}
    assert set(_pyproject()) <= set(chosen)


def test_requirements_lock_carries_the_packages_only_windows_needs():
    # A Linux `pip freeze` would miss these: Jupyter's terminals and coloured output on Windows.
    windows_only = {name for name, _, marker in _lock_pins() if "win32" in marker or "nt" in marker}
    assert {"pywinpty", "colorama"} <= windows_only


# Lower bounds the code really needs, each with the reason. Found by running the suite against the
# lowest versions pyproject.toml allowed (uv pip compile --resolution lowest-direct): with the
# version below each bound, tests fail.
NEEDED = {
    # the pandas API moved to pandera.pandas in 0.24
    "pandera": "0.24",
    # pandas 2.2: integer columns with gaps fail ("cannot convert float NaN to integer") and
    # FutureWarnings about 3.0's behaviour are raised from our code
    "pandas": "3.0",
    # matplotlib 3.9: the charts' SVG clip-path ids change from run to run (same data, other bytes)
    "matplotlib": "3.10",
    # ruff 0.6 formats and lints this code differently; the house style is the locked ruff's
    "ruff": "0.17",
}


def test_lower_bounds_are_the_versions_the_code_needs():
    bounds = {name: _pyproject()[name] for name in NEEDED}
    assert bounds == {name: f"{name}>={version}" for name, version in NEEDED.items()}


def test_pandera_bound_is_the_release_that_has_the_api_the_code_imports():
    package = REPO / "lib" / "boardbrief"
    assert any("pandera.pandas" in p.read_text(encoding="utf-8") for p in package.rglob("*.py"))
