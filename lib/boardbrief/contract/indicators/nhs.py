"""Reading NHS England's community health services waiting lists for children and young people.

One row per organisation, month and service. Organisation names are spelled in more than one case
(the same trust is 'East Lancashire Hospitals NHS Trust' in some months and in capitals in
others), so they are matched ignoring case. England's row is found by its name: its
`Organisation Type` changes from month to month. `NA` marks a figure the trust did not report.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from boardbrief.contract.board_config import BOARD_FILE, Organisation
from boardbrief.contract.problems import DataError, Problem
from boardbrief.contract.read_tables import read_table
from boardbrief.contract.settings import ISO_DATE

NAME = "organisation name"
MONTH = "formatteddate"
SERVICE = "therapy"
TOTAL = "total waiting list"
OVER_52 = "waiting >52 weeks"
OVER_18_PCT = "percentage waiting more than 18 weeks"
REQUIRED = [NAME, MONTH, SERVICE, TOTAL, OVER_52, OVER_18_PCT]
NOT_REPORTED = "NA"
ENGLAND = "england"
NUMBER = re.compile(r"^\d+(\.\d+)?$")


@dataclass(frozen=True)
class WaitingListData:
    """The latest month's waiting lists for the board's partner trusts and for England.

    `table` has one row per organisation and service in the latest month: `organisation` (the
    id in board.yml, or 'england'), `name` (as board.yml names it), `service`, `total`,
    `over_18_weeks_pct`, `over_52_weeks` (floats, NaN when not reported). Partner trusts come in
    board.yml's order, England last. `last_reported` gives, for each partner trust with no rows in
    the latest month (by its name in board.yml), the last month it had any.
    """

    file: str
    month: dt.date
    services: tuple[str, ...]
    table: pd.DataFrame
    last_reported: dict[str, dt.date]


def read_waiting_lists(
    data_dir: Path, name: str, organisations: list[Organisation]
) -> WaitingListData:
    """The latest month of the file for every organisation in board.yml that has an `nhs_name`.

    Raises
    ------
    DataError
        When a column is missing, a month is not a date, an `nhs_name` matches no row, the file
        has no England row for its latest month, or a figure used is neither a number nor NA.
    """
    table = read_table(data_dir / name, name, REQUIRED)
    bad_months = table[~table[MONTH].str.match(ISO_DATE)]
    problems = [
        Problem(name, int(row), MONTH, text, "a date as YYYY-MM-DD")
        for row, text in bad_months[MONTH].items()
    ]
    if problems or table.empty:
        raise DataError(problems or [Problem(name, None, None, None, "at least one row")])
    table = table.assign(
        month=pd.to_datetime(table[MONTH], format="%Y-%m-%d", errors="coerce"),
        key=table[NAME].str.casefold(),
    )
    problems = [
        Problem(name, int(row), MONTH, text, "a real date")
        for row, text in table.loc[table["month"].isna(), MONTH].items()
    ]
    partners = [o for o in organisations if o.nhs_name]
    for position, organisation in enumerate(organisations):
        if organisation.nhs_name and not (table["key"] == organisation.nhs_name.casefold()).any():
            problems.append(
                Problem(
                    BOARD_FILE,
                    None,
                    f"organisations[{position}].nhs_name",
                    organisation.nhs_name,
                    f"an organisation name found in {name} (ignoring case)",
                )
            )
    if problems:
        raise DataError(problems)
    latest = table["month"].max()
    england = table[(table["key"] == ENGLAND) & (table["month"] == latest)]
    if england.empty:
        raise DataError(
            [Problem(name, None, NAME, None, f"an 'England' row for {latest.date().isoformat()}")]
        )
    services = tuple(dict.fromkeys(england[SERVICE]))
    parts, last_reported = [], {}
    for organisation in partners:
        rows = table[table["key"] == organisation.nhs_name.casefold()]
        current = rows[rows["month"] == latest]
        if current.empty:
            last_reported[organisation.name] = rows["month"].max().date()
            continue
        parts.append(_figures(current, organisation.id, organisation.name, name, problems))
    parts.append(_figures(england, ENGLAND, "England", name, problems))
    if problems:
        raise DataError(problems)
    return WaitingListData(
        file=name,
        month=latest.date(),
        services=services,
        table=pd.concat(parts, ignore_index=True),
        last_reported=last_reported,
    )


def _figures(
    rows: pd.DataFrame, organisation: str, display: str, name: str, problems: list[Problem]
) -> pd.DataFrame:
    repeated = rows[rows[SERVICE].str.casefold().duplicated()]
    problems += [
        Problem(name, int(row), SERVICE, text, "each service once per organisation and month")
        for row, text in repeated[SERVICE].items()
    ]
    return pd.DataFrame(
        {
            "organisation": organisation,
            "name": display,
            "service": rows[SERVICE].to_numpy(),
            "total": _numbers(rows, TOTAL, name, problems),
            "over_18_weeks_pct": _numbers(rows, OVER_18_PCT, name, problems, percent=True),
            "over_52_weeks": _numbers(rows, OVER_52, name, problems),
        }
    )


def _numbers(
    rows: pd.DataFrame, column: str, name: str, problems: list[Problem], percent: bool = False
) -> list[float]:
    values = []
    for row, text in rows[column].items():
        if text in (NOT_REPORTED, ""):
            values.append(float("nan"))
            continue
        value = float(text) if NUMBER.match(text) else None
        if value is None or (percent and value > 100):
            expected = "a percentage from 0 to 100" if percent else "a whole number"
            problems.append(Problem(name, int(row), column, text, f"{expected}, or NA"))
            value = float("nan")
        values.append(value)
    return values
