"""The summary panel's key messages at the Northshire fixture's latest meeting, by hand."""

import pytest

from boardbrief.contract.meeting import load_meeting
from boardbrief.sections.action_plan import action_plan_status
from boardbrief.sections.feedback import feedback_status
from boardbrief.sections.funding import funding_status
from boardbrief.sections.impact import impact_status
from boardbrief.views import key_messages
from boardbrief.views.summary import messages


@pytest.fixture
def statuses(board_dir):
    meeting = load_meeting(board_dir, "2026-05-12")
    return (
        action_plan_status(meeting),
        feedback_status(meeting),
        funding_status(meeting),
        impact_status(meeting),
    )


def test_key_messages_are_drawn_from_each_section(statuses):
    found = messages(*statuses)
    assert [(m.headline, m.rag, m.href) for m in found] == [
        ("Overall rating of the action plan:", "red", "#action-plan"),
        ("1 of 4 open actions is overdue", None, "#action-plan"),
        (
            "Families most often raised waiting for assessment or therapy",
            None,
            "#what-families-are-telling-us",
        ),
        ("£220k committed by partners, 64% of it spent", None, "#investment-by-partners"),
    ]  # no published statistics are configured for Northshire, so no fifth message
    assert found[0].detail == (
        "Overall red, derived from the actions by the board's rule. 1 of 3 priority areas is "
        "red: Waiting times. Since the meeting of 14 April 2026: 0 actions improved, 0 declined, "
        "1 was added and 0 removed."
    )
    assert found[1].detail.startswith("Of 4 open actions, 1 is overdue, 2 have been stuck")
    assert found[2].detail == (
        "7 comments received since 14 April 2026 (11 comments in total up to this meeting)."
    )  # comments went from 2 to 7: a rise is judged on shares, and a share of 2 is not shown
    assert found[3].detail == (
        "1 of 3 districts is more than 25% below the median of £5.00 per child: Westvale."
    )


def test_key_messages_panel_is_an_ordered_list_with_word_ratings_and_links(statuses):
    html = key_messages(*statuses).markup
    assert html.count("<li>") == 4
    assert '<span class="rag rag-red">Red</span>' in html
    assert '<a href="#investment-by-partners">More in Investment by partners' in html


def test_key_messages_escape_text_from_the_data(board_dir, edit):
    edit(
        board_dir / "themes.yml",
        "name: Waiting for assessment or therapy",
        "name: <b>Waiting</b> & therapy",
    )
    meeting = load_meeting(board_dir, "2026-05-12")
    html = key_messages(
        action_plan_status(meeting),
        feedback_status(meeting),
        funding_status(meeting),
        impact_status(meeting),
    ).markup
    assert "<b>" not in html
    assert "&lt;b&gt;Waiting&lt;/b&gt; &amp; therapy" in html


def test_no_theme_is_called_most_raised_when_its_count_is_hidden(board_dir):
    meeting = load_meeting(board_dir, "2026-04-14")  # two comments this period: both themes [c]
    found = messages(
        action_plan_status(meeting),
        feedback_status(meeting),
        funding_status(meeting),
        impact_status(meeting),
    )
    families = next(m for m in found if m.section == "feedback")
    assert families.headline == "No theme was raised in 3 or more comments this period"
    assert families.detail.startswith("Fewer than 3 comments received since 10 March 2026")
