"""A small, new board's briefing reads well: the tests/fixtures/smallboard folder rendered.

Southdale has 20 comments (2 before its first meeting, 18 since), the default threshold of
5, no published statistics, and one action-plan snapshot, so its second meeting's plan is
unchanged. Almost every count about families is hidden; the page must still read as a paper.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.pipeline.conftest import render_once

pytestmark = pytest.mark.pipeline

SMALL_BOARD = FIXTURES / "smallboard"


@pytest.fixture(scope="session")
def html(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Its second meeting rendered once for the whole run (xdist workers share it)."""

    def args(root: Path) -> list[str]:
        return ["render", "2026-04-14", "--data", "data", "--out", "briefings"]

    root, result = render_once(
        tmp_path_factory,
        "small-board",
        args,
        lambda root: shutil.copytree(SMALL_BOARD, root / "data"),
    )
    assert result.returncode == 0, result.stderr
    return (root / "briefings" / "2026-04-14" / "briefing.html").read_text(encoding="utf-8")


def _text(markup: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup)).strip()


def test_small_board_draws_no_chart_without_data(html):
    charts = re.findall(r'<figure class="chart">.*?</details>', html, flags=re.S)
    assert charts  # the action plan's and the investment charts have figures to draw
    for chart in charts:
        cells = [_text(c) for c in re.findall(r'<td class="num">(.*?)</td>', chart, flags=re.S)]
        shown = [c for c in cells if c not in ("[c]", "0", "£0", "0%", "\u2013", "")]
        assert shown, _text(chart)[:200]
    assert "There is no chart of how the themes are changing yet" in html


def test_small_board_has_no_heading_or_lead_in_without_content(html):
    body = html[html.index("<main") :]
    parts = re.split(r"(<h[23][^>]*>.*?</h[23]>)", body, flags=re.S)
    for index in range(1, len(parts) - 1, 2):
        level = int(parts[index][2])
        following = ""
        for later in range(index + 1, len(parts)):
            if later % 2 == 1 and int(parts[later][2]) <= level:
                break
            if later % 2 == 0:
                following += parts[later]
        assert _text(following), f"nothing under {_text(parts[index])}"
    assert "Below are the words" not in html
    assert "No word or two-word phrase is used in 5 or more of the uncoded comments" in html


def test_small_board_shows_no_developer_text(html):
    body = html[html.index("<main") :]
    assert "`" not in body
    assert "configured" not in body.lower()
    assert "pledge column" not in body  # Southdale has no pledges: nothing is said of them
    assert "Impact: what the published statistics show" not in html
    assert (
        "The board has not chosen any published statistics to compare the area with, so this "
        "briefing has no section on them."
    ) in html


def test_small_board_calls_out_the_unchanged_plan(html):
    said = (
        "The action plan has not been updated since the last meeting: both use the snapshot of "
        "1 March 2026"
    )
    assert html.count(said) == 3  # the key message, the section's opening, what moved
    assert "0 actions improved" not in html


def test_small_board_district_counts_hide_only_what_protects_a_hidden_count(html):
    table = re.search(r"<caption>Feedback comments by district</caption>.*?</table>", html, re.S)
    rows = {
        _text(row.split("</th>")[0]): [_text(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table.group(0), flags=re.S)[1:]
    }
    # 2 comments before 10 March, all in Westvale: the period's total (18) is hidden beside the
    # 20 to date, and so is Westvale's 11 (beside its 13). Nothing can be subtracted from a
    # hidden total, so Eastmoor's 7 gives no hidden count away and is shown.
    assert rows == {
        "Eastmoor": ["7", "7"],
        "Westvale": ["[c]", "13"],
        "Kirkby Fell": ["0", "0"],
        "All districts": ["[c]", "20"],
    }
