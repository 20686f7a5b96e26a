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
import tempfile
from pathlib import Path

from boardbrief.errors import PdfError

CHROMIUM_ENV = "BOARDBRIEF_CHROMIUM"  # an explicit browser path wins over the usual names
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
MACOS_APPS = (
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
)
PRINT_TIMEOUT = 180  # seconds; the sample briefing prints in about three
INSTALL_HINT = (
    "`boardbrief render --pdf` prints with headless Chromium, which was not found. Install it "
    "(Debian: `sudo apt-get install chromium`; Ubuntu: `sudo snap install chromium`; macOS: "
    "install Google Chrome in /Applications) or set "
    f"{CHROMIUM_ENV} to the browser's path. The HTML briefing needs no browser to be made."
)
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
        (path for path in MACOS_APPS if Path(path).is_file()), None
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
    raise PdfError(INSTALL_HINT)


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
    """What the browser says its version is, for the run record."""
    try:
        result = subprocess.run(
            [browser, "--version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.strip() or None


def _stop(process: subprocess.Popen) -> None:
    """Kill the browser and every helper process it started, then reap it."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(5) == b"%PDF-"
    except OSError:
        return False
