"""Who rendered a briefing and when it went to the board: in run.json, never in the briefing.

The user and host are taken as the operating system reports them, so the record says who ran the
command, not who claims to have. Neither is ever shown to the board: the briefing's bytes must not
depend on who renders it.
"""

from __future__ import annotations

import datetime as dt
import getpass
import platform
import re

from boardbrief.errors import UsageError

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def rendered_by() -> dict[str, str | None]:
    """The user and host running this render; either is None when the system cannot say.

    `getpass.getuser()` reads LOGNAME, USER, LNAME and USERNAME and then the password database,
    which Windows does not have: with none of those set it raises (OSError from Python 3.13,
    ImportError or KeyError before), and the render goes on with no user recorded.
    """
    try:
        user: str | None = getpass.getuser() or None
    except (OSError, ImportError, KeyError):
        user = None
    return {"user": user, "host": platform.node() or None}


def circulated_date(text: str) -> dt.date:
    """`--circulated`'s value: the day the pack went to the board, as YYYY-MM-DD.

    Raises
    ------
    UsageError
        For anything that is not a real date written YYYY-MM-DD.
    """
    try:
        if ISO_DATE.fullmatch(text):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise UsageError(
        f"--circulated {text!r}: expected the date the papers went to the board, as YYYY-MM-DD"
    )


def who_and_when(circulated: dt.date | None) -> dict[str, object]:
    """run.json's `rendered_by` and `circulated` (null when not given)."""
    return {
        "rendered_by": rendered_by(),
        "circulated": circulated.isoformat() if circulated else None,
    }
