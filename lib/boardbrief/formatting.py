"""How numbers, money and dates read in a board paper: the same way everywhere, in any locale."""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def long_date(date: dt.date) -> str:
    """'5 November 2026': written out so no reader mistakes day for month."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def count(value: int) -> str:
    """A whole number with thousands separators."""
    return f"{value:,}"


def gbp_exact(pence: int) -> str:
    """Exact money for tables: '£12,500' or '£12,500.50'."""
    pounds, remainder = divmod(abs(int(pence)), 100)
    sign = "-" if pence < 0 else ""
    text = f"{sign}£{pounds:,}"
    return f"{text}.{remainder:02d}" if remainder else text


def pounds(pence: int) -> float:
    """Pence as pounds for JSON: exact to the penny when printed."""
    return round(pence / 100, 2)


def gbp_short(pence: int) -> str:
    """Rounded money for sentences, half up: '£1.2m', '£350k', '£950'."""
    pounds = Decimal(abs(int(pence))) / 100
    sign = "-" if pence < 0 else ""
    if pounds >= 999_500:
        millions = (pounds / 1_000_000).quantize(Decimal("0.1"), ROUND_HALF_UP)
        return f"{sign}£{_trim(millions)}m"
    if pounds >= 10_000:
        return f"{sign}£{(pounds / 1_000).quantize(Decimal(1), ROUND_HALF_UP):,}k"
    return f"{sign}£{pounds.quantize(Decimal(1), ROUND_HALF_UP):,}"


def percent(share: object) -> str:
    """A share as a whole percentage, rounded half up; a dash when there is nothing to divide by.

    A share strictly between 0 and 1 never reads as 0% or 100%: '<1%' and '>99%' instead.
    """
    if share is None or share is pd.NA or (isinstance(share, float) and math.isnan(share)):
        return "\u2013"  # an en dash
    value = Decimal(str(share)) * 100
    if 0 < value < Decimal("0.5"):
        return "<1%"
    if Decimal("99.5") <= value < 100:
        return ">99%"
    return f"{value.quantize(Decimal(1), ROUND_HALF_UP)}%"


def plural(number: int, singular: str, plural_form: str | None = None) -> str:
    """'1 action', '3 actions', with thousands separators."""
    word = singular if number == 1 else (plural_form or singular + "s")
    return f"{count(number)} {word}"


def _trim(value: Decimal) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def medium_date(date: dt.date) -> str:
    """'28 Aug 2026': for table cells, where long dates wrap."""
    return f"{date.day} {MONTHS[date.month - 1][:3]} {date.year}"


def short_date(date: dt.date) -> str:
    """'5 Nov': for chart axes and tight table cells."""
    return f"{date.day} {MONTHS[date.month - 1][:3]}"


def lower_first(name: str) -> str:
    """A name as it reads mid-sentence: 'Home-to-school transport' -> 'home-to-school transport',
    while 'EHC plans' and 'ADHD' keep their capitals."""
    if len(name) > 1 and name[0].isupper() and name[1].islower():
        return name[0].lower() + name[1:]
    return name
