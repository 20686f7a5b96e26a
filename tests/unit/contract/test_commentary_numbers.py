"""Numbers typed into the officer's commentary, checked against the meeting's figures."""

from decimal import Decimal

import pytest

from boardbrief.contract.commentary import Commentary, read_commentary
from boardbrief.contract.commentary_numbers import (
    MONEY,
    PERCENT,
    UnmatchedNumber,
    named_figure,
    typed_numbers,
    unmatched_numbers,
)

FIGURES = {
    "actions.total": 53,
    "actions.open": 43,
    "actions.overdue": 15,
    "actions.rag.blue": 10,
    "actions.rag.green": 16,
    "actions.rag.amber": 21,
    "actions.rag.red": 6,
    "risks.open": 11,
    "risks.rating.red": 4,
    "feedback.period.comments": 314,
    "feedback.period.themes.assessment_waits": 37,
    "feedback.total.comments": 1820,
    "funding.committed_gbp": 14705489.24,
    "funding.spent_gbp": 10233168.39,
    "funding.org.lcc.committed_gbp": 7880213.99,
    "funding.org.icb.committed_gbp": 119600.0,
    "funding.org.forum.committed_gbp": 6705275.25,
    "funding.district.West Lancashire.committed_per_child_gbp": 5.43,
    "scorecard.areas.access.on_track_share": 0.25,
    "meeting.date": "2026-11-05",
    "feedback.unanswered": ["school_places"],
}


def unmatched(text: str) -> list[UnmatchedNumber]:
    return unmatched_numbers(Commentary("commentary/2026-11-05.md", text), FIGURES)


def typed(text: str) -> list[str]:
    return [number.text for number in typed_numbers(text)]


def test_a_number_that_matches_a_figure_is_not_reported():
    assert unmatched("Of the 53 actions on the plan, 15 are past their due date.") == []


def test_a_number_that_contradicts_the_figure_its_words_name_is_reported_naming_it():
    assert unmatched("Of these, 2 are past their due date and not yet complete.") == [
        UnmatchedNumber(
            "commentary/2026-11-05.md",
            1,
            "2",
            "Of these, 2 are past their due date and not yet complete.",
            "actions.overdue",
            "actions past their due date",
            15,
        )
    ]


def test_a_named_number_is_not_excused_by_matching_some_other_figure():
    # 4 is risks.rating.red, but "past their due date" counts actions.overdue only
    assert [u.figure for u in unmatched("4 actions are overdue.")] == ["actions.overdue"]


def test_a_number_matching_no_figure_is_reported_without_a_guess():
    (found,) = unmatched("The partners met 99 times.")
    assert (found.text, found.line, found.figure) == ("99", 1, None)
    assert found.warning() == (
        "commentary/2026-11-05.md, line 1: 99 matches no figure of this meeting"
    )


def test_the_warning_names_file_line_number_and_the_figure_contradicted():
    (found,) = unmatched("Intro.\n\nOf these, 2 are past their due date.")
    assert found.warning() == (
        "commentary/2026-11-05.md, line 3: 2 (actions past their due date) does not match "
        "actions.overdue, which this meeting's data gives as 15"
    )


def test_colours_name_the_figure_of_the_thing_the_sentence_counts():
    assert [u.figure for u in unmatched("Of 53 actions, 10 are complete, 7 red.")] == [
        "actions.rag.red"
    ]
    assert [u.figure for u in unmatched("Of 11 open risks, 5 are red.")] == ["risks.rating.red"]
    # a sentence about both actions and risks is too unclear to name either: 5 matches no figure
    assert [(u.text, u.figure) for u in unmatched("5 red, across actions and risks.")] == [
        ("5", None)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Agree a revised date of 31 March 2027 for the review (ACC-03), first due on 31 July 2026.",
        "The meeting of 5 November 2026 and the 2nd of May; 2026/27 and 2026-11-05.",
        "20-week timeliness (IDN-03) and 6wk advice for Year 6, ages 0 to 25, at 9:30 or 10am.",
        "1. First point\n2) second point\n- 3. a nested one",
        "KS2 results, tier 3 support, phase 2 and under 5% of <1% share.",
        "Read [the report](https://example.org/2024/report-17) and `figure 99`.",
    ],
)
def test_dates_years_ids_ordinals_labels_and_list_numbers_are_not_checked(text):
    assert typed(text) == []
    assert unmatched(text) == []


def test_numbers_keep_their_line_in_the_file_and_their_kind():
    numbers = typed_numbers("Intro.\n\n£14.7 million and 12% of 1,820 comments.", first_line=7)
    assert [(n.line, n.text, n.value, n.scale, n.kind) for n in numbers] == [
        (9, "£14.7 million", Decimal("14.7"), 1_000_000, MONEY),
        (9, "12%", Decimal(12), 1, PERCENT),
        (9, "1,820", Decimal(1820), 1, "count"),
    ]


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("£14.7 million", []),  # 14,705,489.24 rounds to 14.7 million
        ("£14.7m", []),
        ("£14,705,489.24", []),
        ("£14.8 million", ["£14.8 million"]),
        ("£7.9m", []),  # one partner's commitment
        ("£120,000", []),  # £119,600 to the nearest thousand, as the briefing's £120k
        ("£120k", []),
        ("£118,000", ["£118,000"]),
        ("£5", []),  # £5.43 per child, to the pound
        ("£4.5m", []),  # committed less spent, still to spend
        ("12%", []),  # 37 of 314 comments is 11.8%
        ("25%", []),  # an on-track share of 0.25
        ("13%", ["13%"]),
        ("11.8%", []),
        ("11.7%", ["11.7%"]),
    ],
)
def test_money_and_percentages_match_as_rounded(text, reported):
    assert [u.text for u in unmatched(f"We saw {text} here.")] == reported


def test_money_named_as_the_partnership_total_must_be_that_total():
    text = "21 partner organisations have committed £14.1 million, and £10.2 million of it has been spent."
    found = unmatched(text)
    assert [(u.text, u.figure) for u in found] == [("£14.1 million", "funding.committed_gbp")]


def test_counts_of_what_the_keys_name_and_of_lists_are_figures():
    # three organisations have a funding.org figure; one theme is unanswered
    assert unmatched("3 organisations, 1 theme without an action.") == []


def test_named_figure_reads_only_the_words_right_after_the_number():
    (number,) = typed_numbers("Of these, 15 are past their due date and not yet complete.")
    assert named_figure(number) == ("actions.overdue", "actions past their due date")
    (number,) = typed_numbers("We had 15 meetings about overdue work.")
    assert named_figure(number) is None


def test_comments_since_the_last_meeting_and_so_far_this_year(tmp_path):
    assert (
        unmatched("We received 314 comments since the last meeting, 1,820 so far this year.") == []
    )
    found = unmatched("We received 300 comments from families since the last meeting.")
    assert [u.figure for u in found] == ["feedback.period.comments"]


def test_a_commentary_file_is_checked_in_its_asks_and_body_with_their_lines(tmp_path):
    path = tmp_path / "2026-11-05.md"
    path.write_text(
        "---\nasks:\n- Agree a date of 31 March 2027 for 7 reviews.\n---\n\n"
        "Of these, 2 are past their due date.\n",
        encoding="utf-8",
    )
    commentary = read_commentary(path, "commentary/2026-11-05.md", [])
    assert [(u.line, u.text, u.figure) for u in unmatched_numbers(commentary, FIGURES)] == [
        (3, "7", None),
        (6, "2", "actions.overdue"),
    ]


def test_no_commentary_has_nothing_to_check():
    assert unmatched_numbers(None, FIGURES) == []
