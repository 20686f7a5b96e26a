"""The impact scorecard through the real pipeline: on the sample, and absent without measures."""

from __future__ import annotations

import csv
import json
import re

import pytest

from tests.conftest import NORTHSHIRE
from tests.pipeline.conftest import REPO, run_cli

pytestmark = pytest.mark.pipeline

HEADING = "Impact scorecard: are outcomes improving?"
LEAD = (
    "6 of 20 measures with a target are on or ahead of their trajectory, 7 are within "
    "tolerance and 7 are behind by more than their tolerance (each has an exception report "
    "below)."
)


def section(html: str, heading_id: str) -> str:
    """The HTML of one section, from its heading to the next section."""
    start = html.index(f'id="{heading_id}"')
    end = html.find("<section aria-labelledby=", start)
    return html[start : end if end > 0 else len(html)]


def test_sample_scorecard_comes_right_after_the_summary(rendered_sample):
    html = rendered_sample["html"]
    assert f'<h2 id="impact-scorecard-are-outcomes-improving">{HEADING}</h2>' in html
    assert html.index('id="summary"') < html.index('id="impact-scorecard-are-outcomes-improving"')
    assert html.index('id="impact-scorecard-are-outcomes-improving"') < html.index(
        'id="action-plan"'
    )
    contents = html[html.index("<nav ") : html.index("</nav>")]
    assert f'<a href="#impact-scorecard-are-outcomes-improving">{HEADING}</a>' in contents


def test_sample_scorecard_opens_in_plain_english(rendered_sample):
    scorecard = section(rendered_sample["html"], "impact-scorecard-are-outcomes-improving")
    assert f"<p>{LEAD}</p>" in scorecard
    assert (
        "1 measure was not reported on time: annual reviews of EHC plans completed within 12 "
        "months (last figure: July 2026). It keeps its last rating, marked as out of date."
    ) in scorecard
    assert "3 latest figures are provisional and may change:" in scorecard
    assert (
        "1 measure has no target and is shown for context: appeals registered with the SEND "
        "Tribunal."
    ) in scorecard
    for developer_text in ("measures.yml", "measures/", "<code>", "`", "polarity", "_id"):
        assert developer_text not in scorecard


def test_sample_scorecard_groups_measures_by_area_with_word_ratings_and_sparklines(
    rendered_sample,
):
    # The measures' tables are in the scorecard's annex; the section summarises and links to it.
    assert '<a href="#annex-the-impact-scorecard-in-detail">' in section(
        rendered_sample["html"], "impact-scorecard-are-outcomes-improving"
    )
    scorecard = section(rendered_sample["html"], "annex-the-impact-scorecard-in-detail")
    captions = re.findall(
        r"<caption>([^<]*): measures against their trajectory</caption>", scorecard
    )
    assert captions == [
        "Access to provision",
        "Identifying need",
        "Improving outcomes",
        "Strategy",
        "Engagement",
    ]
    assert scorecard.count('<span class="rag rag-red">Red</span>') >= 7
    assert '<span class="rag rag-amber">Amber</span> (out of date)' in scorecard
    assert "Not rated: no target" in scorecard
    assert "42.5%, September 2026 (provisional)" in scorecard
    sparklines = re.findall(r'<img alt="([^"]+)" class="sparkline" src="data:image/svg', scorecard)
    assert len(sparklines) == 21
    assert all(alt.startswith("Trend of ") for alt in sparklines)
    assert "The figures behind the trends" in scorecard  # every value, as a table


def test_sample_exception_reports_cover_every_red_measure(rendered_sample):
    scorecard = section(rendered_sample["html"], "annex-the-impact-scorecard-in-detail")
    reports = scorecard[scorecard.index('<div class="exceptions">') :]
    names = re.findall(r"<h4>([^<]+)</h4>", reports)
    assert names == [
        "New EHC plans issued within 20 weeks, excluding exceptions",
        "Children and young people waiting more than 18 weeks for an autism assessment",
        "Educational psychology advice for EHC needs assessments within 6 weeks",
        "Children with an EHC plan without a school place for more than 4 weeks",
        "Suspensions of pupils with an EHC plan, per 100 pupils with a plan, in the term",
        "Persistent absence of pupils with an EHC plan (missing 10% of sessions or more)",
        "Pupils with SEND on a part-time timetable",
    ]
    assert reports.count('<figure class="chart">') == 7
    assert reports.count("<caption>Actions meant to move this measure") == 7
    assert (
        "42.5% in September 2026 (provisional), against 52.0% expected by then on the way to "
        "60.0% by March 2027"
    ) in reports
    assert "Owner: Lancashire &amp; South Cumbria NHS Foundation Trust." in reports
    assert "IDN-03: Improve 20-week EHC plan timeliness" in reports
    assert "Latest note from the owner:" in reports
    assert (
        "Benchmark for new EHC plans issued within 20 weeks, excluding exceptions: North West "
        "62.7%, England 49.2% in 2022, the latest published statistics"
    ) in reports


def test_sample_activity_beside_impact_flags_improving_outcomes(rendered_sample):
    scorecard = section(rendered_sample["html"], "impact-scorecard-are-outcomes-improving")
    assert (
        "In the Improving outcomes area, actions are on track (amber) but outcomes are not yet "
        "moving: 3 of 5 rated measures are red."
    ) in scorecard
    row = re.search(r"<th scope=\"row\">Improving outcomes</th>(.*?)</tr>", scorecard, re.S)
    assert "Actions on track, outcomes not yet moving" in row.group(1)
    assert "20% of 5" in row.group(1)


def test_sample_key_messages_lead_with_impact(rendered_sample):
    html = rendered_sample["html"]
    start = html.index('<div class="key-messages">')
    panel = html[start : html.index("</ol>", start)]
    first = panel[panel.index("<li>") : panel.index("</li>")]
    assert "Impact: 6 of 20 measures on or ahead of trajectory, 7 behind" in first
    assert LEAD in first
    assert 'href="#impact-scorecard-are-outcomes-improving"' in first
    assert panel.count("<li>") == 5


def test_sample_figures_json_has_the_scorecard(rendered_sample):
    figures = json.loads((rendered_sample["folder"] / "figures.json").read_text(encoding="utf-8"))
    assert {k: figures[k] for k in figures if k.startswith("scorecard.rating.")} == {
        "scorecard.rating.amber": 7,
        "scorecard.rating.green": 6,
        "scorecard.rating.none": 1,
        "scorecard.rating.red": 7,
    }
    assert figures["scorecard.late"] == 1
    assert figures["scorecard.measures.ehcp-20wk.value"] == 42.5
    assert figures["scorecard.measures.ehcp-20wk.period_end"] == "2026-09-30"
    assert figures["scorecard.measures.ehcp-20wk.expected"] == 52.0
    assert figures["scorecard.measures.ehcp-20wk.rating"] == "red"
    assert figures["scorecard.measures.ehcp-20wk.direction"] == "improving"
    assert figures["scorecard.measures.annual-reviews-12m.late"] is True
    assert figures["scorecard.measures.tribunal-appeals.rating"] == "none"
    assert figures["scorecard.areas.outcomes.on_track_share"] == 0.2


def test_sample_export_writes_scorecard_csv(tmp_path):
    result = run_cli("export", "--data", str(REPO / "data"), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    path = tmp_path / "2026-11-05" / "scorecard.csv"
    assert str(path) in result.stdout.splitlines()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 21
    first = rows[0]
    assert (first["measure_id"], first["value"], first["expected"], first["rating"]) == (
        "ehcp-20wk",
        "42.5",
        "52.0",
        "red",
    )
    assert (first["provisional"], first["late"], first["direction"]) == ("yes", "no", "improving")


def test_board_without_measures_has_no_scorecard(rendered):
    assert not (NORTHSHIRE / "measures.yml").exists()
    assert rendered["result"].returncode == 0, rendered["result"].stderr
    folder = rendered["folder"]
    html = (folder / "briefing.html").read_text(encoding="utf-8")
    for absent in ("Impact scorecard", "Exception reports", "Activity beside impact", "trajectory"):
        assert absent not in html
    figures = json.loads((folder / "figures.json").read_text(encoding="utf-8"))
    assert not [key for key in figures if key.startswith("scorecard.")]
    headings = re.findall(r"<h2 id=\"([^\"]+)\"", html)
    assert headings == [
        "late-actions",  # the front sheet's only part: Northshire has no asks and no risk register
        "contents",
        "summary",
        "action-plan",
        "what-families-are-telling-us",
        "investment-by-partners",
        "annex-the-action-plan-in-detail",  # no annex for a scorecard or statistics it lacks
        "annex-what-families-said-in-detail",
        "annex-investment-in-detail",
        "for-analysts-what-the-codebook-misses",
        "for-analysts-numbers-in-the-commentary-to-check",
        "about-this-briefing",
    ]


def test_board_without_measures_exports_no_scorecard_table(tmp_path):
    result = run_cli("export", "--data", str(NORTHSHIRE), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "2026-05-12").iterdir()) == [
        "actions.csv",
        "feedback_coding.csv",
        "feedback_themes.csv",
        "funding_lines.csv",
        "investment_per_child.csv",
        "you_said_we_did.csv",
    ]
