"""The browser tests' tools: Chromium driven by tests/browser/check.mjs, and the Nu Html Checker.

`make test` installs them (Debian's chromium and a Java runtime when missing and run as root,
then tests/browser/node_modules from its package-lock.json). Where one is still missing, the tests
that need it are skipped with the reason and the command that installs it; under CI=true a
missing tool fails them instead, so CI can never pass by skipping.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from boardbrief.publish.pdf import find_chromium

REPO = Path(__file__).resolve().parents[2]
BROWSER = REPO / "tests" / "browser"
CHECK = BROWSER / "check.mjs"
NODE_MODULES = BROWSER / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The same browser `render --pdf` would use (BOARDBRIEF_CHROMIUM, else chromium on PATH).
CHROMIUM = Path(find_chromium() or os.environ.get("BOARDBRIEF_CHROMIUM") or "/usr/bin/chromium")
NPM_CI = "cd tests/browser && npm ci --no-audit --no-fund --ignore-scripts"
APT = "apt-get update && apt-get install -y --no-install-recommends"
LOCAL_SCHEMES = ("file:", "data:")
# vnu needs a deep stack for the HTML schema; a quick-starting compiler halves a one-file check.
JAVA_OPTIONS = ("-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")


def missing_for_chromium() -> list[str]:
    """What check.mjs needs and cannot find, each with the command that installs it."""
    missing = []
    if shutil.which("node") is None:
        missing.append(f"node (Node.js 20 or newer): {APT} nodejs npm")
    if not os.access(CHROMIUM, os.X_OK):
        missing.append(
            f"Chromium at {CHROMIUM}: {APT} chromium (or set BOARDBRIEF_CHROMIUM to a Chromium)"
        )
    for package, entry in (("playwright-core", "package.json"), ("axe-core", "axe.min.js")):
        if not (NODE_MODULES / package / entry).is_file():
            missing.append(f"{package} in tests/browser/node_modules: {NPM_CI}")
    return missing


def missing_for_vnu() -> list[str]:
    """What the Nu Html Checker needs and cannot find, each with the command that installs it."""
    missing = []
    if shutil.which("java") is None:
        missing.append(f"java (a Java runtime for vnu.jar): {APT} default-jre-headless")
    if not VNU_JAR.is_file():
        missing.append(f"vnu-jar in tests/browser/node_modules: {NPM_CI}")
    return missing


def require(missing: list[str]) -> None:
    """Skip the test, naming each missing tool and its install command; under CI=true, fail it.

    Raises
    ------
    pytest.skip.Exception, pytest.fail.Exception
    """
    if not missing:
        return
    message = (
        "BROWSER TESTS NOT RUN: missing " + "; ".join(missing) + ". `make test` installs these "
        "when run as root with apt-get and npm."
    )
    if os.environ.get("CI", "").lower() in ("true", "1"):
        pytest.fail(f"{message} Under CI a missing tool is a failure.", pytrace=False)
    pytest.skip(message)


def open_in_chromium(
    html: Path, screenshots: Path | None = None, *, axe: bool = True
) -> dict[str, Any]:
    """Everything check.mjs saw when it opened `html` in headless Chromium (see its header).

    Parameters
    ----------
    html
        The file to open, as a file:// URL.
    screenshots
        Where to write full-page PNGs at phone and laptop widths; none when not given.
    axe
        Whether to run axe-core (at both widths; about half of the time the check takes).

    Returns
    -------
    dict
        `withJavaScript` (requests, console, dialogs, pageErrors, scriptsParsed, probe, text,
        axe, screenshots) and `withoutJavaScript` (requests, h1, h2, visibleHeadings).
    """
    command = ["node", str(CHECK), "--html", str(html.resolve()), "--chromium", str(CHROMIUM)]
    if screenshots is not None:
        command += ["--screenshots", str(screenshots.resolve())]
    if not axe:
        command.append("--no-axe")
    result = subprocess.run(
        command, cwd=BROWSER, capture_output=True, text=True, timeout=180, check=False
    )
    assert result.returncode == 0, f"check.mjs failed on {html}:\n{result.stderr}"
    return json.loads(result.stdout)


def open_pages_in_chromium(pages: list[Path]) -> dict[str, dict[str, Any]]:
    """What check.mjs saw of each page (as `open_in_chromium`, axe on, no screenshots), by the
    page's path: one browser launched for them all, each page in its own fresh contexts."""
    command = ["node", str(CHECK), "--chromium", str(CHROMIUM)]
    for page in pages:
        command += ["--html", str(page.resolve())]
    result = subprocess.run(
        command, cwd=BROWSER, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, f"check.mjs failed on {pages}:\n{result.stderr}"
    reports = json.loads(result.stdout)
    if len(pages) == 1:
        reports = [reports]
    assert [report["url"] for report in reports] == [page.resolve().as_uri() for page in pages]
    return {str(page): report for page, report in zip(pages, reports, strict=True)}


def validate_html(html: Path) -> list[dict[str, Any]]:
    """The Nu Html Checker's errors for one file (warnings left out)."""
    return validate_pages([html])[str(html)]


def validate_pages(pages: list[Path]) -> dict[str, list[dict[str, Any]]]:
    """The Nu Html Checker's errors (warnings left out) for several files from one run of it,
    by each file's path.

    Starting Java costs more than checking a page: one run for many pages saves seconds each.
    """
    result = subprocess.run(
        ["java", *JAVA_OPTIONS, "-jar", str(VNU_JAR), "--format", "json", "--errors-only"]
        + [str(page) for page in pages],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    # vnu exits 1 when it found errors; its JSON report goes to stderr.
    try:
        messages = json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu.jar did not report on {pages}:\n{result.stderr}", pytrace=False)
    by_page: dict[str, list[dict[str, Any]]] = {str(page): [] for page in pages}
    named = {str(page.resolve()): str(page) for page in pages}  # vnu names the full path
    for message in messages:
        page = named.get(str(Path(unquote(message.get("url", "").removeprefix("file:")))))
        # a message about no page given (or the checker itself) is every page's
        for errors in [by_page[page]] if page else by_page.values():
            errors.append(message)
    return by_page


def describe_vnu(messages: list[dict[str, Any]]) -> str:
    """One line per vnu message: line, column, message and the source around it."""
    return "\n".join(
        f"line {m.get('lastLine', '?')}, column {m.get('firstColumn', '?')}: {m['message']}"
        f"\n    {m.get('extract', '').strip()!r}"
        for m in messages
    )


def describe_axe(violations: list[dict[str, Any]]) -> str:
    """One paragraph per axe violation: rule, impact, help and each offending element."""
    lines = []
    for rule in violations:
        widths = " and ".join(rule.get("widths", []))
        lines.append(
            f"{rule['id']} ({rule['impact']}, at {widths} width): {rule['help']} <{rule['helpUrl']}>"
        )
        lines += [f"    {' '.join(node['target'])}: {node['html'][:160]}" for node in rule["nodes"]]
    return "\n".join(lines)


def outside_requests(report: dict[str, Any]) -> list[str]:
    """Every request, web socket or popup, with or without JavaScript, not to a file: or data: URL."""
    seen = []
    for run in (report["withJavaScript"], report["withoutJavaScript"]):
        seen += [url for url in run["requests"] if not url.startswith(LOCAL_SCHEMES)]
        seen += run["websockets"]
    return seen


def signs_of_script(report: dict[str, Any]) -> list[str]:
    """Every trace that the page ran a script of its own, or carries one; empty for a clean page."""
    run = report["withJavaScript"]
    probe = run["probe"]
    signs = [f"script compiled in the page: {script}" for script in run["scriptsParsed"]]
    signs += [f"dialog: {dialog}" for dialog in run["dialogs"]]
    signs += [f"page error: {error}" for error in run["pageErrors"]]
    signs += [f"console {entry['type']}: {entry['text']}" for entry in run["console"]]
    if probe["pwned"] is not None:
        signs.append(f"window.__pwned is {probe['pwned']!r}")
    if "pwned" in probe["title"]:
        signs.append(f"document.title is {probe['title']!r}")
    if probe["scriptElements"]:
        signs.append(f"{probe['scriptElements']} <script> elements")
    signs += [f"event handler {handler}" for handler in probe["handlerAttributes"]]
    signs += [f"script URL {url}" for url in probe["scriptUrls"]]
    return signs


class _ActiveContent(HTMLParser):
    """Collects, from the HTML as written, every tag or attribute that could run or fetch."""

    ACTIVE_TAGS = frozenset({"script", "iframe", "frame", "object", "embed", "applet", "base"})
    FETCHED = frozenset({"src", "srcset", "poster", "background", "xlink:href"})  # with the page
    FOLLOWED = frozenset({"href", "action", "formaction"})  # when a reader follows them
    SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        where = f"line {self.getpos()[0]}"
        fetched = self.FETCHED | {"href"} if tag == "link" else self.FETCHED  # stylesheets, icons
        if tag in self.ACTIVE_TAGS:
            self.found.append(f"<{tag}> at {where}")
        for name, raw in attrs:
            value = "".join((raw or "").split()).lower()  # browsers ignore spaces in schemes
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...> at {where}")
            elif (name in fetched and not value.startswith("data:image/")) or (
                name in self.FOLLOWED and value.startswith(self.SCRIPT_SCHEMES)
            ):
                self.found.append(f"<{tag} {name}={value[:60]!r}> at {where}")
            elif name == "http-equiv" and value == "refresh":
                self.found.append(f"<meta http-equiv=refresh> at {where}")


def active_content(html: str) -> list[str]:
    """Scripts, frames, event handlers, script URLs and anything fetched but data: images."""
    parser = _ActiveContent()
    parser.feed(html)
    parser.close()
    return parser.found
