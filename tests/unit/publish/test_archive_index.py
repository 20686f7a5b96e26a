"""The archive index labels the officer's assessed rating and the derived one apart."""

import json
import re

from boardbrief.publish.archive_index import ratings, write_index


def briefing(out, date, figures):
    folder = out / date
    folder.mkdir(parents=True)
    (folder / "briefing.html").write_text("<p>briefing</p>", encoding="utf-8")
    (folder / "figures.json").write_text(json.dumps(figures), encoding="utf-8")


def test_the_index_shows_assessed_and_derived_ratings_in_labelled_columns(tmp_path):
    briefing(tmp_path, "2026-11-05", {"overall.assessed_rag": "amber", "overall.rag": "red"})
    briefing(tmp_path, "2026-10-01", {"overall.rag": "green"})
    html = write_index(tmp_path, "A board").read_text(encoding="utf-8")
    headers = re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', html)
    assert headers[:3] == [
        "Meeting",
        "Overall rating assessed by the lead officer",
        "Overall rating derived from the actions",
    ]
    rows = re.findall(r"<tr><th scope=\"row\">.*?</tr>", html)
    assert [re.findall(r"<td>(.*?)</td>", row)[:2] for row in rows] == [
        ['<span class="rag rag-amber">Amber</span>', '<span class="rag rag-red">Red</span>'],
        ["not assessed", '<span class="rag rag-green">Green</span>'],
    ]
    assert "The assessed rating is the lead officer&#39;s own judgement" in html or (
        "The assessed rating is the lead officer's own judgement" in html
    )


def test_ratings_never_shows_the_derived_rating_as_the_assessed_one():
    assert ratings({"overall.rag": "red"})["assessed"] == "not assessed"
    assert ratings({})["derived"] == "\u2013"
