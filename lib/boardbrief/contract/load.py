"""Loading a board's data folder: find every file, check it against the contract, convert types.

Nothing renders until this has passed: every problem in every file is collected and raised
together as one `DataError`.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from boardbrief.contract import columns
from boardbrief.contract.board_config import BOARD_FILE, BoardConfig, load_board_config
from boardbrief.contract.codebook import THEMES_FILE, Codebook, load_codebook
from boardbrief.contract.commentary import Commentary, read_commentary
from boardbrief.contract.indicators import Indicators, load_indicators
from boardbrief.contract.measures import Measures, load_measures
from boardbrief.contract.problems import DataError, Problem
from boardbrief.contract.read_tables import FORMULA_PROBLEMS, TABLE_SUFFIXES, read_table
from boardbrief.contract.returns_record import (
    RETURNS_FOLDER,
    ReturnsRecord,
    is_returns_record,
    load_returns_records,
    returns_record_name,
)
from boardbrief.formatting import plural

# pandera, and `schemas` built with it, are imported by the functions that check a table, not
# here: a kernel given the data the render checked never checks a table, and saves their import.
if TYPE_CHECKING:
    from pandera.pandas import DataFrameSchema

log = logging.getLogger(__name__)

DATED_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})$")
IGNORED_PREFIXES = (".", "~$")  # hidden files and Excel's lock files
IGNORED_SUFFIXES = (".md", ".txt")  # notes kept beside the data


@dataclass(frozen=True)
class Snapshot:
    """One dated table (an action-plan tracker or an investment register) as at its date."""

    date: dt.date
    file: str
    table: pd.DataFrame


@dataclass(frozen=True)
class BoardData:
    """Everything in a data folder, checked and typed."""

    data_dir: Path
    config: BoardConfig
    actions: dict[dt.date, Snapshot]
    funding: dict[dt.date, Snapshot]
    feedback: pd.DataFrame
    codebook: Codebook
    commentary: dict[dt.date, Commentary]
    indicators: Indicators
    files_read: tuple[str, ...]
    measures: Measures | None = None  # the impact scorecard's; None without measures.yml
    returns: dict[dt.date, ReturnsRecord] = field(default_factory=dict)  # by snapshot date
    risks: dict[dt.date, Snapshot] = field(default_factory=dict)  # empty without risks/


def load_board_data(data_dir: Path | str) -> BoardData:
    """Read and check every file in `data_dir`.

    Parameters
    ----------
    data_dir
        The folder holding `board.yml`, `actions/`, `funding/`, `feedback/` (see data/README.md).

    Raises
    ------
    DataError
        With every problem found, each naming file, row, column and what was expected.
    """
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise DataError([Problem(str(data_dir), None, None, None, "a data folder that exists")])
    config = load_board_config(data_dir)
    problems: list[Problem] = []
    codebook = None

    def collect(step: Callable[[], object]) -> object:
        try:
            return step()
        except DataError as error:
            problems.extend(error.problems)
            return None

    codebook = collect(lambda: load_codebook(data_dir, list(config.priority_areas)))
    theme_ids = codebook.ids if codebook else None
    action_files = collect(lambda: _dated_files(data_dir, "actions", TABLE_SUFFIXES)) or {}
    funding_files = collect(lambda: _dated_files(data_dir, "funding", TABLE_SUFFIXES)) or {}
    feedback_files = collect(lambda: _feedback_files(data_dir)) or []
    commentary_files = collect(lambda: _dated_files(data_dir, "commentary", (".md",), True)) or {}
    risk_files = collect(lambda: _dated_files(data_dir, "risks", TABLE_SUFFIXES, True)) or {}

    actions = {
        date: collect(lambda d=date, f=file: _load_actions(data_dir, f, d, config, theme_ids))
        for date, file in action_files.items()
    }
    funding = {
        date: collect(lambda d=date, f=file: _load_funding(data_dir, f, d, config))
        for date, file in funding_files.items()
    }
    risks = {
        date: collect(lambda d=date, f=file: _load_risks(data_dir, f, d, config))
        for date, file in risk_files.items()
    }
    feedback_tables = [
        collect(lambda f=file: _read_feedback(data_dir, f, config, theme_ids))
        for file in feedback_files
    ]
    feedback = _combine_feedback([t for t in feedback_tables if t is not None], problems)
    area_ids = list(config.priority_areas)
    commentary = {
        date: collect(lambda f=file: read_commentary(data_dir / f, f, area_ids))
        for date, file in commentary_files.items()
    }
    indicators = collect(lambda: load_indicators(data_dir, config))
    loaded = [s for s in actions.values() if s is not None]
    action_ids = {i for s in loaded for i in s.table["action_id"]}
    known_ids = action_ids if len(loaded) == len(actions) else None
    measures = collect(lambda: load_measures(data_dir, config, known_ids))
    returns = collect(lambda: load_returns_records(data_dir, config, set(action_files))) or {}
    if problems:
        raise DataError(problems)

    files_read = [
        BOARD_FILE,
        THEMES_FILE,
        *action_files.values(),
        *funding_files.values(),
        *feedback_files,
        *commentary_files.values(),
        *risk_files.values(),
        *indicators.files_read,
        *(measures.files_read if measures else ()),
        *(returns_record_name(date) for date in returns),
    ]
    log.info(
        "checked %s: %s, %s, %s",
        plural(len(files_read), "file"),
        plural(len(actions), "action snapshot"),
        plural(len(funding), "investment register"),
        plural(len(feedback), "comment"),
    )
    return BoardData(
        data_dir=data_dir,
        config=config,
        actions=actions,
        funding=funding,
        feedback=feedback,
        codebook=codebook,
        commentary=commentary,
        indicators=indicators,
        files_read=tuple(sorted(files_read)),
        measures=measures,
        returns=returns,
        risks=risks,
    )


def _dated_files(
    data_dir: Path, folder: str, suffixes: tuple[str, ...], optional: bool = False
) -> dict[dt.date, str]:
    """Files named `YYYY-MM-DD.<suffix>` in a folder, by date, as names relative to data_dir."""
    directory = data_dir / folder
    if not directory.is_dir():
        if optional:
            return {}
        raise DataError([Problem(f"{folder}/", None, None, None, "this folder to exist")])
    found: dict[dt.date, str] = {}
    problems = []
    for path in sorted(directory.iterdir()):
        name = f"{folder}/{path.name}"
        if _ignored(path, suffixes) or (folder == RETURNS_FOLDER and is_returns_record(path)):
            continue  # a returns record is read by its own loader
        match = DATED_NAME.match(path.stem)
        date = _date_or_none(match.group(1)) if match else None
        if path.suffix.lower() not in suffixes or date is None:
            shown = " or ".join(suffixes)
            problems.append(
                Problem(name, None, None, None, f"a file named by its date, YYYY-MM-DD{shown}")
            )
        elif date in found:
            problems.append(
                Problem(name, None, None, None, f"one file per date (also {found[date]})")
            )
        else:
            found[date] = name
    if problems:
        raise DataError(problems)
    return dict(sorted(found.items()))


def _feedback_files(data_dir: Path) -> list[str]:
    directory = data_dir / "feedback"
    if not directory.is_dir():
        raise DataError([Problem("feedback/", None, None, None, "this folder to exist")])
    files, problems = [], []
    for path in sorted(directory.iterdir()):
        if _ignored(path, TABLE_SUFFIXES):
            continue
        name = f"feedback/{path.name}"
        if path.suffix.lower() in TABLE_SUFFIXES:
            files.append(name)
        else:
            problems.append(Problem(name, None, None, None, "a .csv or .xlsx table of comments"))
    if problems:
        raise DataError(problems)
    return files


def _ignored(path: Path, suffixes: tuple[str, ...]) -> bool:
    if path.name.startswith(IGNORED_PREFIXES) or path.is_dir():
        return True
    return path.suffix.lower() in IGNORED_SUFFIXES and path.suffix.lower() not in suffixes


def _date_or_none(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _validated(
    data_dir: Path, name: str, required: list[str], schema: DataFrameSchema
) -> pd.DataFrame:
    import pandera.pandas as pa

    from boardbrief.contract import schemas

    table = read_table(data_dir / name, name, required, defer_formulas=True)
    # A formula with no saved result reads as blank: it is reported as itself, and every other
    # problem in the file is still reported beside it.
    formulas = table.attrs.get(FORMULA_PROBLEMS, [])
    problems = []
    try:
        schema.validate(table, lazy=True)
    except pa.errors.SchemaErrors as error:
        problems = schemas.problems_from_failures(error.failure_cases, table, name)
    formula_cells = {(p.row, p.column) for p in formulas}
    problems = [*formulas, *(p for p in problems if (p.row, p.column) not in formula_cells)]
    if problems:
        raise DataError(_totals_rows_named(table, name, problems))
    return table


TOTALS_ROW = (
    "only rows of data, but this looks like a totals row: delete it (the briefing adds up "
    "the rows itself)"
)


def _totals_rows_named(table: pd.DataFrame, name: str, problems: list[Problem]) -> list[Problem]:
    """A row with problems that is a spreadsheet's totals row is called one, once, instead.

    It is one when its first cell starts with "total", or when every cell is blank but for
    numbers under the money columns (`..._gbp`).
    """
    money = [c for c in table.columns if c.endswith("_gbp")]
    others = [c for c in table.columns if c not in money]
    first = table.iloc[:, 0].str.casefold().str.startswith("total")
    only_money = (table[others] == "").all(axis=1) & (table[money] != "").any(axis=1)
    totals = set(table.index[first | only_money]) if money else set(table.index[first])
    rows_with_problems = {p.row for p in problems}
    named = [
        Problem(name, row, None, table.at[row, table.columns[0]] or None, TOTALS_ROW)
        for row in sorted(totals & rows_with_problems)
    ]
    return [*named, *(p for p in problems if p.row not in totals)]


def _load_actions(
    data_dir: Path,
    name: str,
    date: dt.date,
    config: BoardConfig,
    theme_ids: list[str] | None = None,
) -> Snapshot:
    from boardbrief.contract import schemas

    schema = schemas.actions_schema(config, date, theme_ids)
    table = _validated(data_dir, name, columns.ACTION_COLUMNS, schema)
    if table.empty:  # a plan with no actions would read as "all complete"
        raise DataError([Problem(name, None, None, None, "at least one action below the header")])
    table = table.assign(
        priority_area=_canonical(table["priority_area"], config.priority_areas),
        owner=_canonical(table["owner"], config.organisation_ids),
        rag=schemas.normalise_rags(table["rag"]),
        due_date=schemas.parse_dates(table["due_date"]),
        last_updated=schemas.parse_dates(table["last_updated"]),
    )
    if "revised_due_date" in table.columns:
        table = table.assign(revised_due_date=schemas.parse_dates(table["revised_due_date"]))
    return Snapshot(date, name, table)


def _load_funding(data_dir: Path, name: str, date: dt.date, config: BoardConfig) -> Snapshot:
    from boardbrief.contract import schemas

    table = _validated(data_dir, name, columns.FUNDING_COLUMNS, schemas.funding_schema(config))
    table = table.assign(
        organisation=_canonical(table["organisation"], config.organisation_ids),
        priority_area=_canonical(table["priority_area"], config.priority_areas),
        kind=table["kind"].str.casefold(),
        district=_canonical(table["district"], config.district_names),
        committed_pence=schemas.parse_pence(table["committed_gbp"]),
        spent_pence=schemas.parse_pence(table["spent_gbp"]),
    ).drop(columns=["committed_gbp", "spent_gbp"])
    return Snapshot(date, name, table)


def _load_risks(data_dir: Path, name: str, date: dt.date, config: BoardConfig) -> Snapshot:
    from boardbrief.contract import schemas

    table = _validated(data_dir, name, columns.RISK_COLUMNS, schemas.risks_schema(config))
    if "priority_area" not in table.columns:
        table = table.assign(priority_area="")
    table = table.assign(
        owner=_canonical(table["owner"], config.organisation_ids),
        priority_area=_canonical(table["priority_area"], config.priority_areas),
        likelihood=table["likelihood"].astype("int64"),
        impact=table["impact"].astype("int64"),
        status=table["status"].str.casefold(),
    )
    return Snapshot(date, name, table)


def _read_feedback(
    data_dir: Path, name: str, config: BoardConfig, theme_ids: list[str] | None
) -> pd.DataFrame:
    from boardbrief.contract import schemas

    schema = schemas.feedback_schema(config, theme_ids)
    table = _validated(data_dir, name, columns.FEEDBACK_COLUMNS, schema)
    return table.assign(
        source_file=name,
        source_row=table.index,
        date=schemas.parse_dates(table["date"]),
        district=_canonical(table["district"], config.district_names),
        respondent=table["respondent"].str.casefold(),
        consent_to_quote=table["consent_to_quote"].str.casefold() == "yes",
    )


def _combine_feedback(tables: list[pd.DataFrame], problems: list[Problem]) -> pd.DataFrame:
    """All comments in one table; an id used in two files is a problem in each."""
    if not tables:
        names = [*columns.FEEDBACK_COLUMNS, "source_file", "source_row"]
        return pd.DataFrame(columns=names).astype({"date": "datetime64[ns]"})
    combined = pd.concat(tables, ignore_index=True)
    # A column only some files have (theme, rating) is blank, not missing, in the others.
    text_columns = [c for c in combined.columns if pd.api.types.is_string_dtype(combined[c])]
    combined[text_columns] = combined[text_columns].fillna("")
    repeated = combined[combined["feedback_id"].duplicated(keep=False)]
    for feedback_id, group in repeated.groupby("feedback_id", sort=True):
        if group["source_file"].nunique() < 2:
            continue  # repeats within one file were reported by its schema
        for record in group.itertuples():
            elsewhere = group[group["source_file"] != record.source_file]
            where = ", ".join(
                f"{f} row {r}"
                for f, r in zip(elsewhere.source_file, elsewhere.source_row, strict=True)
            )
            problems.append(
                Problem(
                    record.source_file,
                    int(record.source_row),
                    "feedback_id",
                    str(feedback_id),
                    f"an id unique across feedback files (also in {where})",
                )
            )
    return combined


def _canonical(values: pd.Series, allowed: object) -> pd.Series:
    """Replace case variants ('preston') with the spelling in board.yml ('Preston')."""
    spelling = {str(v).casefold(): str(v) for v in allowed}
    return values.map(lambda v: spelling.get(v.casefold(), v))
