"""Names are masked when certain, and make a comment unquotable when they may still be there."""

import pytest

from boardbrief.privacy.names import NameScreen

screen = NameScreen(
    not_names=["Preston", "Chorley", "Great Harwood", "Lancashire County Council"],
    words=["autism assessment", "Access to provision"],
    listed=["Whittaker"],
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "still has my daughter Poppy's old diagnosis",
            "still has my daughter [name removed]'s old diagnosis",
        ),
        ("oliwia's teacher is lovely", "[name removed]'s teacher is lovely"),
        ("Mr Hughes never replied", "Mr [name removed] never replied"),
        ("mr hughes never replied", "mr [name removed] never replied"),
        ("We saw Dr. Okafor twice", "We saw Dr. [name removed] twice"),
        ("J. Patel in the SEND office", "[name removed] in the SEND office"),
        ("Miss Ellie is his TA", "Miss [name removed] is his TA"),
        ("our Jess loves it", "our [name removed] loves it"),
        ("Mary-Jane O'Connor was great", "[name removed] was great"),
        ("Ms Ní Bhriain helped", "Ms [name removed] helped"),
        ("Zoë and Łukasz", "[name removed] and [name removed]"),
        ("Thanks to Keith and Maureen", "Thanks to [name removed] and [name removed]"),
        ("ALFIE IS SO LET DOWN", "[name removed] IS SO LET DOWN"),
        ("my son mason loves trains", "my son [name removed] loves trains"),
        ("Mrs Whittaker rang", "Mrs [name removed] rang"),
        ("whittaker rang", "[name removed] rang"),
        ("Alfie Wood has waited", "[name removed] has waited"),
        ("James' school", "[name removed]' school"),
        ("Ayaan\u2019s school", "[name removed]\u2019s school"),
    ],
)
def test_certain_names_are_masked_and_the_comment_stays_quotable(text, expected):
    screened = screen.screen(text)
    assert (screened.text, screened.doubtful) == (expected, ())


@pytest.mark.parametrize(
    ("text", "doubtful"),
    [
        ("Mason deserves better.", ("Mason",)),  # a common child's name that is also a word
        ("It still has Poppy's old diagnosis", ("Poppy",)),
        ("Then Grace was diagnosed in March", ("Grace",)),
        ("Kowalczyk said no", ("Kowalczyk",)),  # a word no list knows
        ("the letter from Haworth", ("Haworth",)),
        ("Spoke to Jenny Wood at Chorley", ("Jenny", "Wood")),
        ("I was told by June that it was lost", ("June",)),
        ("someone told grace's mum", ("grace",)),
    ],
)
def test_words_that_may_be_names_make_the_comment_unquotable(text, doubtful):
    screened = screen.screen(text)
    assert screened.doubtful == doubtful
    assert not screened.quotable


@pytest.mark.parametrize(
    "text",
    [
        "I hope the amber rating changes to green.",
        "Will anyone ever reply?",
        "We miss out on everything in Preston and Chorley.",
        "The Inclusion Team were brilliant, unlike Lancashire County Council.",
        "My son has been waiting 18 months for an EHCP and the SENCo says nothing.",
        "We waited in June until August 2026, since May and into 14 March.",
        "He speaks English and Polish at home; Christmas was hard.",
        "Our family is exhausted and I've had to give up my job, we've tried everything.",
        "It was about someone else's child, not our son's.",
        "Great Harwood has no provision for autism assessment.",
        "SALT, OT and CAMHS all said no. Tbh nobody helps.",
        "The 'panel' said no.",
        "My son's new school is brilliant, and Access to provision is better.",
    ],
)
def test_ordinary_text_is_quotable_as_written(text):
    screened = screen.screen(text)
    assert (screened.text, screened.doubtful) == (text, ())


def test_a_title_or_kinship_word_makes_even_a_listed_place_a_name():
    assert screen.screen("Mrs Preston was kind").text == "Mrs [name removed] was kind"


def test_mask_all_masks_possible_names_too_for_counting_words():
    assert screen.mask_all("Kowalczyk said Alfie is fine") == (
        "[name removed] said [name removed] is fine"
    )


def test_a_screen_without_board_vocabulary_still_finds_names():
    screened = NameScreen().screen("Riley's teacher Mrs Baker rang Preston")
    # Preston is a surname too: only the board's own places keep it ("not_names").
    assert screened.text == "[name removed]'s teacher Mrs [name removed] rang [name removed]"
    assert screened.doubtful == ()
