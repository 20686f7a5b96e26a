"""The families' page of the sample's latest meeting, as the real command writes it.

Plain to read (Flesch reading ease 60 or more on every paragraph we wrote), private (no action
id, organisation id, money, comment given without consent or personal detail), the same counts
as the board's briefing, and held to the briefing's browser checks.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import textstat

from boardbrief.contract.load import load_board_data
from boardbrief.privacy.redaction import EMAIL, PHONE, POSTCODE
from tests.pipeline.browser import (
    active_content,
    describe_axe,
    describe_vnu,
    missing_for_chromium,
    missing_for_vnu,
    open_in_chromium,
    outside_requests,
    require,
    signs_of_script,
    validate_html,
)
from tests.pipeline.conftest import REPO

pytestmark = pytest.mark.pipeline

READING_EASE_AT_LEAST = 60


class _Paragraphs(HTMLParser):
    """The text of every <p> a parent reads, apart from quotes (people's own words)."""

    def __init__(self) -> None:
        super().__init__()
        self.paragraphs: list[str] = []
        self._in_quote = 0
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("blockquote", "figure"):
            self._in_quote += 1
        elif tag == "p" and not self._in_quote:
            self._current = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("blockquote", "figure"):
            self._in_quote -= 1
        elif tag == "p" and self._current is not None:
            self.paragraphs.append(" ".join("".join(self._current).split()))
            self._current = None

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)


def paragraphs_of(page: str) -> list[str]:
    parser = _Paragraphs()
    parser.feed(page)
    return parser.paragraphs


@pytest.fixture(scope="module")
def families(rendered_sample: dict[str, Any]) -> dict[str, Any]:
    folder = rendered_sample["folder"]
    page = (folder / "families.html").read_text(encoding="utf-8")
    return {
        "path": folder / "families.html",
        "page": page,
        "text": html.unescape(re.sub(r"<[^>]+>", " ", page)),
        "figures": json.loads((folder / "figures.json").read_text(encoding="utf-8")),
    }


def test_render_writes_the_families_page_records_it_and_links_it(rendered_sample, families):
    folder = rendered_sample["folder"]
    record = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    assert set(record["outputs"]) >= {"families.html", "briefing.html"}
    index = (folder.parent / "index.html").read_text(encoding="utf-8")
    assert f'href="{folder.name}/families.html"' in index
    assert "<h1>What you told us and what we are doing</h1>" in families["page"]
    assert "No action on the plan answers this yet." in rendered_sample["html"]
    assert "What we are doing about it" not in rendered_sample["html"]  # not in the briefing


def test_every_paragraph_a_parent_reads_scores_60_or_more(families):
    paragraphs = paragraphs_of(families["page"])
    assert len(paragraphs) >= 10
    scores = {text: textstat.flesch_reading_ease(text) for text in paragraphs}
    hard = {text: score for text, score in scores.items() if score < READING_EASE_AT_LEAST}
    assert hard == {}, f"hard to read (Flesch reading ease under {READING_EASE_AT_LEAST})"


def test_no_action_id_organisation_id_or_money(families):
    data = load_board_data(REPO / "data")
    latest = data.actions[max(data.actions)].table
    text = families["text"]
    ids = [i for i in latest["action_id"] if re.search(rf"\b{re.escape(i)}\b", text)]
    assert ids == []
    organisations = [
        o.id for o in data.config.organisations if re.search(rf"\b{re.escape(o.id)}\b", text)
    ]
    assert organisations == []
    assert "£" not in text and "&pound;" not in families["page"]
    commentary = [c for c in latest["commentary"] if len(c) > 20 and c in text]
    assert commentary == []
    for jargon in ("RAG", "Amber", "Red", "Green", "Blue"):
        assert not re.search(rf"\b{jargon}\b", text), jargon


def test_no_comment_without_consent_and_no_personal_detail(families):
    feedback = load_board_data(REPO / "data").feedback
    consented = feedback.loc[feedback["consent_to_quote"], "comment"].tolist()
    withheld = [
        comment
        for comment in feedback.loc[~feedback["consent_to_quote"], "comment"]
        if len(comment) > 60 and not any(comment in other for other in consented)
    ]
    assert len(withheld) > 300
    assert [c for c in withheld if c in families["text"]] == []
    for pattern in (EMAIL, PHONE, POSTCODE):
        assert pattern.findall(families["text"]) == []
    listed = load_board_data(REPO / "data").config.redact
    named = [name for name in listed if re.search(rf"\b{re.escape(name)}\b", families["text"])]
    assert named == []


def test_families_page_and_briefing_give_the_same_theme_counts(rendered_sample, families):
    figures = families["figures"]
    threshold = load_board_data(REPO / "data").config.suppression_threshold
    found = dict(
        re.findall(
            r'<h3 id="theme-([a-z_]+)">[^<]*</h3>\s*<p class="how-often">([^<]*)</p>',
            families["page"],
        )
    )
    briefing = {
        key.rsplit(".", 1)[1]: value
        for key, value in figures.items()
        if key.startswith("feedback.period.themes.") and value != 0
    }
    assert set(found) == set(briefing)
    for theme, shown in found.items():
        count = briefing[theme]
        expected = f"Fewer than {threshold} comments" if count is None else f"{count:,} comments"
        assert shown == expected, theme
    text = html.unescape(rendered_sample["html"])
    for count in briefing.values():
        if count is not None:
            assert f"({count:,} comments)" in text  # the briefing's 'You said, we did' table
    assert figures["feedback.unanswered"] == ["school_places"]
    assert figures["feedback.you_said.school_places.actions"] == 0
    assert figures["feedback.you_said.short_breaks.actions"] == 1  # a completed action only


@pytest.fixture(scope="module")
def families_in_chromium(families, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    require(missing_for_chromium())
    return open_in_chromium(families["path"], tmp_path_factory.mktemp("families-screenshots"))


def test_families_page_has_no_wcag_violations(families_in_chromium):
    axe = families_in_chromium["withJavaScript"]["axe"]
    assert axe["violations"] == [], "axe-core found:\n" + describe_axe(axe["violations"])


def test_families_page_is_valid_html(families):
    require(missing_for_vnu())
    path: Path = families["path"]
    errors = validate_html(path)
    assert errors == [], f"vnu.jar found in {path}:\n" + describe_vnu(errors)


def test_families_page_fetches_nothing_and_runs_no_script(families, families_in_chromium):
    assert outside_requests(families_in_chromium) == []
    assert signs_of_script(families_in_chromium) == []
    assert active_content(families["page"]) == []
    assert "<script" not in families["page"].lower()


def test_families_page_reads_on_a_phone_without_javascript(families_in_chromium):
    phone = families_in_chromium["withJavaScript"]["screenshots"]["phone"]
    assert phone["scrollWidth"] <= 390
    plain = families_in_chromium["withoutJavaScript"]
    assert plain["h1"] == ["What you told us and what we are doing"]
    assert plain["brokenAnchors"] == []


def test_verify_notices_a_families_page_changed_after_rendering(tmp_path):
    from boardbrief.contract.inputs import sha256_of
    from boardbrief.publish.verify import tampered_outputs

    names = ("briefing.html", "figures.json", "families.html")
    for name in names:
        (tmp_path / name).write_bytes(name.encode())
    record = {"outputs": {name: sha256_of(tmp_path / name) for name in names}}
    assert tampered_outputs(record, tmp_path) == []
    (tmp_path / "families.html").write_text("<p>edited</p>", encoding="utf-8")
    assert tampered_outputs(record, tmp_path) == [
        "families.html: the archived copy was changed after it was rendered"
    ]


def test_paragraphs_for_small_numbers_and_no_action_also_read_easily(northshire_with_links):
    """Northshire's counts are small (threshold 3): the wording for hidden numbers is scored too."""
    from boardbrief.contract.meeting import load_meeting
    from boardbrief.sections.feedback import feedback_status
    from boardbrief.sections.you_said import comments_by_who, you_said_status
    from boardbrief.views.families import family_page

    meeting = load_meeting(northshire_with_links, "2026-05-12")
    voices = feedback_status(meeting)
    said = you_said_status(meeting, voices)
    page = family_page(voices, said, comments_by_who(meeting), "Northshire", True).markup
    paragraphs = paragraphs_of(html.unescape(page))
    assert "Fewer than 3 comments" in paragraphs
    assert any(p.startswith("Some came from") for p in paragraphs)
    scores = {text: textstat.flesch_reading_ease(text) for text in paragraphs}
    assert {t: s for t, s in scores.items() if s < READING_EASE_AT_LEAST} == {}
