"""The HTML blocks the notebook shows: plain-English leads and escaping, without a kernel."""

import shutil

import pytest

from boardbrief import views
from boardbrief.contract.meeting import load_meeting
from boardbrief.sections.action_plan import action_plan_status
from boardbrief.sections.funding import funding_status
from boardbrief.views.action_plan import summary_sentences


@pytest.fixture
def latest(board_dir):
    return load_meeting(board_dir, "2026-05-12")


def test_headline_names_board_meeting_and_dates(latest):
    html = str(views.headline(latest))
    assert "<h1>Northshire SEND Improvement Board</h1>" in html
    assert "Meeting of 12 May 2026" in html
    assert "<dd>5 May 2026</dd>" in html  # action plan as at
    assert "<dd>10 May 2026</dd>" in html  # latest comment on or before the meeting
    assert "the meeting of 14 April 2026" in html
    assert "Illustrative data" not in html  # sample: false


def test_headline_sample_data_says_it_is_illustrative(board_dir, edit):
    edit(board_dir / "board.yml", "sample: false", "sample: true")
    html = str(views.headline(load_meeting(board_dir, "2026-05-12")))
    assert "Illustrative data." in html


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
    assert waits[:6] == ["Waiting times", "1", "1", "0", "0", "2"]
    assert str(waits[6]) == '<span class="rag rag-red">Red</span>'
    assert str(waits[7]) == '<span class="rag rag-amber">Amber</span>'
    assert waits[8] == "No: differs"
    assert table.rows[1].cells[7:] == ["not given", ""]


def test_first_meeting_movement_says_nothing_moved_yet(board_dir):
    html = str(views.movements(action_plan_status(load_meeting(board_dir, "2026-03-10"))))
    assert "This is the first meeting with an action plan, so nothing has moved yet." in html


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


def test_feedback_first_meeting_small_counts_are_worded_vaguely(board_dir):
    table = views.feedback_by_district(load_meeting(board_dir, "2026-03-10"))
    # 2 comments by 10 March, under the fixture's threshold of 3
    assert table.lead == (
        "fewer than 3 comments received so far; fewer than 3 comments in total up to this meeting."
    )
    assert [c.label for c in table.columns] == ["District", "This period", "All to date"]
    assert table.rows[-1].cells == ["All districts", "[c]", "[c]"]


def test_feedback_without_suppression_gives_exact_counts(board_dir, edit):
    edit(board_dir / "board.yml", "suppression_threshold: 3", "suppression_threshold: 1")
    table = views.feedback_by_district(load_meeting(board_dir, "2026-03-10"))
    assert table.lead == "2 comments received so far; 2 comments in total up to this meeting."
    assert table.notes == []


def test_no_feedback_at_all_still_renders(board_dir):
    shutil.rmtree(board_dir / "feedback")
    (board_dir / "feedback").mkdir()
    meeting = load_meeting(board_dir, "2026-05-12")
    assert "no comments yet" in str(views.headline(meeting))
    assert views.feedback_by_district(meeting).lead.startswith("0 comments received since")


def test_text_from_the_data_is_escaped(board_dir, edit):
    edit(board_dir / "board.yml", "name: Northshire Council", "name: <script>alert(1)</script>")
    funds = funding_status(load_meeting(board_dir, "2026-05-12"))
    html = views.investment_by_organisation(funds)._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
