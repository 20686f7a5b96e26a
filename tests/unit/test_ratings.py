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
