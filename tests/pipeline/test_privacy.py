"""Data protection in what ships: the HTML and the executed notebook beside it.

No comment without consent, and no email address, UK phone number or postcode, may appear in
either; every figure about comments is suppressed when small.
"""

from __future__ import annotations

import html
import json

import pandas as pd
import pytest

from boardbrief.contract.load import load_board_data
from boardbrief.privacy.redaction import EMAIL, PHONE, POSTCODE
from tests.pipeline.conftest import REPO

pytestmark = pytest.mark.pipeline


def _shipped_texts(rendered: dict) -> dict[str, str]:
    """The HTML as a reader sees it, and every output of the executed notebook, unescaped."""
    notebook = json.loads(rendered["notebook"])
    outputs = json.dumps(
        [cell.get("outputs", []) for cell in notebook["cells"]], ensure_ascii=False
    )
    return {
        "briefing.html": html.unescape(rendered["html"]),
        "briefing.ipynb": html.unescape(outputs),
    }


@pytest.fixture(scope="module")
def feedback() -> pd.DataFrame:
    """The sample's comments, as the checked data holds them (loaded once for the module)."""
    return load_board_data(REPO / "data").feedback


def test_no_comment_without_consent_ships(rendered_sample, feedback):
    consented = feedback.loc[feedback["consent_to_quote"], "comment"].tolist()
    withheld = [
        comment
        for comment in feedback.loc[~feedback["consent_to_quote"], "comment"]
        if len(comment) > 60 and not any(comment in other for other in consented)
    ]  # the sample's phrase banks repeat sentences; one that someone else also wrote is theirs
    assert len(withheld) > 300  # the sample has plenty to leak
    for name, text in _shipped_texts(rendered_sample).items():
        leaked = [c for c in withheld if c in text]
        assert leaked == [], f"{name} shows comments given without consent"


@pytest.mark.parametrize(
    ("kind", "pattern"), [("email", EMAIL), ("phone", PHONE), ("postcode", POSTCODE)]
)
def test_no_personal_detail_ships(rendered_sample, feedback, kind, pattern):
    assert feedback["comment"].str.contains(pattern).sum() > 3  # the sample does contain some
    for name, text in _shipped_texts(rendered_sample).items():
        assert pattern.findall(text) == [], f"{name} shows a {kind}"


def test_quotes_were_shown_and_redacted(rendered_sample):
    figures = json.loads((rendered_sample["folder"] / "figures.json").read_text(encoding="utf-8"))
    assert figures["feedback.quotes_shown"] >= 5
    assert "In their own words" in rendered_sample["html"]


def test_sample_briefing_answers_what_parents_say_most(rendered_sample):
    text = html.unescape(rendered_sample["html"])
    assert "What people raised most this period: not being listened to or kept informed" in text
    assert "Against the previous period, the biggest rise was in" in text
    assert "Illustrative data." in text
