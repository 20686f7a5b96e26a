"""Numbers, money and dates as a board paper shows them."""

import datetime as dt

import pandas as pd
import pytest

from boardbrief.formatting import gbp_exact, gbp_short, long_date, medium_date, percent, plural


@pytest.mark.parametrize(
    ("pence", "exact", "short"),
    [
        (0, "£0", "£0"),
        (5, "£0.05", "£0"),
        (95049, "£950.49", "£950"),
        (1250050, "£12,500.50", "£13k"),  # half up, not to even
        (99949999, "£999,499.99", "£999k"),
        (100000000, "£1,000,000", "£1m"),
        (123456789, "£1,234,567.89", "£1.2m"),
        (1225000000, "£12,250,000", "£12.3m"),
        (-150000, "-£1,500", "-£1,500"),
    ],
)
def test_money_exact_and_short(pence, exact, short):
    assert (gbp_exact(pence), gbp_short(pence)) == (exact, short)


@pytest.mark.parametrize(
    ("share", "shown"),
    [
        (0, "0%"),
        (0.004, "<1%"),
        (0.125, "13%"),
        (0.5, "50%"),
        (0.996, ">99%"),
        (1, "100%"),
        (None, "\u2013"),
        (float("nan"), "\u2013"),
        (pd.NA, "\u2013"),
    ],
)
def test_percent(share, shown):
    assert percent(share) == shown


def test_dates_are_written_out_in_any_locale():
    assert long_date(dt.date(2026, 11, 5)) == "5 November 2026"
    assert medium_date(dt.date(2026, 8, 28)) == "28 Aug 2026"


def test_plural():
    assert [plural(1, "action"), plural(1234, "action")] == ["1 action", "1,234 actions"]
