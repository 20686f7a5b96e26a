"""The rendered briefing as a document: outline, contents, summary, size, and the printed PDF."""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from boardbrief.contract.inputs import sha256_of
from boardbrief.present import MAX_LIST_ROWS
from boardbrief.publish.pdf import CHROMIUM_ENV, find_chromium
from tests.pipeline.browser import APT, require
from tests.pipeline.conftest import (
    REPO,
    as_completed,
    completed,
    fingerprint,
    made_once,
    run_cli,
)

pytestmark = pytest.mark.pipeline

MAX_BYTES = 1_500_000
# The sample board's priority areas, each with its own page (and, printed, its own PDF).
SAMPLE_AREAS = sorted(["access", "identifying_need", "outcomes", "strategy", "engagement"])
# The front sheet's parts, before the contents: the sample board has asks and a risk register.
FRONT_SHEET = ["The board is asked to", "The highest risks", "Late actions"]
SECTIONS = [
    "Summary",
    "Risks",
    "Impact scorecard: are outcomes improving?",
    "Action plan",
    "What families are telling us",
    "Investment by partners",
    "Impact: what the published statistics show",
    # The annexes: long lists, breakdowns and the figures behind the main paper's charts.
    "Annex: the impact scorecard in detail",
    "Annex: the action plan in detail",
    "Annex: what families said, in detail",
    "Annex: investment in detail",
    "Annex: published statistics in detail",
    "For analysts: what the codebook misses",
    "For analysts: numbers in the commentary to check",
    "About this briefing",
]


class Outline(HTMLParser):
    """Headings (level, id, text), ids, in-page links and sections of an HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[list] = []
        self.ids: list[str] = []
        self.links: list[str] = []
        self.sections: list[str | None] = []
        self.contents: list[tuple[str, str]] = []
        self._in_heading: list | None = None
        self._in_nav = False
        self._link: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if re.fullmatch(r"h[1-6]", tag):
            self._in_heading = [int(tag[1]), attrs.get("id"), ""]
            self.headings.append(self._in_heading)
        elif tag == "a" and attrs.get("href", "").startswith("#"):
            self.links.append(attrs["href"][1:])
            self._link = attrs["href"][1:] if self._in_nav else None
        elif tag == "section":
            self.sections.append(attrs.get("aria-labelledby"))
        elif tag == "nav":
            self._in_nav = True

    def handle_endtag(self, tag):
        if re.fullmatch(r"h[1-6]", tag):
            self._in_heading = None
        elif tag == "nav":
            self._in_nav = False
        elif tag == "a":
            self._link = None

    def handle_data(self, data):
        if self._in_heading is not None:
            self._in_heading[2] += data
        if self._link is not None:
            self.contents.append((self._link, data))


@pytest.fixture(scope="module")
def outline(rendered_sample) -> Outline:
    parser = Outline()
    parser.feed(rendered_sample["html"])
    return parser


def test_document_has_language_title_one_h1_and_a_strict_content_policy(rendered_sample):
    html = rendered_sample["html"]
    assert '<html lang="en-GB">' in html
    assert re.search(
        r"<title>Lancashire SEND Partnership Board: briefing for 2026-11-05</title>", html
    )
    assert html.count("<h1") == 1
    assert "default-src 'none'; img-src data:; style-src 'unsafe-inline'" in html


def test_sections_are_in_order_with_about_last_and_each_labelled_by_its_heading(outline):
    h2 = [(hid, text) for level, hid, text in outline.headings if level == 2]
    assert [text for _, text in h2] == [*FRONT_SHEET, "Contents", *SECTIONS]
    assert outline.sections == [hid for hid, _ in h2[len(FRONT_SHEET) + 1 :]]


def test_contents_lists_every_section_and_every_in_page_link_lands(outline):
    h2 = [(hid, text) for level, hid, text in outline.headings if level == 2]
    assert outline.contents == h2[len(FRONT_SHEET) + 1 :]
    assert len(outline.ids) == len(set(outline.ids)), "ids must be unique"
    assert set(outline.links) <= set(outline.ids)


def test_headings_never_skip_a_level(outline):
    levels = [level for level, _, _ in outline.headings]
    assert levels[0] == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"h{before} followed by h{after}"


def test_summary_comes_first_with_three_to_five_key_messages(rendered_sample):
    html = rendered_sample["html"]
    start = html.index('<div class="key-messages">')
    panel = html[start : html.index("</ol>", start)]
    assert 3 <= panel.count("<li>") <= 5
    assert start < html.index('id="action-plan"')
    assert html.index('id="lead-officer"') < html.index('id="action-plan"')


def test_sample_briefing_is_small(rendered_sample):
    size = len(rendered_sample["html"].encode("utf-8"))
    assert size < MAX_BYTES, f"{size:,} bytes"


def test_briefing_size_does_not_grow_with_the_data(tmp_path, rendered_sample):
    from boardbrief.sample_data.scaled import write_scaled_data

    data = tmp_path / "data"
    write_scaled_data(REPO / "data", data, 10)
    out = tmp_path / "out"
    # the area pages are not what is measured: the briefing alone is rendered
    result = run_cli("render", "--no-area-pages", "--data", str(data), "--out", str(out))
    assert result.returncode == 0, result.stderr
    html = (out / "2026-11-05" / "briefing.html").read_text(encoding="utf-8")
    sample = len(rendered_sample["html"].encode("utf-8"))
    assert len(html.encode("utf-8")) < sample * 1.15  # ten times the rows, about the same size
    assert f"Showing the first {MAX_LIST_ROWS} of 150 overdue actions" in html


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The sample's latest meeting rendered with `--pdf` (area pages too) once for the whole run,
    for the PDF tests."""
    require(
        []
        if find_chromium()
        else [f"Chromium for `render --pdf`: {APT} chromium (or set {CHROMIUM_ENV})"]
    )

    def render_pdf(root: Path) -> dict[str, object]:
        out = root / "briefings"
        return completed(
            run_cli("render", "--pdf", "--data", str(REPO / "data"), "--out", str(out))
        )

    root, made = made_once(tmp_path_factory, "sample-pdf", render_pdf)
    result = as_completed(made)
    assert result.returncode == 0, result.stderr
    return {"out": root / "briefings", "folder": Path(result.stdout.strip()).parent}


def test_render_pdf_prints_an_a4_board_pack(sample_pdf):
    folder = sample_pdf["folder"]
    pdf = (folder / "briefing.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert re.search(rb"/MediaBox\s*\[\s*0 0 594\.\d+ 841\.\d+\s*\]", pdf), "pages are not A4"
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 3  # sections start new pages
    record = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    assert record["pdf"]["sha256"] == sha256_of(folder / "briefing.pdf")
    assert "Chromium" in (record["pdf"]["printed_by"] or "Chromium")
    index = (sample_pdf["out"] / "index.html").read_text(encoding="utf-8")
    assert f'href="{folder.name}/briefing.pdf"' in index
    assert sorted(record["pdf"]["areas"]) == [f"areas/{area}.pdf" for area in SAMPLE_AREAS]
    for area in SAMPLE_AREAS:  # each area page prints as its own annex
        name = f"areas/{area}.pdf"
        assert (folder / name).read_bytes().startswith(b"%PDF-")
        assert record["pdf"]["areas"][name] == sha256_of(folder / name)


def test_render_pdf_without_chromium_says_how_to_install_it_and_writes_nothing(
    tmp_path, previous_briefings
):
    from tests.conftest import NORTHSHIRE

    data = tmp_path / "data"
    shutil.copytree(NORTHSHIRE, data)
    before = fingerprint(previous_briefings)
    empty = tmp_path / "empty-path"
    empty.mkdir()
    no_browser = {k: v for k, v in os.environ.items() if k != CHROMIUM_ENV} | {"PATH": str(empty)}
    wrong_browser = {**os.environ, CHROMIUM_ENV: str(tmp_path / "no-such-browser")}
    for env, said in (
        (no_browser, "apt-get install chromium"),
        (wrong_browser, f"{CHROMIUM_ENV} is set to"),
    ):
        result = run_cli(
            "render", "--pdf", "--data", str(data), "--out", str(previous_briefings), env=env
        )
        assert result.returncode == 1
        assert said in result.stderr
        assert "Traceback" not in result.stderr
        assert fingerprint(previous_briefings) == before
    result = run_cli(
        "render", "--all", "--pdf", "--data", str(data), "--out", str(tmp_path / "o"),
        env=wrong_browser,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.count(f"{CHROMIUM_ENV} is set to") == 1  # said once, not per meeting
    assert not (tmp_path / "o").exists()


def test_missing_chromium_is_found_before_the_data_is_read_or_a_kernel_started(
    tmp_path, monkeypatch
):
    """The browser is looked for first: no data folder at all, and still the PdfError comes."""
    from boardbrief.errors import PdfError
    from boardbrief.publish.parallel import render_all
    from boardbrief.publish.render import render_meeting

    monkeypatch.setenv(CHROMIUM_ENV, str(tmp_path / "no-such-browser"))
    for render in (render_meeting, render_all):
        with pytest.raises(PdfError, match=f"{CHROMIUM_ENV} is set to"):
            render(tmp_path / "no-such-data", tmp_path / "out", pdf=True)
    assert not (tmp_path / "out").exists()


def test_render_all_with_pdf_renders_briefings_not_yet_printed(tmp_path):
    import datetime as dt

    from boardbrief.publish.parallel import meetings_to_render

    meetings = [dt.date(2026, 3, 10), dt.date(2026, 4, 14), dt.date(2026, 5, 12)]
    for date, files in (
        ("2026-03-10", ["briefing.html", "figures.json", "briefing.pdf"]),
        ("2026-04-14", ["briefing.html", "figures.json"]),
    ):
        (tmp_path / date).mkdir()
        for name in files:
            (tmp_path / date / name).write_text("x", encoding="utf-8")
    assert meetings_to_render(meetings, tmp_path) == ["2026-05-12"]
    assert meetings_to_render(meetings, tmp_path, pdf=True) == ["2026-04-14", "2026-05-12"]
    assert meetings_to_render(meetings, tmp_path, force=True) == [
        "2026-03-10",
        "2026-04-14",
        "2026-05-12",
    ]


def test_verify_notices_a_pdf_changed_after_printing(tmp_path):
    from boardbrief.publish.verify import tampered_outputs

    for name in ("briefing.html", "figures.json", "briefing.pdf"):
        (tmp_path / name).write_bytes(name.encode())
    record = {
        "outputs": {n: sha256_of(tmp_path / n) for n in ("briefing.html", "figures.json")},
        "pdf": {"sha256": sha256_of(tmp_path / "briefing.pdf"), "printed_by": "Chromium"},
    }
    assert tampered_outputs(record, tmp_path) == []
    (tmp_path / "briefing.pdf").write_bytes(b"%PDF- edited")
    assert tampered_outputs(record, tmp_path) == [
        "briefing.pdf: the archived copy was changed after it was rendered"
    ]
    (tmp_path / "briefing.pdf").unlink()
    assert len(tampered_outputs(record, tmp_path)) == 1


FRONT_SHEET_PAGES = 2
MAIN_PAPER_PAGES = 12


def printed_pages(pdf_path) -> list[list[str]]:
    """Each printed page's lines of text, without the footer's title and page number."""
    from pypdf import PdfReader

    pages = []
    for page in PdfReader(pdf_path).pages:
        lines = [line.strip() for line in page.extract_text().splitlines()]
        pages.append([line for line in lines if line and not re.match(r"Page \d+ of \d+", line)])
    return pages


def first_page_starting(pages: list[list[str]], heading: str) -> int:
    """The number (from 1) of the first page with a line that is, or starts, `heading`."""
    return next(n for n, lines in enumerate(pages, 1) if any(x.startswith(heading) for x in lines))


def test_sample_pdf_front_sheet_by_page_2_main_paper_by_page_12_then_annexes(sample_pdf):
    pages = printed_pages(sample_pdf["folder"] / "briefing.pdf")
    assert "The board is asked to" in pages[0]
    # The contents list follows the front sheet at once: where it starts, the front sheet ended.
    contents = first_page_starting(pages, "Contents")
    before = pages[contents - 1][: pages[contents - 1].index("Contents")]
    front_sheet_ends = contents if before else contents - 1
    assert front_sheet_ends <= FRONT_SHEET_PAGES, f"front sheet ends on page {front_sheet_ends}"
    # Every section, annexes too, starts a page: the main paper ends where the first annex starts.
    first_annex = first_page_starting(pages, "Annex: ")
    assert first_annex - 1 <= MAIN_PAPER_PAGES, f"main paper ends on page {first_annex - 1}"
    for heading in ("Summary", "Risks", "Action plan", "What families are telling us"):
        assert first_page_starting(pages, heading) < first_annex, heading
    assert first_page_starting(pages, "About this briefing") > first_annex
    # The figures behind the main paper's charts print only in the annexes.
    behind = [
        n
        for n, lines in enumerate(pages, 1)
        if "Actions by rating, per priority area and meeting" in " ".join(lines)
    ]
    assert behind and min(behind) > first_annex
