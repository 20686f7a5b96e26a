"""The default rule that derives a rating from a set of actions, at its edges."""

import pytest

from boardbrief.ratings import derived_rating


@pytest.mark.parametrize(
    ("ratings", "expected"),
    [
        ([], "blue"),  # an area with no actions has nothing open
        (["blue", "blue"], "blue"),
        (["red", "amber", "amber", "green"], "red"),  # exactly 25% red
        (["red", "amber", "amber", "amber", "green"], "amber"),  # 20% red
        (["green", "green", "green", "amber"], "green"),  # exactly 75% green
        (["green", "green", "amber", "amber", "blue"], "amber"),  # 50% green of open
        (["green", "green", "green", "blue", "blue", "amber"], "green"),  # blue is not open
        (["green"] * 9 + ["red"], "amber"),  # 90% green but one red
    ],
)
def test_derived_rating_default_rule(ratings, expected):
    assert derived_rating(ratings) == expected


def test_risk_bands_describe_their_lines():
    from boardbrief.ratings import RiskBands

    assert RiskBands().describe() == "red at 15 or more, amber from 8 to 14, green at 7 or less"
    assert [RiskBands(red_from=12, amber_from=6).rate(s) for s in (5, 6, 11, 12)] == [
        "green",
        "amber",
        "amber",
        "red",
    ]
