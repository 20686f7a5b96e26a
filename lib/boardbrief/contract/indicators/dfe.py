"""Reading a Department for Education tidy statistics file: a measure for an area, region, England.

DfE publishes its underlying data in one tidy format (`time_period`, `geographic_level`,
`region_code`, `new_la_code`, then one column per measure). Cells that are not numbers carry the
Government Statistical Service symbols; each is read as missing *with its reason*, never as zero.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from boardbrief.contract.indicators.config import Measure
from boardbrief.contract.problems import DataError, Problem
from boardbrief.contract.read_tables import read_table

# The GSS symbols as the Government Analysis Function and DfE define them.
SYMBOLS = {
    "c": "confidential: withheld to protect individuals",
    "low": "rounds to zero, but is not zero",
    "u": "low reliability",
    "x": "not available",
    "z": "not applicable",
}
BLANK = "blank"
NO_ROW = "no row"
MISSING_MEANINGS = {
    **SYMBOLS,
    BLANK: "left blank in the published file",
    NO_ROW: "no row for this place and period in the published file",
}
GEOGRAPHIES = ("area", "region", "england")
LA_CODE_COLUMNS = ("new_la_code", "la_code")
REQUIRED = ["time_period", "geographic_level", "region_code"]
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
PERIOD = re.compile(r"^\d{4}(\d{2})?$")
LEVELS = {"area": "local authority", "region": "regional", "england": "national"}


@dataclass(frozen=True)
class MeasureSeries:
    """One measure for the area, its region and England, one row per period in the file.

    `table` columns: `period` (as published, e.g. '2022' or '202223'), `period_label` ('2022',
    '2022/23'), then for each of `GEOGRAPHIES` the value (float, NaN when missing) and `<geo>_note`
    (why it is missing: a key of `MISSING_MEANINGS`, or '' when there is a value). Oldest first.
    """

    measure: Measure
    file: str
    la_code: str
    area_name: str
    region_code: str
    region_name: str
    table: pd.DataFrame
    # the spreadsheet row of each (geography, period_label): where a figure can be traced to
    source_rows: dict[tuple[str, str], int] = field(default_factory=dict)

    def name(self, geography: str) -> str:
        """The place a geography stands for, as the briefing names it."""
        return {"area": self.area_name, "region": self.region_name, "england": "England"}[geography]


def read_dfe_measures(
    data_dir: Path, name: str, measures: Sequence[Measure], la_code: str, area: str
) -> dict[str, MeasureSeries]:
    """Each measure's series from one DfE tidy file, keyed by column.

    Parameters
    ----------
    data_dir
        The data folder; `name` is the file's path relative to it.
    measures
        The measures board.yml reads from this file.
    la_code
        The local authority's ONS code from board.yml, matched on `new_la_code` (or `la_code`).
    area
        The area's name from board.yml, used when the file has no `la_name` column.

    Raises
    ------
    DataError
        When a column is missing, the area's code is not in the file, a period is given twice for
        a place, or a cell used is neither a number nor a GSS symbol.
    """
    columns = [m.column for m in measures]
    table = read_table(data_dir / name, name, [*REQUIRED, *columns])
    code_column = next((c for c in LA_CODE_COLUMNS if c in table.columns), None)
    if code_column is None:
        expected = "a column named 'new_la_code' (or 'la_code') in the header row"
        raise DataError([Problem(name, 1, "new_la_code", None, expected)])
    level = table["geographic_level"].str.casefold()
    area_rows = table[
        (level == LEVELS["area"]) & (table[code_column].str.upper() == la_code.upper())
    ]
    if area_rows.empty:
        raise DataError(
            [
                Problem(
                    name,
                    None,
                    code_column,
                    la_code,
                    "the la_code in board.yml to match a 'Local authority' row of this file "
                    "(check la_code in board.yml)",
                )
            ]
        )
    problems = _bad_periods(table, name)
    if problems:
        raise DataError(problems)
    latest_row = area_rows.loc[area_rows["time_period"].astype(int).idxmax()]
    region_code = latest_row["region_code"]
    region_name = latest_row.get("region_name", "") or region_code or "the region"
    rows = {
        "area": area_rows,
        "region": table[(level == LEVELS["region"]) & (table["region_code"] == region_code)],
        "england": table[level == LEVELS["england"]],
    }
    for geography, selected in rows.items():
        problems += _repeated_periods(selected, name, geography)
    periods = sorted(set(table["time_period"]), key=int)
    series = {}
    for measure in measures:
        frame = pd.DataFrame(
            {"period": periods, "period_label": [period_label(p) for p in periods]}
        )
        for geography, selected in rows.items():
            values, notes = _parse_cells(selected, measure, name, problems)
            by_period = selected["time_period"]
            frame[geography] = frame["period"].map(dict(zip(by_period, values, strict=True)))
            frame[f"{geography}_note"] = (
                frame["period"].map(dict(zip(by_period, notes, strict=True))).fillna(NO_ROW)
            )
            frame[geography] = frame[geography].astype("float64")
        series[measure.column] = MeasureSeries(
            measure=measure,
            file=name,
            la_code=la_code,
            area_name=latest_row.get("la_name", "") or area,
            region_code=region_code,
            region_name=region_name,
            table=frame,
            source_rows={
                (geography, period_label(period)): int(row)
                for geography, selected in rows.items()
                for row, period in selected["time_period"].items()
            },
        )
    if problems:
        raise DataError(problems)
    return series


def period_label(period: str) -> str:
    """'2022' stays '2022'; an academic or financial year '202223' reads '2022/23'."""
    return f"{period[:4]}/{period[4:]}" if len(period) == 6 else period


def parse_cell(text: str) -> tuple[float | None, str]:
    """A cell as (value, note): a number and '', or None and why it is missing.

    Raises
    ------
    ValueError
        When the text is neither a number nor a GSS symbol.
    """
    text = text.strip()
    if not text:
        return None, BLANK
    if text.casefold() in SYMBOLS:
        return None, text.casefold()
    if NUMBER.match(text):
        return float(text), ""
    raise ValueError(text)


def _parse_cells(
    rows: pd.DataFrame, measure: Measure, name: str, problems: list[Problem]
) -> tuple[list[float | None], list[str]]:
    values, notes = [], []
    for row, text in rows[measure.column].items():
        try:
            value, note = parse_cell(text)
        except ValueError:
            expected = "a number or one of the symbols " + ", ".join(sorted(SYMBOLS))
            problems.append(Problem(name, int(row), measure.column, text, expected))
            value, note = None, BLANK
        if value is not None and measure.unit == "percent" and not 0 <= value <= 100:
            problems.append(
                Problem(name, int(row), measure.column, text, "a percentage from 0 to 100")
            )
        values.append(value)
        notes.append(note)
    return values, notes


def _bad_periods(table: pd.DataFrame, name: str) -> list[Problem]:
    bad = table[~table["time_period"].str.match(PERIOD)]
    return [
        Problem(name, int(row), "time_period", text, "a year as YYYY, or YYYYYY as in 202223")
        for row, text in bad["time_period"].items()
    ]


def _repeated_periods(rows: pd.DataFrame, name: str, geography: str) -> list[Problem]:
    repeated = rows[rows["time_period"].duplicated(keep="first")]
    return [
        Problem(
            name,
            int(row),
            "time_period",
            text,
            f"one row per period for the {geography if geography != 'area' else 'local area'} "
            "(this period is given twice)",
        )
        for row, text in repeated["time_period"].items()
    ]
