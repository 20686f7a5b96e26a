"""Reading and checking the impact scorecard's data: `measures.yml` and the `measures/` tables.

`measures.yml` names each local outcome measure (its priority area, owner, unit, which way is
better, how often it is reported) and its trajectory: a baseline, an optional target and dated
milestones between them. `measures/*.csv|xlsx` hold the reported values, one a row, in any
number of files. Both are optional: a board without `measures.yml` has no scorecard.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

import pandas as pd
from pydantic import BeforeValidator, Field, ValidationError, field_validator

from boardbrief.contract.board_config import BoardConfig
from boardbrief.contract.plain_yaml import line_of
from boardbrief.contract.problems import DataError, Problem
from boardbrief.contract.read_tables import TABLE_SUFFIXES, read_table
from boardbrief.contract.settings import (
    IDENTIFIER,
    IsoDate,
    Settings,
    Text,
    problems_from,
    read_settings_file,
    require_unique,
)

log = logging.getLogger(__name__)

MEASURES_FILE = "measures.yml"
MEASURES_FOLDER = "measures"
VALUE_COLUMNS = ["measure_id", "period_end", "value"]
UNITS = ("percent", "number", "days", "weeks", "rate")
FREQUENCIES = ("monthly", "quarterly", "termly", "annual")
STATUSES = ("provisional", "final")
NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
IGNORED_PREFIXES = (".", "~$")
IGNORED_SUFFIXES = (".md", ".txt")


def _plain_number(value: object) -> float | int:
    """A number written as a number: `45` or `45.5`, never `'45'` or `true`."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("a number such as 45 or 45.5")
    return value


Number = Annotated[float | int, BeforeValidator(_plain_number)]


class Point(Settings):
    """A dated value on a measure's trajectory: its baseline, a milestone or its target."""

    period: IsoDate
    value: Number


class MeasureDefinition(Settings):
    """One local outcome measure as `measures.yml` defines it."""

    id: Annotated[str, Field(pattern=IDENTIFIER, max_length=64)]
    name: Text
    area: Annotated[str, Field(min_length=1, max_length=64)]
    owner: Annotated[str, Field(min_length=1, max_length=64)]
    unit: Literal["percent", "number", "days", "weeks", "rate"]
    polarity: Literal["higher", "lower"]
    frequency: Literal["monthly", "quarterly", "termly", "annual"]
    baseline: Point
    target: Point | None = None
    milestones: list[Point] = Field(default_factory=list)
    tolerance: Annotated[Number, Field(ge=0)] | None = None
    actions: list[Annotated[str, Field(pattern=IDENTIFIER, max_length=64)]] = Field(
        default_factory=list
    )

    @property
    def trajectory(self) -> list[Point]:
        """Baseline, milestones and target in date order (just the baseline with no target)."""
        if self.target is None:
            return [self.baseline]
        return [self.baseline, *self.milestones, self.target]


class MeasuresFile(Settings):
    """The whole of `measures.yml`."""

    measures: list[MeasureDefinition] = Field(min_length=1)

    @field_validator("measures")
    @classmethod
    def _ids_unique(cls, measures: list[MeasureDefinition]) -> list[MeasureDefinition]:
        require_unique([m.id for m in measures], "measure ids (ignoring case)")
        return measures


@dataclass(frozen=True)
class Measures:
    """The scorecard's measures and every reported value, checked.

    `values` has one row per value: `measure_id` (as spelled in measures.yml), `period_end`
    (datetime64), `value` (float), `status` (`provisional` or `final`), `note`, `source_file`
    and `source_row`, sorted by measure and period.
    """

    definitions: tuple[MeasureDefinition, ...]
    values: pd.DataFrame
    files_read: tuple[str, ...] = field(default_factory=tuple)

    def definition(self, measure_id: str) -> MeasureDefinition:
        return next(m for m in self.definitions if m.id == measure_id)


def load_measures(
    data_dir: Path | str, config: BoardConfig, action_ids: set[str] | None = None
) -> Measures | None:
    """Read and check `measures.yml` and the tables in `measures/`.

    Parameters
    ----------
    data_dir
        The data folder.
    config
        The checked board.yml: measures name its priority areas and organisations.
    action_ids
        Every action id in the action-plan snapshots, to check the measures' `actions`; None
        when the snapshots could not be read (their own problems are reported).

    Returns
    -------
    Measures or None
        None when the board has no `measures.yml` (it then has no scorecard).

    Raises
    ------
    DataError
        With every problem in `measures.yml` and in every table, each naming its place.
    """
    data_dir = Path(data_dir)
    if not (data_dir / MEASURES_FILE).exists():
        if (data_dir / MEASURES_FOLDER).is_dir() and _table_files(data_dir):
            expected = "this file, defining the measures that the tables in measures/ report"
            raise DataError([Problem(MEASURES_FILE, None, None, None, expected)])
        return None
    definitions = read_measures_file(data_dir, config, action_ids)
    files = _table_files(data_dir)
    problems: list[Problem] = []
    tables = []
    for name in files:
        try:
            tables.append(_read_values(data_dir, name, definitions))
        except DataError as error:
            problems.extend(error.problems)
    values = _combine(tables, problems)
    if problems:
        raise DataError(problems)
    log.info(
        "read %d measures and %d values from %d files", len(definitions), len(values), len(files)
    )
    return Measures(
        definitions=tuple(definitions),
        values=values,
        files_read=(MEASURES_FILE, *files),
    )


def read_measures_file(
    data_dir: Path, config: BoardConfig, action_ids: set[str] | None = None
) -> list[MeasureDefinition]:
    """The measures in `measures.yml`, checked against the contract and against board.yml."""
    raw, root = read_settings_file(
        data_dir, MEASURES_FILE, "a YAML mapping with a list of measures"
    )
    try:
        parsed = MeasuresFile.model_validate(raw)
    except ValidationError as error:
        raise DataError(problems_from(error, root, MEASURES_FILE)) from None
    problems = []
    for index, measure in enumerate(parsed.measures):
        problems += _measure_problems(measure, index, root, config, action_ids)
    if problems:
        raise DataError(problems)
    return parsed.measures


def _measure_problems(
    measure: MeasureDefinition,
    index: int,
    root: object,
    config: BoardConfig,
    action_ids: set[str] | None,
) -> list[Problem]:
    """What pydantic cannot see alone: ids from board.yml, dates in order, values in range."""
    problems = []

    def problem(location: tuple, value: object, expected: str) -> None:
        where = ("measures", index, *location)
        shown = None if value is None else str(value)
        dotted = f"measures[{index}]" + "".join(
            f"[{p}]" if isinstance(p, int) else f".{p}" for p in location
        )
        problems.append(Problem(MEASURES_FILE, line_of(root, where), dotted, shown, expected))

    areas = {a.casefold() for a in config.priority_areas}
    if measure.area.casefold() not in areas:
        listed = ", ".join(sorted(config.priority_areas))
        problem(("area",), measure.area, f"a priority area id from board.yml ({listed})")
    owners = {o.casefold() for o in config.organisation_ids}
    if measure.owner.casefold() not in owners:
        listed = _listed(config.organisation_ids)
        problem(("owner",), measure.owner, f"an organisation id from board.yml ({listed})")
    points = [("baseline", measure.baseline)]
    if measure.target is not None:
        points.append(("target", measure.target))
    points += [(("milestones", i), m) for i, m in enumerate(measure.milestones)]
    for location, point in points:
        place = location if isinstance(location, tuple) else (location,)
        expected = _range_expected(measure.unit, point.value)
        if expected:
            problem((*place, "value"), _number(point.value), expected)
    baseline, target = measure.baseline.period, None
    if measure.target is not None:
        target = measure.target.period
        if target <= baseline:
            problem(
                ("target", "period"),
                target.isoformat(),
                f"a date after the baseline's ({baseline.isoformat()})",
            )
    if measure.milestones and measure.target is None:
        problem(("milestones",), None, "no milestones when there is no target")
    elif target is not None and target > baseline:
        previous = baseline
        for i, milestone in enumerate(measure.milestones):
            date = milestone.period
            if not baseline < date < target:
                problem(
                    ("milestones", i, "period"),
                    date.isoformat(),
                    f"a date strictly between the baseline ({baseline.isoformat()}) and the "
                    f"target ({target.isoformat()})",
                )
            elif date <= previous:
                problem(
                    ("milestones", i, "period"),
                    date.isoformat(),
                    f"milestones in date order, each after the one before ({previous.isoformat()})",
                )
            previous = max(previous, date)
    if action_ids is not None:
        known = {a.casefold() for a in action_ids}
        for i, action in enumerate(measure.actions):
            if action.casefold() not in known:
                problem(("actions", i), action, "an action id from the action plan")
    return problems


def _range_expected(unit: str, value: float) -> str | None:
    """What a value of this unit must be, when `value` is not; None when it is fine."""
    if unit == "percent" and not 0 <= value <= 100:
        return "a percentage from 0 to 100"
    if unit != "percent" and value < 0:
        return f"a {'count' if unit == 'number' else unit} of zero or more"
    return None


def _table_files(data_dir: Path) -> list[str]:
    directory = data_dir / MEASURES_FOLDER
    if not directory.is_dir():
        return []
    files, problems = [], []
    for path in sorted(directory.iterdir()):
        if path.name.startswith(IGNORED_PREFIXES) or path.is_dir():
            continue
        suffix = path.suffix.lower()
        name = f"{MEASURES_FOLDER}/{path.name}"
        if suffix in TABLE_SUFFIXES:
            files.append(name)
        elif suffix not in IGNORED_SUFFIXES:
            problems.append(Problem(name, None, None, None, "a .csv or .xlsx table of values"))
    if problems:
        raise DataError(problems)
    return files


def _read_values(data_dir: Path, name: str, definitions: list[MeasureDefinition]) -> pd.DataFrame:
    """One table of values, every cell checked; a DataError lists every bad cell."""
    table = read_table(data_dir / name, name, VALUE_COLUMNS)
    for optional in ("status", "note"):
        if optional not in table.columns:
            table[optional] = ""
    by_id = {m.id.casefold(): m for m in definitions}
    problems = []
    ids = []
    for row, record in table.iterrows():
        measure = by_id.get(record["measure_id"].casefold())
        ids.append(measure.id if measure else record["measure_id"])
        problems += _row_problems(name, row, record, measure, definitions)
    if problems:
        raise DataError(problems)
    return pd.DataFrame(
        {
            "measure_id": ids,
            "period_end": pd.to_datetime(table["period_end"], format="%Y-%m-%d"),
            "value": table["value"].astype(float),
            "status": table["status"].str.casefold().replace("", "final"),
            "note": table["note"],
            "source_file": name,
            "source_row": table.index,
        }
    )


def _row_problems(
    name: str,
    row: int,
    record: pd.Series,
    measure: MeasureDefinition | None,
    definitions: list[MeasureDefinition],
) -> list[Problem]:
    problems = []
    measure_id = record["measure_id"]
    if measure is None:
        listed = _listed([m.id for m in definitions])
        expected = f"a measure id from measures.yml ({listed})"
        problems.append(Problem(name, row, "measure_id", measure_id, expected))
    period = record["period_end"]
    if not (DATE.match(period) and _real_date(period)):
        problems.append(
            Problem(name, row, "period_end", period, "a real date written as YYYY-MM-DD")
        )
    value = record["value"]
    if not NUMBER.match(value):
        problems.append(Problem(name, row, "value", value, "a number like 45 or 45.5"))
    elif measure is not None:
        expected = _range_expected(measure.unit, float(value))
        if expected:
            problems.append(Problem(name, row, "value", value, expected))
    status = record["status"]
    if status and status.casefold() not in STATUSES:
        problems.append(Problem(name, row, "status", status, "provisional or final, or blank"))
    return problems


def _combine(tables: list[pd.DataFrame], problems: list[Problem]) -> pd.DataFrame:
    """Every value in one table; a measure reported twice for one period is a problem each time."""
    columns = ["measure_id", "period_end", "value", "status", "note", "source_file", "source_row"]
    if not tables:
        return pd.DataFrame(columns=columns).astype(
            {"period_end": "datetime64[ns]", "value": "float64"}
        )
    combined = pd.concat(tables, ignore_index=True)[columns]
    keys = ["measure_id", "period_end"]
    repeated = combined[combined.duplicated(keys, keep=False)]
    for _, group in repeated.groupby(keys, sort=True):
        for record in group.itertuples():
            others = group[group.index != record.Index]
            where = ", ".join(
                f"{f} row {r}" for f, r in zip(others.source_file, others.source_row, strict=True)
            )
            problems.append(
                Problem(
                    record.source_file,
                    int(record.source_row),
                    "period_end",
                    record.period_end.date().isoformat(),
                    f"one value per measure and period_end (also {where})",
                )
            )
    return combined.sort_values(keys, kind="stable").reset_index(drop=True)


def _real_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _number(value: float) -> str:
    return f"{value:g}"


def _listed(values: list[str]) -> str:
    shown = sorted(values)
    return ", ".join(shown[:8]) + (", …" if len(shown) > 8 else "")
