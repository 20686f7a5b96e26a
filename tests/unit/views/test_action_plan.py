"""The action-plan section's sentences, tables and charts, without a notebook."""

import pytest

from boardbrief import views
from boardbrief.contract.meeting import load_meeting
from boardbrief.sections.action_plan import action_plan_status
from boardbrief.views.action_plan import summary_sentences


@pytest.fixture
def latest(board_dir):
    return load_meeting(board_dir, "2026-05-12")


def test_action_plan_summary_sentences(latest):
    assert summary_sentences(action_plan_status(latest)) == [
        "Overall red, derived from the actions by the board's rule. "
        "1 of 3 priority areas is red: Waiting times.",
        "Since the meeting of 14 April 2026: 0 actions improved, 0 declined, 1 was added and "
        "0 removed.",
        "Of 4 open actions, 1 is overdue, 2 have been stuck on the same red or amber rating for "
        "3 or more updates in a row, and 1 has not been updated for more than 60 days.",
    ]


def test_action_plan_summary_flags_assessment_that_differs(board_dir):
    commentary = board_dir / "commentary" / "2026-05-12.md"
    commentary.write_text("---\noverall_rag: amber\narea_rag: {waits: amber}\n---\n")
    sentences = summary_sentences(action_plan_status(load_meeting(board_dir, "2026-05-12")))
    assert sentences[0].startswith(
        "Overall amber, as assessed by the lead officer (the board's rule gives red)."
    )
    assert sentences[-1] == (
        "The lead officer's assessment differs from the rule for "
        "Waiting times (assessed amber, rule gives red)."
    )


def test_area_ratings_table_shows_assessed_beside_derived(board_dir):
    commentary = board_dir / "commentary" / "2026-05-12.md"
    commentary.write_text("---\narea_rag: {waits: amber}\n---\n")
    table = views.area_ratings(action_plan_status(load_meeting(board_dir, "2026-05-12")))
    waits = table.rows[0].cells
    assert str(waits[0]) == '<a class="area-page" href="areas/waits.html">Waiting times</a>'
    assert waits[1:6] == ["1", "1", "0", "0", "2"]
    assert str(waits[6]) == '<span class="rag rag-red">Red</span>'
    assert str(waits[7]) == '<span class="rag rag-amber">Amber</span>'
    assert waits[8] == "No: differs"
    assert table.rows[1].cells[7:] == ["not given", ""]


def test_first_meeting_movement_says_nothing_moved_yet(board_dir):
    html = str(views.movements(action_plan_status(load_meeting(board_dir, "2026-03-10"))))
    assert "This is the first meeting with an action plan, so nothing has moved yet." in html


def test_rag_trend_undrawn_has_the_same_table_and_no_picture(latest):
    plan = action_plan_status(latest)
    drawn, undrawn = views.rag_trend(plan), views.rag_trend(plan, draw=False)
    assert undrawn.svg == "" and drawn.svg.startswith("<?xml")
    assert undrawn.data.to_html().markup == drawn.data.to_html().markup
    assert views.action_plan_chart_figures(plan).markup == (
        '<div class="chart-figures">\n' + drawn.data.to_html().markup + "</div>\n"
    )


def test_rag_trend_chart_has_alt_text_and_table(latest):
    chart = views.rag_trend(action_plan_status(latest))
    assert chart.alt.startswith(
        "Stacked bars of actions by rating in each priority area at each meeting from "
        "10 March 2026 to 12 May 2026. Waiting times: red 1 then 1 now, 0 complete;"
    )
    assert [row.cells[0] for row in chart.data.rows][:3] == [
        "Waiting times, 10 March 2026",
        "Waiting times, 14 April 2026",
        "Waiting times, 12 May 2026",
    ]
    html = chart._repr_html_()
    assert 'src="data:image/svg+xml;base64,' in html
    assert "<details>" in html


def test_rag_trend_chart_labels_every_segment_with_its_count(latest):
    import re

    plan = action_plan_status(latest)
    svg = views.rag_trend(plan).svg
    segments = plan.trend.loc[plan.trend["count"] > 0, "count"]
    labels = re.findall(r"<text[^>]*>(\d+)</text>", svg)
    inside = [int(n) for n in labels[-len(segments) :]]  # axis ticks come first
    assert sorted(inside) == sorted(segments.astype(int).tolist())


def test_a_plan_not_updated_since_the_last_meeting_says_so(board_dir):
    (board_dir / "actions" / "2026-05-05.csv").unlink()  # 12 May uses 7 April's, as 14 April did
    plan = action_plan_status(load_meeting(board_dir, "2026-05-12"))
    unchanged = (
        "The action plan has not been updated since the last meeting: both use the snapshot of "
        "7 April 2026"
    )
    assert summary_sentences(plan)[1] == unchanged + ", so no rating can have moved."
    assert str(views.movements(plan)).count(unchanged + ".") == 1
    assert "improved" not in " ".join(summary_sentences(plan))


def test_a_board_with_no_pledges_gets_no_pledge_sentence(board_dir, edit):
    edit(board_dir / "board.yml", "pledges:\n  heard: Every family is heard.\n", "")
    plan = action_plan_status(load_meeting(board_dir, "2026-05-12"))
    assert str(views.ratings_by_pledge(plan)) == ""
