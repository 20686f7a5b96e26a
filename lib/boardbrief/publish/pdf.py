"""Printing a briefing to a board-pack PDF with headless Chromium and the briefing's print styles.

The PDF is a print of `briefing.html`, made by the browser a board member would use: A4, each
section on a new page, nothing cut across pages. Chromium stamps the time and its own ids into a
PDF, so unlike the HTML it is not the same bytes twice; the run record gives its fingerprint.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from boardbrief.errors import PdfError

CHROMIUM_ENV = "BOARDBRIEF_CHROMIUM"  # an explicit browser path wins over the usual names
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Where the installers put the browsers, which are seldom on PATH outside Linux. macOS: in the
# system's and the user's Applications folder (the second when installed without admin rights).
MACOS_FOLDERS = ("/Applications", "~/Applications")
MACOS_APPS = (
    ("Chromium.app", "Contents", "MacOS", "Chromium"),
    ("Google Chrome.app", "Contents", "MacOS", "Google Chrome"),
    ("Microsoft Edge.app", "Contents", "MacOS", "Microsoft Edge"),
)
# Windows: under Program Files (64- and 32-bit), or the user's own %LOCALAPPDATA% (Chrome
# installed without admin rights). Edge comes with Windows.
WINDOWS_FOLDERS = ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA")  # environment variables
WINDOWS_APPS = (
    ("Google", "Chrome", "Application", "chrome.exe"),
    ("Microsoft", "Edge", "Application", "msedge.exe"),
    ("Chromium", "Application", "chrome.exe"),
)
PRINT_TIMEOUT = 180  # seconds; the sample briefing prints in about three
STOP_GRACE = 5  # seconds a browser is given to stop when asked, before it is killed
INSTALL_WHERE = {
    "win32": "install Google Chrome, or repair Microsoft Edge (it comes with Windows)",
    "darwin": "install Google Chrome in Applications",
    "linux": "Debian: `sudo apt-get install chromium`; Ubuntu: `sudo snap install chromium`",
}
# Headless, offline and quiet: no first-run work, no background calls to Google's hosts.
CHROMIUM_FLAGS = (
    "--headless",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-pdf-header-footer",
)


def find_chromium() -> str | None:
    """The Chromium (or Chrome) to print with, or None when there is none."""
    explicit = os.environ.get(CHROMIUM_ENV)
    if explicit:
        return shutil.which(explicit)  # a path or a command name; None if it does not run
    found = (shutil.which(name) for name in CHROMIUM_NAMES)
    return next((path for path in found if path), None) or next(
        (str(path) for path in installed_browsers() if path.is_file()), None
    )


def installed_browsers() -> list[Path]:
    """Where Chrome, Edge or Chromium are installed on this platform, in order of preference."""
    if sys.platform == "win32":
        folders = [os.environ.get(name) for name in WINDOWS_FOLDERS]
        return [Path(folder, *app) for folder in folders if folder for app in WINDOWS_APPS]
    if sys.platform == "darwin":
        folders = [Path(folder).expanduser() for folder in MACOS_FOLDERS]
        return [Path(folder, *app) for folder in folders for app in MACOS_APPS]
    return []


def install_hint() -> str:
    """How to get a browser to print with, on this platform."""
    where = INSTALL_WHERE.get(sys.platform, INSTALL_WHERE["linux"])
    return (
        "`boardbrief render --pdf` prints with headless Chromium, Chrome or Edge, and none was "
        f"found. Install one ({where}) or set {CHROMIUM_ENV} to the browser's path. The HTML "
        "briefing needs no browser to be made."
    )


def require_chromium() -> str:
    """The browser's path, or a PdfError saying how to install one (checked before rendering)."""
    browser = find_chromium()
    if browser is not None:
        return browser
    explicit = os.environ.get(CHROMIUM_ENV)
    if explicit:
        raise PdfError(
            f"{CHROMIUM_ENV} is set to {explicit!r}, which is not a browser that can be run; "
            "set it to the path of Chromium or Chrome, or unset it to look for one"
        )
    raise PdfError(install_hint())


def print_pdf(html: Path, pdf: Path, browser: str, timeout: int = PRINT_TIMEOUT) -> None:
    """Print `html` to `pdf` with the page's own print stylesheet (A4, breaks, link targets)."""
    flags = list(CHROMIUM_FLAGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags.append("--no-sandbox")  # Chromium refuses to start its sandbox as root
    with tempfile.TemporaryDirectory(
        prefix="boardbrief-chromium-", ignore_cleanup_errors=True
    ) as profile:
        command = [
            browser,
            *flags,
            f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf}",
            html.resolve().as_uri(),
        ]
        try:
            process = subprocess.Popen(
                command,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                start_new_session=True,  # its helper processes can be stopped together
            )
        except OSError as error:
            raise PdfError(f"Chromium at {browser} could not be started: {error}") from None
        try:
            _, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _stop(process)
            raise PdfError(
                f"Chromium took more than {timeout} seconds to print the briefing"
            ) from None
        except BaseException:  # Ctrl-C: no browser is left behind
            _stop(process)
            raise
    if process.returncode != 0 or not _is_pdf(pdf):
        last = (stderr.strip().splitlines() or ["no message"])[-1]
        raise PdfError(f"Chromium could not print {html.name} (exit {process.returncode}): {last}")


def chromium_version(browser: str) -> str | None:
    """What the browser says its version is, for the run record.

    On Windows `chrome --version` opens a browser window rather than answering: the version is
    read from the name of the folder the installer keeps beside the program instead.
    """
    if sys.platform == "win32":
        versions = [
            folder.name
            for folder in Path(browser).parent.glob("*.*.*.*")
            if folder.is_dir() and folder.name.replace(".", "").isdigit()
        ]
        newest = max(versions, key=lambda name: tuple(map(int, name.split("."))), default=None)
        return f"{Path(browser).stem} {newest}" if newest else None
    try:
        result = subprocess.run(
            [browser, "--version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.strip() or None


def _stop(process: subprocess.Popen, grace: float = STOP_GRACE) -> None:
    """Stop the browser: ask, then kill, and reap it.

    Where there are process groups (not on Windows) the signals go to the browser's whole group,
    its helper processes too; elsewhere to the browser, which takes its helpers down with it.
    """
    _signal(process, kill=False)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.communicate(timeout=grace)
    _signal(process, kill=True)  # also the helpers that stayed
    process.communicate()


def _signal(process: subprocess.Popen, kill: bool) -> None:
    """Terminate or kill the browser's process group, or on Windows the browser itself."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL if kill else signal.SIGTERM)
        elif kill:
            process.kill()
        else:
            process.terminate()


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(5) == b"%PDF-"
    except OSError:
        return False
