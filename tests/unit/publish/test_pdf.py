"""Finding the browser to print with on Windows, macOS and Linux, and stopping it on each."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from boardbrief.errors import PdfError
from boardbrief.publish import pdf
from boardbrief.publish.pdf import (
    CHROMIUM_ENV,
    chromium_version,
    find_chromium,
    install_hint,
    installed_browsers,
    require_chromium,
)


def _program(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    return path


@pytest.fixture
def nothing_on_path(monkeypatch):
    monkeypatch.delenv(CHROMIUM_ENV, raising=False)
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)


@pytest.fixture
def windows(tmp_path, monkeypatch, nothing_on_path) -> dict[str, Path]:
    """A Windows laptop's folders under tmp_path, named by their environment variables."""
    folders = {
        "PROGRAMFILES": tmp_path / "Program Files",
        "PROGRAMFILES(X86)": tmp_path / "Program Files (x86)",
        "LOCALAPPDATA": tmp_path / "Users" / "analyst" / "AppData" / "Local",
    }
    for name, folder in folders.items():
        folder.mkdir(parents=True)
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setattr(sys, "platform", "win32")
    return folders


@pytest.fixture
def macos(tmp_path, monkeypatch, nothing_on_path) -> dict[str, Path]:
    """A Mac's system and user Applications folders under tmp_path."""
    system, home = tmp_path / "Applications", tmp_path / "Users" / "analyst"
    (home / "Applications").mkdir(parents=True)
    system.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setattr(pdf, "MACOS_FOLDERS", (str(system), "~/Applications"))
    monkeypatch.setattr(sys, "platform", "darwin")
    return {"system": system, "user": home / "Applications"}


def test_find_chromium_on_windows_finds_chrome_installed_for_the_user_alone(windows):
    assert find_chromium() is None
    chrome = _program(windows["LOCALAPPDATA"] / "Google" / "Chrome" / "Application" / "chrome.exe")
    assert find_chromium() == str(chrome)


def test_find_chromium_on_windows_prefers_program_files_and_finds_edge(windows):
    _program(windows["LOCALAPPDATA"] / "Google" / "Chrome" / "Application" / "chrome.exe")
    edge = _program(
        windows["PROGRAMFILES(X86)"] / "Microsoft" / "Edge" / "Application" / "msedge.exe"
    )
    assert find_chromium() == str(edge)
    chrome = _program(windows["PROGRAMFILES"] / "Google" / "Chrome" / "Application" / "chrome.exe")
    assert find_chromium() == str(chrome)


def test_find_chromium_on_windows_skips_unset_folders_and_folders_named_like_programs(
    windows, monkeypatch
):
    monkeypatch.delenv("PROGRAMFILES(X86)")
    (windows["PROGRAMFILES"] / "Microsoft" / "Edge" / "Application" / "msedge.exe").mkdir(
        parents=True
    )
    assert find_chromium() is None
    assert len(installed_browsers()) == 6  # two folders, three browsers each


def test_find_chromium_on_macos_looks_in_both_applications_folders(macos):
    assert find_chromium() is None
    user_chrome = _program(
        macos["user"] / "Google Chrome.app" / "Contents" / "MacOS" / "Google Chrome"
    )
    assert find_chromium() == str(user_chrome)
    edge = _program(
        macos["system"] / "Microsoft Edge.app" / "Contents" / "MacOS" / "Microsoft Edge"
    )
    assert find_chromium() == str(edge)  # the system's folder first


def test_find_chromium_prefers_the_path_and_the_setting(windows, monkeypatch, tmp_path):
    _program(windows["PROGRAMFILES"] / "Google" / "Chrome" / "Application" / "chrome.exe")
    monkeypatch.setattr(pdf.shutil, "which", lambda name: f"/found/{name}")
    assert find_chromium() == "/found/chromium"
    monkeypatch.setenv(CHROMIUM_ENV, "my-browser")
    assert find_chromium() == "/found/my-browser"


def test_installed_browsers_on_linux_is_the_path_alone(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    assert installed_browsers() == []


@pytest.mark.parametrize(
    ("platform", "said", "not_said"),
    [
        ("win32", "repair Microsoft Edge (it comes with Windows)", "apt-get"),
        ("darwin", "install Google Chrome in Applications", "apt-get"),
        ("linux", "Debian: `sudo apt-get install chromium`", "Windows"),
    ],
)
def test_install_hint_fits_the_platform(monkeypatch, nothing_on_path, platform, said, not_said):
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(pdf, "installed_browsers", lambda: [])
    with pytest.raises(PdfError) as raised:
        require_chromium()
    assert raised.value.message() == install_hint()
    assert said in install_hint()
    assert not_said not in install_hint()
    assert f"set {CHROMIUM_ENV} to the browser's path" in install_hint()


def test_chromium_version_on_windows_reads_the_version_folder_and_runs_nothing(
    windows, monkeypatch
):
    application = windows["PROGRAMFILES"] / "Google" / "Chrome" / "Application"
    chrome = _program(application / "chrome.exe")
    for version in ("119.0.6045.200", "120.0.6099.130", "SetupMetrics"):
        (application / version).mkdir()

    def no_run(*args, **kwargs):
        raise AssertionError("chrome --version opens a window on Windows")

    monkeypatch.setattr(pdf.subprocess, "run", no_run)
    assert chromium_version(str(chrome)) == "chrome 120.0.6099.130"
    assert chromium_version(str(windows["LOCALAPPDATA"] / "msedge.exe")) is None


def _stubborn() -> subprocess.Popen:
    """A process that ignores being asked to stop, as a hung browser may."""
    code = (
        "import signal, sys, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
        "print('ready', flush=True); time.sleep(60)"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    assert process.stdout.readline() == "ready\n"
    return process


def test_stop_terminates_then_kills_the_process_group():
    process = _stubborn()
    started = time.monotonic()
    pdf._stop(process, grace=0.5)
    assert process.returncode == -9
    assert time.monotonic() - started < 10


def test_stop_without_process_groups_terminates_then_kills_the_process(monkeypatch):
    process = _stubborn()
    monkeypatch.delattr(os, "killpg")  # as on Windows
    pdf._stop(process, grace=0.5)
    assert process.returncode == -9
