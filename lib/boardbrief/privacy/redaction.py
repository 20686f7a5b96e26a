"""Removing personal details from what people wrote, before any of it is shown.

Redaction errs towards removing too much: a date in any full day-month-year form is taken as a
possible date of birth, and anything shaped like a UK phone number or postcode goes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
# +44 or a leading 0, then 9 or 10 more digits with spaces, hyphens or brackets between them.
PHONE = re.compile(
    r"(?<![\w+])(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\(?0)[0-9](?:[\s()-]{0,2}[0-9]){8,9}(?![0-9])"
)
POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\s*[0-9][A-Za-z]{2}(?![A-Za-z0-9])"
)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
DATE = re.compile(
    r"(?<![0-9])(?:"
    r"[0-9]{1,2}[/.-][0-9]{1,2}[/.-](?:[0-9]{4}|[0-9]{2})"  # 14/03/2015, 14.3.15
    r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"  # 2015-03-14
    rf"|[0-9]{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\.?,?\s+[0-9]{{4}}"  # 14th March 2015
    rf"|{_MONTHS}\.?\s+[0-9]{{1,2}}(?:st|nd|rd|th)?,?\s+[0-9]{{4}}"  # March 14, 2015
    r")(?![0-9])",
    re.IGNORECASE,
)

REMOVED = {
    "email": "[email removed]",
    "phone": "[phone number removed]",
    "postcode": "[postcode removed]",
    "date": "[date removed]",
    "name": "[name removed]",
}


class Redactor:
    """Removes emails, UK phone numbers, UK postcodes, full dates and the board's listed names."""

    def __init__(self, names: Iterable[str] = ()):
        listed = sorted({n.strip() for n in names if n.strip()}, key=len, reverse=True)
        self._names = (
            re.compile(
                r"(?<!\w)(?:" + "|".join(re.escape(n) for n in listed) + r")(?!\w)", re.IGNORECASE
            )
            if listed
            else None
        )

    def __call__(self, text: str) -> str:
        # Emails first: their digits and letters must not be half-taken by the other patterns.
        text = EMAIL.sub(REMOVED["email"], text)
        text = DATE.sub(REMOVED["date"], text)
        text = PHONE.sub(REMOVED["phone"], text)
        text = POSTCODE.sub(REMOVED["postcode"], text)
        if self._names is not None:
            text = self._names.sub(REMOVED["name"], text)
        return text
