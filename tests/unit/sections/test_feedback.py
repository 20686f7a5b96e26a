"""Feedback at the Northshire fixture's latest meeting, worked out by hand (threshold 3)."""

import datetime as dt

import pandas as pd
import pytest

from boardbrief.contract.meeting import load_meeting
from boardbrief.sections import feedback
from boardbrief.sections.feedback import feedback_figures, feedback_status
from boardbrief.views.feedback import summary_sentences


@pytest.fixture
def voices(board_dir):
    return feedback_status(load_meeting(board_dir, "2026-05-12"))


def test_theme_counts_this_period_and_last_with_small_counts_hidden(voices):
    themes = voices.themes
    assert themes["theme"].tolist() == ["waiting", "voice", "travel", "praise"]
    assert themes["period_actual"].tolist() == [3, 2, 2, 1]
    assert themes["period"].fillna(-1).tolist() == [3, -1, -1, -1]  # -1: hidden
    assert themes["previous"].fillna(-1).tolist() == [0, -1, 0, -1]
    assert themes["change"].fillna(-1).tolist() == [3, -1, -1, -1]


def test_hidden_counts_keep_codebook_order_so_order_ranks_nothing(board_dir, edit):
    # 'praise' (1 comment) moves ahead of 'voice' (2) in the codebook: ordering by the hidden
    # counts would put voice first and so tell a reader that voice is 2 and praise is 1.
    themes_file = board_dir / "themes.yml"
    praise = "  - id: praise\n    name: Positive experiences\n    phrases: [brilliant, helped]\n"
    edit(themes_file, praise, "")
    edit(themes_file, "  - id: voice\n", praise + "  - id: voice\n")
    themes = feedback_status(load_meeting(board_dir, "2026-05-12")).themes
    assert themes["theme"].tolist() == ["waiting", "praise", "voice", "travel"]
    assert themes["period_actual"].tolist() == [3, 1, 2, 2]


def test_top_themes_leave_out_themes_never_raised(voices):
    assert voices.top_themes == ["waiting", "voice", "travel", "praise"]


def test_quotes_only_with_consent_recent_first_and_never_twice(voices):
    assert [(q.theme, q.feedback_id) for q in voices.quotes] == [
        ("waiting", "S-2"),  # the newest of two from this period
        ("waiting", "D-4"),
        ("travel", "D-6"),  # S-1 said no
        ("praise", "D-7"),  # this period before the last
        ("praise", "D-3"),
    ]  # nobody raising 'voice' agreed to be quoted


def test_quotes_are_redacted(board_dir, edit):
    edit(
        board_dir / "feedback/dropins.csv",
        "Still no speech therapy",
        "Still no speech therapy; call 07700 900123",
    )
    voices = feedback_status(load_meeting(board_dir, "2026-05-12"))
    texts = {q.feedback_id: q.text for q in voices.quotes}
    assert texts["D-4"] == "Still no speech therapy; call [phone number removed]"


def test_a_quote_that_may_name_someone_is_passed_over_for_the_next(board_dir, edit):
    edit(
        board_dir / "feedback/dropins.csv",
        "Still no speech therapy",
        "Still no speech therapy for Grace",
    )
    edit(board_dir / "feedback/dropins.csv", "The drop-in helped", "Mrs Kaur at the drop-in helped")
    voices = feedback_status(load_meeting(board_dir, "2026-05-12"))
    texts = {q.feedback_id: q.text for q in voices.quotes}
    assert "D-4" not in texts  # "Grace" may be a child: the comment is not quoted at all
    assert [q.feedback_id for q in voices.quotes if q.theme == "waiting"] == ["S-2", "D-1"]
    assert texts["D-7"] == "Mrs [name removed] at the drop-in helped"
    assert voices.quotes_withheld == 1


def test_the_analysts_appendix_never_lists_a_name(board_dir):
    rows = [
        f"U-{n},2026-05-0{n},Drop-in Eastmoor,Eastmoor,parent,{text},no"
        for n, text in enumerate(
            ["Ask Sandra about the form", "sandra sorted the form", "Kowalczyk sorted the form",
             "Kowalczyk and sandra sorted the form"], start=1
        )
    ]  # fmt: skip
    with (board_dir / "feedback/dropins.csv").open("a", encoding="utf-8") as file:
        file.write("\n".join(rows) + "\n")
    voices = feedback_status(load_meeting(board_dir, "2026-05-12"))
    terms = set(voices.uncoded_words["term"]) | set(voices.uncoded_phrases["term"])
    assert "form" in terms  # the appendix is there, counting the same comments
    assert not any("sandra" in term or "kowalczyk" in term for term in terms), terms


def test_themes_by_district_suppressed_in_both_directions(voices):
    table = voices.by_district
    assert table.index.tolist() == ["Eastmoor", "Westvale", "Kirkby Fell", "Not recorded", "Total"]
    # Not recorded's 1 would follow from the column total, so Eastmoor's 3 is hidden too
    assert pd.isna(table.loc["Eastmoor", "waiting"])
    assert table.loc["Total", "Total"] == 11
    raw = pd.DataFrame(
        {
            "waiting": [3, 0, 0, 1],
            "voice": [2, 0, 0, 1],
            "travel": [0, 1, 1, 0],
            "praise": [1, 1, 0, 0],
        },
        index=table.index[:-1],
    )
    hidden = table.drop(index="Total", columns="Total").isna()
    assert not (((raw > 0) & (raw < 3)) & ~hidden).any().any()  # every small cell is hidden
    assert table.loc[["Westvale", "Kirkby Fell", "Not recorded"], "Total"].isna().all()


def test_tone_by_period_counts_and_mean(voices):
    tone = voices.tone
    assert tone["meeting"].tolist() == [
        dt.date(2026, 3, 10),
        dt.date(2026, 4, 14),
        dt.date(2026, 5, 12),
    ]
    # March: one rating, hidden. May: one each of 2, 3 and 4, all [c] beside zeros, so a total of
    # 3 would say each is 1: the total is hidden too, and no mean is shown beside hidden counts.
    assert tone["ratings"].fillna(-1).tolist() == [-1, 0, -1]
    assert tone["mean"].fillna(-1).tolist() == [-1, -1, -1]


def test_feedback_figures(voices):
    assert feedback_figures(voices) == {
        "feedback.total.comments": 11,
        "feedback.period.comments": 7,
        "feedback.period.uncoded": 0,
        "feedback.quotes_shown": 5,
        "feedback.period.themes.waiting": 3,
        "feedback.period.themes.voice": None,
        "feedback.period.themes.travel": None,
        "feedback.period.themes.praise": None,
    }


def test_first_meeting_has_no_previous_period(board_dir):
    voices = feedback_status(load_meeting(board_dir, "2026-03-10"))
    assert voices.themes["previous"].isna().all()
    assert voices.totals == {"period": None, "to_date": None}  # 2 comments: fewer than 3


def test_no_uncoded_share_beside_a_hidden_total(board_dir):
    voices = feedback_status(load_meeting(board_dir, "2026-03-10"))
    assert voices.totals["period"] is None
    assert voices.uncoded_share is None
    assert not any("matched no theme" in s for s in summary_sentences(voices))


def test_district_total_that_would_give_the_districts_away_is_hidden(board_dir):
    from boardbrief.sections.feedback import comment_totals, district_totals, in_period

    meeting = load_meeting(board_dir, "2026-04-14")
    period = in_period(meeting.feedback, meeting.previous_date, meeting.date)
    # Eastmoor and Westvale have 2 comments each so far, both [c], Kirkby Fell 0: a total of 4
    # from two hidden counts of 1 or 2 could only be 2 + 2.
    assert comment_totals(period, meeting.feedback, 3)["to_date"] == 4
    assert district_totals(period, meeting.feedback, meeting.config)["to_date"] is None
    assert feedback_status(meeting).totals["to_date"] is None  # the same wherever it is shown


@pytest.fixture
def meeting(board_dir):
    return load_meeting(board_dir, "2026-05-12")


def test_comments_by_district_suppresses_and_hides_the_next_smallest(meeting):
    period = feedback.in_period(meeting.feedback, meeting.previous_date, meeting.date)
    table = feedback.comments_by_district(period, meeting.feedback, meeting.config)
    assert table["district"].tolist() == ["Eastmoor", "Westvale", "Kirkby Fell", "Not recorded"]
    # period: 4, 1, 1, 1 -> three 1s sum to 3 hidden cells, so Eastmoor's 4 is hidden too
    assert table["period"].isna().tolist() == [True, True, True, True]
    # to date: 6, 3, 1, 1 -> the two 1s sum to 2 (< 3), so Westvale's 3 is hidden too
    assert table["to_date"].tolist()[0] == 6
    assert table["to_date"].isna().tolist() == [False, True, True, True]


def test_in_period_runs_from_the_day_after_the_previous_meeting(meeting):
    period = feedback.in_period(meeting.feedback, meeting.previous_date, meeting.date)
    assert sorted(period["feedback_id"]) == ["D-4", "D-5", "D-6", "D-7", "S-1", "S-2", "S-3"]


def test_theme_shares_only_beside_shown_counts_and_totals():
    from boardbrief.sections.feedback import theme_shares

    themes = pd.DataFrame(
        {
            "theme": ["a", "b", "c"],
            "period": pd.array([20, pd.NA, 0], dtype="Int64"),
            "previous": pd.array([14, 10, pd.NA], dtype="Int64"),
        }
    )
    shares = theme_shares(themes, 200, 100)
    assert shares.values.tolist() == [
        ["a", 0.1, 0.14, pytest.approx(-0.04)],
        ["b", None, 0.1, None],
        ["c", 0.0, None, None],
    ]
    assert theme_shares(themes, None, 100)["share"].tolist() == [None, None, None]
    assert theme_shares(themes, 200, None)["previous_share"].tolist() == [None, None, None]


def test_biggest_moves_are_judged_on_share_when_comments_moved_more_than_a_tenth(voices):
    from boardbrief.sections.feedback import biggest_moves
    from tests.unit.feedback_example import with_theme_counts

    themes = {"up2_but_falling": ("Up two", 30, 28), "steady": ("Steady", 60, 30)}
    basis, up, down = biggest_moves(with_theme_counts(voices, themes, 314, 216))
    assert (basis, up["theme"], down["theme"]) == ("share", "steady", "up2_but_falling")
    # The same counts with the number of comments moving by a tenth exactly: judged on counts.
    basis, up, down = biggest_moves(with_theme_counts(voices, themes, 110, 100))
    assert (basis, up["theme"], down) == ("count", "steady", None)


def test_quote_sentences_compare_ignoring_case_and_spacing():
    from boardbrief.sections.feedback import quote_sentences

    assert quote_sentences("We waited a year.  Nobody  rang! Why?") == [
        "we waited a year.",
        "nobody rang!",
        "why?",
    ]


def test_no_sentence_is_quoted_twice(board_dir):
    path = board_dir / "feedback" / "dropins.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    comment_at, consent_at = header.index("comment"), header.index("consent_to_quote")
    rows = [line.split(",") for line in lines[1:]]
    # Every consenting comment now opens with the same sentence.
    for row in rows:
        if row[consent_at] == "yes":
            row[comment_at] = "Nobody rang us back. " + row[comment_at]
    path.write_text("\n".join([lines[0], *(",".join(r) for r in rows)]) + "\n", encoding="utf-8")
    voices = feedback_status(load_meeting(board_dir, "2026-05-12"))
    openings = [q.text for q in voices.quotes if q.text.startswith("Nobody rang us back.")]
    assert len(openings) == 1
    assert len(voices.quotes) > 1  # other quotes were still chosen, from the survey
