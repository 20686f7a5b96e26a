"""The wording every view shares: lists, verb agreement and the notes under suppressed tables."""

from boardbrief.views.wording import (
    HIDDEN_FROM_TOTAL,
    HIDDEN_FROM_TOTALS,
    agree,
    and_list,
    first_upper,
    sentence,
    suppression_note,
    with_verb,
)


def test_and_list_joins_without_an_oxford_comma():
    assert and_list([]) == ""
    assert and_list(["Ribble"]) == "Ribble"
    assert and_list(["Ribble", "Wyre"]) == "Ribble and Wyre"
    assert and_list(["Ribble", "Wyre", "Fylde"]) == "Ribble, Wyre and Fylde"


def test_agree_and_with_verb_follow_the_count():
    assert [agree(n, "is", "are") for n in (0, 1, 2)] == ["are", "is", "are"]
    assert with_verb(1, "line") == "1 line was"
    assert with_verb(3, "district", "has", "have") == "3 districts have"


def test_first_upper_changes_only_the_first_letter():
    assert first_upper("county council") == "County council"
    assert first_upper("NHS trust") == "NHS trust"
    assert first_upper("") == ""


def test_sentence_is_one_escaped_paragraph():
    assert str(sentence("Fewer than 5 <b>comments</b>")) == (
        '<div class="summary">  <p>Fewer than 5 &lt;b&gt;comments&lt;/b&gt;</p></div>\n'
    )


def test_suppression_notes_exact():
    assert suppression_note(5) == (
        "[c]: fewer than 5 comments, hidden to protect families' privacy."
    )
    assert suppression_note(3, HIDDEN_FROM_TOTALS) == (
        "[c]: fewer than 3 comments, hidden to protect families' privacy; other counts are "
        "hidden too where a hidden one could be worked out from the totals."
    )
    assert suppression_note(3, HIDDEN_FROM_TOTAL) == (
        "[c]: fewer than 3 comments, hidden to protect families' privacy; where the hidden "
        "counts could be worked out from the total, the next smallest count is hidden too."
    )
