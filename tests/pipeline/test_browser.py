"""The briefing as a browser sees it: accessible, valid, offline, readable, and never running script.

Real tools, installed by `make test`: headless Chromium driven by playwright-core (through
tests/browser/check.mjs), axe-core for WCAG 2.2 AA, and the Nu Html Checker (vnu.jar). A hostile
corpus, markup and script in every free-text field, is rendered through the real command and
opened with JavaScript on. The last test proves every check can fail.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import struct
from pathlib import Path
from typing import Any

import pytest

from boardbrief.contract.columns import FEEDBACK_COLUMNS
from tests.conftest import NORTHSHIRE
from tests.pipeline.browser import (
    active_content,
    describe_axe,
    describe_vnu,
    missing_for_chromium,
    missing_for_vnu,
    open_in_chromium,
    open_pages_in_chromium,
    outside_requests,
    require,
    signs_of_script,
    validate_html,
    validate_pages,
)
from tests.pipeline.conftest import made_once, render_once

pytestmark = pytest.mark.pipeline

# What a hostile data file may hold. Each must reach the reader as the very text written.
SCRIPT = "<script>window.__pwned = 1; document.title = 'pwned'</script>"
IMG = "<img src=x onerror=\"window.__pwned = 2; alert('onerror')\">"
SVG = "<svg onload=alert('svg')>"
BREAKOUT = 'Northshire Council "><script>window.__pwned = 3</script>'
LINK = "[see the plan](javascript:window.__pwned=4)"
ENTITIES = "&lt;script&gt;alert('entity')&lt;/script&gt;"
BIDI = "invoice\u202egnp.exe"
ZERO_WIDTH = "<scr\u200bipt>alert('zero width')</scr\u200bipt>"
TEMPLATE = "{{ 7 * 7 }} {% raw %}"
STYLE = "</style></title><script>alert('style')</script>"
FILLER = "It has been a long year for our family and nobody seems to know what comes next for us."

# Consented comments in the meeting's period, two for each theme and near the ideal quote length,
# so that they, not the fixture's own, are the quotes chosen.
HOSTILE_COMMENTS = {
    "H-1": f"We waited months. {SCRIPT} {FILLER}",
    "H-2": f"The assessment {IMG} {FILLER}",
    "H-3": f"Nobody says who to ask {ENTITIES} {FILLER}",
    "H-4": f"I never know who to ask {LINK} {FILLER}",
    "H-5": f"The travel is hard {BIDI} {ZERO_WIDTH} {FILLER}",
    "H-6": f"School transport {SVG} {FILLER}",
    "H-7": f"The nurse was brilliant {TEMPLATE} {FILLER}",
    "H-8": f"The forum helped us {STYLE} {FILLER}",
}
# Markdown with raw HTML switched off: tags are text, entities become the characters they name,
# and a javascript: link is not a link.
COMMENTARY = f"""---
overall_rag: amber
---
# Heading {SCRIPT}

{SCRIPT}

{IMG}

{LINK} and <javascript:alert('autolink')>

{ENTITIES}

{BIDI} {ZERO_WIDTH}

{TEMPLATE} {STYLE}
"""
COMMENTARY_SHOWS = [
    f"Heading {SCRIPT}",
    IMG,
    f"{LINK} and <javascript:alert('autolink')>",
    "<script>alert('entity')</script>",
    f"{BIDI} {ZERO_WIDTH}",
    f"{TEMPLATE} {STYLE}",
]
BOARD = f"Northshire {SVG} Board"
MEASURE = f"Assessments on time {SCRIPT}"
MEASURE_NOTE = f"Backlog {IMG} {BIDI}"


def write_hostile_corpus(data: Path) -> list[str]:
    """Put hostile text in every free-text field of a Northshire copy; return what must show."""
    board = data / "board.yml"
    text = board.read_text(encoding="utf-8")
    for old, new in (
        ("board: Northshire SEND Improvement Board", f"board: {json.dumps(BOARD)}"),
        ("name: Northshire Council,", f"name: {json.dumps(BREAKOUT)},"),
        ("name: Northshire College,", f"name: {json.dumps(SVG + ' College')},"),
    ):
        assert old in text, old
        text = text.replace(old, new)
    # The payloads' words are no one's names: listed, the hostile comments are quoted (and so
    # their escaping is tested) instead of being withheld as possibly naming someone.
    words = sorted({w for c in HOSTILE_COMMENTS.values() for w in re.findall(r"[^\W\d_]+", c)})
    text += f"not_names: {json.dumps(words)}\n"
    board.write_text(text, encoding="utf-8")
    _edit_rows(
        data / "actions" / "2026-05-05.csv",
        {
            "W1": {"title": f"Cut the backlog {SCRIPT}"},
            "P1": {"title": IMG},
            "V2": {"title": TEMPLATE, "commentary": f"{ENTITIES} {BIDI}"},
        },
    )
    _edit_rows(data / "funding" / "2026-05-01.csv", {"L3": {"description": STYLE}})
    with (data / "feedback" / "hostile.csv").open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(FEEDBACK_COLUMNS)
        for day, (feedback_id, comment) in enumerate(HOSTILE_COMMENTS.items(), start=1):
            session = f"Drop-in {SCRIPT}"
            writer.writerow(
                [feedback_id, f"2026-05-0{day}", session, "Westvale", "parent", comment, "yes"]
            )
    (data / "commentary" / "2026-05-12.md").write_text(COMMENTARY, encoding="utf-8")
    # A measure behind its trajectory, so its name and note reach the scorecard and its exception
    # report (and the chart's alt text).
    (data / "measures.yml").write_text(
        "measures:\n"
        f"  - {{id: on-time, name: {json.dumps(MEASURE)}, area: waits, owner: nsc,\n"
        "     unit: percent, polarity: higher, frequency: monthly, actions: [W1],\n"
        "     baseline: {period: 2026-01-31, value: 30}, target: {period: 2026-12-31, value: 80}}\n",
        encoding="utf-8",
    )
    (data / "measures").mkdir()
    with (data / "measures" / "values.csv").open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["measure_id", "period_end", "value", "note"])
        writer.writerow(["on-time", "2026-03-31", "31", ""])
        writer.writerow(["on-time", "2026-04-30", "32", MEASURE_NOTE])
    return [
        MEASURE,
        MEASURE_NOTE,
        BOARD,
        BREAKOUT,
        f"{SVG} College",
        f"Cut the backlog {SCRIPT}",
        IMG,
        TEMPLATE,
        f"{ENTITIES} {BIDI}",
        STYLE,
        *HOSTILE_COMMENTS.values(),
        *COMMENTARY_SHOWS,
    ]


def _edit_rows(path: Path, changes: dict[str, dict[str, str]]) -> None:
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    key = next(iter(rows[0]))
    assert set(changes) <= {row[key] for row in rows}, changes
    for row in rows:
        row.update(changes.get(row[key], {}))
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="session")
def chromium_ready() -> None:
    require(missing_for_chromium())


@pytest.fixture(scope="session")
def vnu_ready() -> None:
    require(missing_for_vnu())


@pytest.fixture(scope="module")
def sample_html(rendered_sample: dict[str, Any]) -> Path:
    return rendered_sample["folder"] / "briefing.html"


@pytest.fixture(scope="module")
def sample_in_chromium(
    sample_html: Path, chromium_ready: None, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """The sample briefing opened once in Chromium for the whole run, screenshots written to a
    fresh folder."""
    _, report = made_once(
        tmp_path_factory, "sample-in-chromium", lambda root: open_in_chromium(sample_html, root)
    )
    return report


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A Northshire copy with hostile text in every free-text field, rendered by the command
    (once for the whole run)."""
    shows: list[str] = []

    def hostile_data(root: Path) -> None:
        shutil.copytree(NORTHSHIRE, root / "data")
        shows.extend(write_hostile_corpus(root / "data"))

    def args(root: Path) -> list[str]:
        return ["render", "--data", "data", "--out", "briefings"]

    root, result = render_once(tmp_path_factory, "hostile", args, hostile_data)
    if not shows:  # another worker rendered it: the same corpus, written again, says what shows
        hostile_data(tmp_path_factory.mktemp("hostile-shows"))
    return {
        "result": result,
        "html": root / "briefings" / "2026-05-12" / "briefing.html",
        "out": root / "briefings",
        "shows": shows,
    }


@pytest.fixture(scope="module")
def hostile_in_chromium(
    hostile: dict[str, Any], chromium_ready: None, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """The hostile briefing opened once in Chromium for the whole run."""
    assert hostile["result"].returncode == 0, hostile["result"].stderr
    _, report = made_once(
        tmp_path_factory,
        "hostile-in-chromium",
        lambda _: open_in_chromium(hostile["html"], axe=False),
    )
    return report


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def test_sample_briefing_has_no_wcag_violations(sample_in_chromium):
    axe = sample_in_chromium["withJavaScript"]["axe"]
    assert axe["violations"] == [], "axe-core found:\n" + describe_axe(axe["violations"])


def test_sample_briefing_is_valid_html(sample_html, sample_pages_nu):
    errors = sample_pages_nu[str(sample_html)]
    assert errors == [], f"vnu.jar found in {sample_html}:\n" + describe_vnu(errors)


def test_sample_briefing_fetches_nothing_outside_the_file(sample_in_chromium, sample_html):
    assert outside_requests(sample_in_chromium) == []
    assert active_content(sample_html.read_text(encoding="utf-8")) == []
    assert sample_in_chromium["withJavaScript"]["console"] == []


def test_sample_briefing_runs_no_script(sample_in_chromium):
    assert signs_of_script(sample_in_chromium) == []


def test_sample_briefing_screenshots_at_phone_and_laptop_widths(sample_in_chromium):
    shots = sample_in_chromium["withJavaScript"]["screenshots"]
    for name, width in (("phone", 390), ("laptop", 1366)):
        path = Path(shots[name]["path"])
        assert _png_size(path)[0] >= width, path
        assert _png_size(path)[1] > 2000, f"{path}: the whole briefing is taller than that"
        assert path.stat().st_size > 50_000, f"{path} looks blank"


def test_sample_briefing_does_not_scroll_sideways_on_a_phone(sample_in_chromium):
    """WCAG 1.4.10 reflow: wide tables scroll in their own box, the page itself never does."""
    phone = sample_in_chromium["withJavaScript"]["screenshots"]["phone"]
    assert phone["scrollWidth"] <= 390, (
        f"{phone['path']} is {phone['scrollWidth']} px wide; sticking out: "
        + json.dumps(phone["overflowing"], indent=1, ensure_ascii=False)
    )


def test_sample_briefing_reads_without_javascript(sample_in_chromium):
    plain = sample_in_chromium["withoutJavaScript"]
    assert len(plain["h1"]) == 1
    assert plain["h1"][0] and plain["h1"][0] in sample_in_chromium["withJavaScript"]["text"]
    for heading in ("Action plan", "What families are telling us", "Investment by partners"):
        assert heading in plain["h2"]
    assert plain["visibleHeadings"] == len(plain["h1"]) + len(plain["h2"])
    assert all(nav.strip() for nav in plain["contents"])
    assert plain["brokenAnchors"] == [], "in-page links to no element"


def test_sample_briefing_prints_where_its_links_go(sample_in_chromium):
    printed = sample_in_chromium["withoutJavaScript"]["printedLinks"]
    assert len(printed) >= 2  # the sources of the published statistics
    for link in printed:
        assert link["after"] == f'" ({link["href"]})"', link


AREAS = ("access", "identifying_need", "outcomes", "strategy", "engagement")


def _sample_pages(rendered_sample: dict[str, Any]) -> list[Path]:
    """The sample's archive index and its area pages."""
    folder = rendered_sample["folder"]
    return [folder.parent / "index.html", *(folder / "areas" / f"{a}.html" for a in AREAS)]


@pytest.fixture(scope="module")
def sample_pages_in_chromium(
    rendered_sample: dict[str, Any], chromium_ready: None, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict[str, Any]]:
    """What Chromium saw of the sample's archive index and each area page, by path: one browser
    for them all, once for the whole test run."""
    pages = _sample_pages(rendered_sample)
    _, reports = made_once(
        tmp_path_factory, "sample-pages-in-chromium", lambda _: open_pages_in_chromium(pages)
    )
    return reports


@pytest.fixture(scope="module")
def sample_pages_nu(
    rendered_sample: dict[str, Any], vnu_ready: None, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, list[dict[str, Any]]]:
    """The Nu checker's errors for the sample briefing, its archive index and each area page,
    by path: one run of it for them all, once for the whole test run."""
    pages = [rendered_sample["folder"] / "briefing.html", *_sample_pages(rendered_sample)]
    _, errors = made_once(tmp_path_factory, "sample-pages-nu", lambda _: validate_pages(pages))
    return errors


def test_archive_index_is_accessible_valid_and_self_contained(
    rendered_sample, sample_pages_in_chromium, sample_pages_nu
):
    index = rendered_sample["folder"].parent / "index.html"
    report = sample_pages_in_chromium[str(index)]
    axe = report["withJavaScript"]["axe"]
    assert axe["violations"] == [], "axe-core found:\n" + describe_axe(axe["violations"])
    assert outside_requests(report) == []
    assert signs_of_script(report) == []
    errors = sample_pages_nu[str(index)]
    assert errors == [], f"vnu.jar found in {index}:\n" + describe_vnu(errors)


@pytest.mark.parametrize("area", AREAS)
def test_sample_area_page_is_accessible_valid_self_contained_and_runs_no_script(
    area, rendered_sample, sample_pages_in_chromium, sample_pages_nu
):
    """Each area page passes the briefing's checks: axe, Nu, nothing fetched, no script."""
    page = rendered_sample["folder"] / "areas" / f"{area}.html"
    report = sample_pages_in_chromium[str(page)]
    axe = report["withJavaScript"]["axe"]
    assert axe["violations"] == [], "axe-core found:\n" + describe_axe(axe["violations"])
    assert outside_requests(report) == []
    assert signs_of_script(report) == []
    assert active_content(page.read_text(encoding="utf-8")) == []
    plain = report["withoutJavaScript"]
    assert len(plain["h1"]) == 1 and "Every action" in plain["h2"]
    assert plain["brokenAnchors"] == [], "in-page links to no element"
    errors = sample_pages_nu[str(page)]
    assert errors == [], f"vnu.jar found in {page}:\n" + describe_vnu(errors)


def test_hostile_corpus_renders(hostile):
    assert hostile["result"].returncode == 0, hostile["result"].stderr


def test_hostile_corpus_html_holds_no_script_handler_or_script_url(hostile):
    areas = [f"2026-05-12/areas/{area}.html" for area in ("waits", "voice", "prep")]
    for name in ("2026-05-12/briefing.html", "2026-05-12/families.html", "index.html", *areas):
        html = (hostile["out"] / name).read_text(encoding="utf-8")
        assert "<script" not in html.lower(), name
        assert active_content(html) == [], name


def test_hostile_corpus_runs_no_script_in_chromium(hostile_in_chromium):
    assert signs_of_script(hostile_in_chromium) == []
    assert outside_requests(hostile_in_chromium) == []


def test_hostile_corpus_shows_every_payload_as_text(hostile, hostile_in_chromium):
    text = hostile_in_chromium["withJavaScript"]["text"]
    missing = [shown for shown in hostile["shows"] if shown not in text]
    assert missing == [], "not shown as written:\n" + "\n".join(map(repr, missing))
    assert hostile_in_chromium["withoutJavaScript"]["h1"] == [BOARD]
    assert BOARD in hostile_in_chromium["withJavaScript"]["probe"]["title"]


def test_hostile_corpus_is_valid_html(hostile, vnu_ready):
    errors = validate_html(hostile["html"])
    assert errors == [], describe_vnu(errors)


KNOWN_FAULTS = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Known faults</title></head>
<body>
<main>
<h1>Known faults</h1>
<p>A stray end tag follows.</p></p>
<img src="https://example.org/x.png">
<p><a href="#nowhere">A link to nothing</a></p>
<script>window.__pwned = 1; alert('ran');</script>
</main>
</body>
</html>
"""

CLEAN_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>No faults</title></head>
<body><main><h1>No faults</h1><p>Nothing to find.</p></main></body>
</html>
"""


def test_every_check_catches_a_page_with_known_faults(tmp_path, chromium_ready, vnu_ready):
    """A missing alt, an outside image, a script, a stray tag, a dead link: each check names its own."""
    page, clean = tmp_path / "faults.html", tmp_path / "clean.html"
    page.write_text(KNOWN_FAULTS, encoding="utf-8")
    clean.write_text(CLEAN_PAGE, encoding="utf-8")
    reports = open_pages_in_chromium([page, clean])  # one browser: each page's findings its own
    report = reports[str(page)]
    axe_rules = {rule["id"] for rule in report["withJavaScript"]["axe"]["violations"]}
    assert "image-alt" in axe_rules
    assert outside_requests(report) == ["https://example.org/x.png"] * 2
    signs = signs_of_script(report)
    assert "window.__pwned is '1'" in signs
    assert "dialog: {'type': 'alert', 'message': 'ran'}" in signs
    assert active_content(KNOWN_FAULTS) == [
        "<img src='https://example.org/x.png'> at line 8",
        "<script> at line 10",
    ]
    assert report["withoutJavaScript"]["brokenAnchors"] == ["#nowhere"]
    by_page = validate_pages([page, clean])  # each page's errors are its own
    messages = [m["message"] for m in by_page[str(page)]]
    assert any("end tag" in m for m in messages), messages
    assert any("alt" in m for m in messages), messages
    assert by_page[str(clean)] == []
    assert reports[str(clean)]["withJavaScript"]["axe"]["violations"] == []
    assert outside_requests(reports[str(clean)]) == []
    assert signs_of_script(reports[str(clean)]) == []
