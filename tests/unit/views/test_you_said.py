"""'You said, we did' as the board and families read it, on Northshire with linked actions."""

import html

import pytest

from boardbrief.contract.meeting import load_meeting
from boardbrief.sections.feedback import feedback_status
from boardbrief.sections.you_said import NO_ACTION_YET, comments_by_who, you_said_status
from boardbrief.views.families import PROGRESS_WORDS, family_page, family_themes
from boardbrief.views.summary import messages
from boardbrief.views.you_said import unanswered_sentence, you_said_we_did


@pytest.fixture
def linked(northshire_with_links):
    meeting = load_meeting(northshire_with_links, "2026-05-12")
    voices = feedback_status(meeting)
    return meeting, voices, you_said_status(meeting, voices)


def test_briefing_table_lists_each_raised_theme_with_its_actions_and_flags(linked):
    _, _, said = linked
    table = you_said_we_did(said)
    cells = [[str(c) for c in row.cells[:2]] for row in table.rows]
    assert cells == [
        ["Waiting for assessment or therapy (3 comments)", "W1: Cut the assessment backlog"],
        ["Waiting for assessment or therapy (3 comments)", "W2: Recruit two therapists"],
        ["Being listened to ([c])", "V2: Publish 'you said, we did'"],
        ["Being listened to ([c])", "V1: Monthly drop-ins"],
        ["Travel and transport ([c])", "V2: Publish 'you said, we did'"],
        ["Positive experiences ([c])", NO_ACTION_YET],
    ]
    assert table.lead == unanswered_sentence(said)
    assert table.lead == (
        "No action on the plan answers positive experiences, among the most raised themes "
        "this period."
    )


def test_key_message_about_families_names_the_unanswered_themes(linked):
    meeting, voices, said = linked
    from boardbrief.sections.action_plan import action_plan_status
    from boardbrief.sections.funding import funding_status
    from boardbrief.sections.impact import impact_status

    found = messages(
        action_plan_status(meeting), voices, funding_status(meeting), impact_status(meeting), said
    )
    families = [m for m in found if m.section == "feedback"]
    assert len(families) == 1
    assert families[0].detail.endswith(unanswered_sentence(said))
    assert 3 <= len(found) <= 5


def test_family_themes_in_plain_words_without_ids_or_ratings(linked):
    _, voices, said = linked
    themes = family_themes(voices, said)
    assert [(t.name, t.how_often) for t in themes] == [
        ("Waiting for assessment or therapy", "3 comments"),
        ("Being listened to", "Fewer than 3 comments"),
        ("Travel and transport", "Fewer than 3 comments"),
        ("Positive experiences", "Fewer than 3 comments"),
    ]
    waiting = themes[0].actions
    assert [(a.title, a.lead, a.progress, a.when) for a in waiting] == [
        (
            "Cut the assessment backlog",
            "North Health NHS Trust",
            "Behind",
            "It was due by 30 April 2026 and is not finished yet",
        ),
        ("Recruit two therapists", "North Health NHS Trust", "A little behind",
         "Due by 30 September 2026"),
    ]  # fmt: skip
    assert [a.progress for a in themes[1].actions] == ["On track", "Done"]
    assert themes[3].actions == [] and themes[3].no_action
    assert set(PROGRESS_WORDS.values()) == {"Done", "On track", "A little behind", "Behind"}


def test_family_page_shows_no_action_id_rating_word_or_commentary(linked):
    meeting, voices, said = linked
    page = html.unescape(family_page(voices, said, comments_by_who(meeting), "Board", True).markup)
    for hidden in ("W1", "W2", "V1", "V2", "P1", "nhs_north", "pcf", "Backlog at 300", "Amber"):
        assert hidden not in page
    assert "<script" not in page
    assert "What you told us and what we are doing" in page
