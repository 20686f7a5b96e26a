"""The feedback section's sentences, tables and chart at the Northshire fixture's meetings."""

import shutil

import pandas as pd
import pytest

from boardbrief import views
from boardbrief.contract.meeting import load_meeting
from boardbrief.sections.feedback import feedback_status
from boardbrief.views.feedback import summary_sentences


@pytest.fixture
def voices(board_dir):
    return feedback_status(load_meeting(board_dir, "2026-05-12"))


def test_feedback_summary_answers_what_is_rising(voices):
    assert summary_sentences(voices) == [
        "7 comments received since 14 April 2026 (11 comments in total up to this meeting).",
        "What people raised most this period: waiting for assessment or therapy (3 comments, "
        "against 0 the period before); being listened to (fewer than 3 comments); travel and "
        "transport (fewer than 3 comments, against 0 the period before); positive experiences "
        "(fewer than 3 comments).",
        "0% of this period's comments matched no theme in the codebook; the analysts' appendix "
        "lists what they talk about.",
    ]  # no average of ratings: all three are hidden (see the tone test); no biggest rise:
    # comments went from 2 to 7, so rises are judged on shares, and a share of 2 is not shown


def test_theme_trend_never_draws_or_says_a_share_of_a_small_number(board_dir):
    from boardbrief import views

    chart = views.theme_trend(feedback_status(load_meeting(board_dir, "2026-05-12")))
    # 2 of 7 (29%) and 1 of 7 (14%) would give away the counts the table hides as [c]
    assert "29%" not in chart.alt and "14%" not in chart.alt
    assert "Waiting for assessment or therapy: not shown (a small number) then 43%" in chart.alt
    cells = {row.cells[0]: row.cells[1:] for row in chart.data.rows}
    assert cells["Being listened to, 12 May 2026"] == ["[c]", "7", "[c]"]
    assert cells["Being listened to, 14 April 2026"] == ["[c]", "[c]", "[c]"]  # 2 comments then


def test_a_total_hidden_to_protect_an_earlier_count_is_not_called_small(voices):
    import dataclasses

    from boardbrief.views.feedback import count_sentence

    # 40 comments this period beside 42 to date would give away the 2 before it
    hidden = dataclasses.replace(
        voices, totals={"period": None, "to_date": 42}, counts={"period": 40, "to_date": 42}
    )
    assert count_sentence(hidden) == (
        "A number of comments (hidden so that a smaller count cannot be worked out) received "
        "since 14 April 2026 (42 comments in total up to this meeting)."
    )
    small = dataclasses.replace(
        voices, totals={"period": None, "to_date": 42}, counts={"period": 2, "to_date": 42}
    )
    assert count_sentence(small).startswith("Fewer than 3 comments received")


def test_feedback_first_meeting_small_counts_are_worded_vaguely(board_dir):
    table = views.feedback_by_district(load_meeting(board_dir, "2026-03-10"))
    # 2 comments by 10 March, under the fixture's threshold of 3
    assert table.lead == (
        "Fewer than 3 comments received so far; fewer than 3 comments in total up to this meeting."
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


def test_theme_trend_with_no_share_to_draw_says_why_instead(board_dir, edit):
    edit(board_dir / "board.yml", "suppression_threshold: 3", "suppression_threshold: 8")
    said = views.theme_trend(feedback_status(load_meeting(board_dir, "2026-05-12")))
    assert "<img" not in str(said)
    assert (
        "There is no chart of how the themes are changing yet: every share would rest on fewer than 8 comments"
        in str(said)
    )


def test_theme_trend_hides_this_period_s_total_where_the_opening_does(voices):
    import dataclasses

    hidden = dataclasses.replace(voices, totals={"period": None, "to_date": 11})
    said = str(views.theme_trend(hidden))  # 3 of 7 (43%) was the only share left to draw
    assert "43%" not in said and "<img" not in said
    assert said.count("There is no chart of how the themes are changing yet") == 1


def test_codebook_gaps_with_nothing_to_list_has_no_lead_in_to_nothing(voices):
    import dataclasses

    empty = pd.DataFrame({"term": [], "comments": []})
    nothing = dataclasses.replace(voices, uncoded_words=empty, uncoded_phrases=empty)
    said = str(views.codebook_gaps(nothing))
    assert "Below are" not in said and "<table" not in said
    assert "No word or two-word phrase is used in 3 or more of the uncoded comments so far" in said


def test_theme_table_shows_whole_numbers_beside_hidden_ones(voices):
    import dataclasses

    themes = voices.themes.assign(period=voices.themes["period"].astype("float"))
    table = views.theme_table(dataclasses.replace(voices, themes=themes))
    shown = [cell for row in table.rows for cell in row.cells[1:]]
    assert not any(cell.endswith(".0") for cell in shown if isinstance(cell, str))
    assert "3" in [row.cells[1] for row in table.rows]


def test_a_quote_from_someone_of_another_role_is_not_a_other(voices):
    import dataclasses
    import datetime as dt

    from boardbrief.sections.feedback import Quote

    quote = Quote("voice", "X-1", "Nobody told us", "other", dt.date(2026, 2, 3))
    said = str(views.quotes(dataclasses.replace(voices, quotes=[quote])))
    assert "Someone, February 2026" in said
    assert "A other" not in said


def test_movement_sentence_gives_shares_when_the_number_of_comments_moved(voices):
    from boardbrief.views.feedback import movement_sentence
    from tests.unit.feedback_example import with_theme_counts

    themes = {"a": ("Not being listened to", 31, 29), "b": ("Transport", 63, 30)}
    grown = with_theme_counts(voices, themes, 314, 216)
    assert movement_sentence(grown) == (
        "Against the previous period, the biggest rise was in transport (from 14% to 20% of "
        "comments, +33 in number) and the biggest fall was in not being listened to (from 13% "
        "to 10% of comments, +2 in number). The number of comments changed by more than a "
        "tenth, so these are judged on shares."
    )
