"""Reading returned workbooks and checking every cell, so a bad return is refused whole.

Every problem in every workbook is collected: the file, the sheet, the row, the column, the value
found and what was expected. Pre-filled cells must be as they were made; filled-in cells must be
what their column asks for.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from boardbrief.contract.columns import FUNDING_KINDS
from boardbrief.contract.problems import Problem
from boardbrief.ratings import normalise_rag
from boardbrief.returns import layout
from boardbrief.returns.expected import Asked, ReturnsRound
from boardbrief.returns.layout import Column
from boardbrief.returns.rows import action_rows, line_rows, measure_rows

IGNORED_PREFIXES = (".", "~$")  # hidden files and Excel's lock files
IGNORED_SUFFIXES = (".md", ".txt")
MACRO_SUFFIXES = (".xlsm", ".xltm", ".xlsb")
POUNDS = re.compile(r"^£?\s*([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]{1,2})?$")
NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
RATING_EXPECTED = "Red, Amber, Green or Complete, chosen from the drop-down"
DATE_EXPECTED = "a date, e.g. 2027-03-31"
LOCKED = "pre-filled cells as they were made"
NO_RESULT = (
    "a value, but this formula has no saved result (open the file in Excel and save it, "
    "or type the value)"
)


@dataclass(frozen=True)
class ActionUpdate:
    """What an organisation said about one action; None where it left the cell blank."""

    action_id: str
    rag: str | None
    commentary: str | None
    due_date: dt.date | None


@dataclass(frozen=True)
class LineUpdate:
    """An investment line's amounts as returned (a new line has no id yet)."""

    line_id: str | None
    committed_pence: int
    spent_pence: int
    description: str = ""
    priority_area: str = ""
    district: str = ""
    kind: str = ""


@dataclass(frozen=True)
class MeasureValue:
    """One value for one measure's period."""

    measure_id: str
    period_end: dt.date
    value: str
    status: str
    note: str


@dataclass
class Returned:
    """One organisation's checked return."""

    organisation_id: str
    file: str
    actions: list[ActionUpdate] = field(default_factory=list)
    lines: list[LineUpdate] = field(default_factory=list)
    measures: list[MeasureValue] = field(default_factory=list)


@dataclass(frozen=True)
class Identity:
    """Which board, meeting and organisation a workbook says it is for."""

    board: str
    la_code: str
    meeting: str
    organisation: str


def returned_files(folder: Path) -> list[Path]:
    """The files in the returns folder that should be workbooks (notes and lock files aside)."""
    return sorted(
        path
        for path in folder.iterdir()
        if path.is_file()
        and not path.name.startswith(IGNORED_PREFIXES)
        and path.suffix.lower() not in IGNORED_SUFFIXES
    )


def read_identity(path: Path) -> Identity | Problem:
    """The workbook's identity sheet, or the problem that stops it being read at all."""
    name = path.name
    suffix = path.suffix.lower()
    if suffix in MACRO_SUFFIXES:
        expected = (
            "an .xlsx workbook without macros (in Excel: File, Save As, 'Excel Workbook (.xlsx)')"
        )
        return Problem(name, None, None, None, expected)
    if suffix != layout.WORKBOOK_SUFFIX:
        return Problem(name, None, None, None, "a returned workbook, saved as .xlsx")
    workbook = _open(path, data_only=True)
    if workbook is None:
        expected = "an Excel .xlsx workbook, but it could not be opened as one"
        return Problem(name, None, None, None, expected)
    if layout.IDENTITY_SHEET not in workbook.sheetnames:
        expected = (
            f"a workbook made by the returns command (its hidden sheet "
            f"'{layout.IDENTITY_SHEET}' is missing)"
        )
        return Problem(name, None, None, None, expected)
    sheet = workbook[layout.IDENTITY_SHEET]
    values = {
        _text(sheet.cell(row=row, column=1).value): _text(sheet.cell(row=row, column=2).value)
        for row in range(1, len(layout.IDENTITY_KEYS) + 1)
    }
    return Identity(*(values.get(key, "") for key in layout.IDENTITY_KEYS))


def identity_problem(identity: Identity, name: str, returns: ReturnsRound) -> Problem | None:
    """Whether the workbook is this board's, for this meeting, from an organisation asked."""
    config = returns.config
    if (identity.board, identity.la_code) != (config.board, config.la_code):
        return Problem(name, None, None, identity.board, f"a workbook for {config.board}")
    if identity.meeting != returns.meeting.isoformat():
        expected = f"a workbook for the meeting of {returns.meeting.isoformat()}"
        return Problem(name, None, None, identity.meeting, expected)
    if identity.organisation not in returns.asked:
        expected = "a workbook for an organisation asked for a return for this meeting"
        return Problem(name, None, None, identity.organisation, expected)
    return None


def read_returns(folder: Path, returns: ReturnsRound) -> tuple[dict[str, Returned], list[Problem]]:
    """Every returned workbook in `folder`, checked, by organisation; and every problem found."""
    received: dict[str, Returned] = {}
    problems: list[Problem] = []
    for path in returned_files(folder):
        identity = read_identity(path)
        if isinstance(identity, Problem):
            problems.append(identity)
            continue
        wrong = identity_problem(identity, path.name, returns)
        if wrong is not None:
            problems.append(wrong)
            continue
        if identity.organisation in received:
            first = received[identity.organisation].file
            expected = f"one workbook per organisation (also {first})"
            problems.append(Problem(path.name, None, None, None, expected))
            continue
        returned, found = _read_workbook(path, returns, returns.asked[identity.organisation])
        problems += found
        received[identity.organisation] = returned
    return received, problems


def _read_workbook(
    path: Path, returns: ReturnsRound, asked: Asked
) -> tuple[Returned, list[Problem]]:
    values = _open(path, data_only=True)
    formulas = _open(path, data_only=False)
    returned = Returned(asked.organisation.id, path.name)
    sheets = [
        (layout.ACTIONS_SHEET, layout.ACTION_COLUMNS, _check_actions),
        (layout.INVESTMENT_SHEET, layout.INVESTMENT_COLUMNS, _check_investment),
    ]
    if returns.data.measures is not None:
        sheets.append((layout.MEASURES_SHEET, layout.MEASURE_COLUMNS, _check_measures))
    problems = []
    for title, columns, check in sheets:
        if title not in values.sheetnames:
            problems.append(Problem(path.name, None, None, None, f"a sheet named '{title}'"))
            continue
        sheet = _Sheet(f"{path.name}, sheet '{title}'", columns)
        sheet.load(values[title], formulas[title])
        if sheet.problems:  # a changed header or a formula with no result: nothing else is sure
            problems += sheet.problems
            continue
        check(sheet, returns, asked, returned)
        problems += sheet.problems
    return returned, problems


class _Sheet:
    """One sheet's cells as values, and the problems found in them."""

    def __init__(self, name: str, columns: tuple[Column, ...]):
        self.name = name
        self.columns = columns
        self.rows: dict[int, list[object]] = {}
        self.problems: list[Problem] = []

    def load(self, values, formulas) -> None:
        headers = [column.header for column in self.columns]
        found = [_text(values.cell(row=1, column=n).value) for n in range(1, len(headers) + 1)]
        if found != headers:
            for position, (there, header) in enumerate(zip(found, headers, strict=True), 1):
                if there != header:
                    expected = f"the header '{header}' as made (columns cannot be renamed or moved)"
                    self.problem(1, None, there or " ", f"in column {position}, {expected}")
            return
        width = len(headers)
        formula_rows = formulas.iter_rows(min_row=2, max_col=width, values_only=True)
        value_rows = values.iter_rows(min_row=2, max_col=width, values_only=True)
        for number, (row, written) in enumerate(zip(value_rows, formula_rows, strict=False), 2):
            cells = list(row) + [None] * (width - len(row))
            for position, (cell, formula) in enumerate(zip(cells, written, strict=False)):
                if cell is None and isinstance(formula, str) and formula.startswith("="):
                    self.problem(number, headers[position], formula, NO_RESULT)
            self.rows[number] = cells

    def cell(self, row: int, header: str) -> object:
        cells = self.rows.get(row) or [None] * len(self.columns)
        return cells[layout.column_number(self.columns, header) - 1]

    def problem(self, row: int | None, header: str | None, value: object, expected: str) -> None:
        shown = None if value is None else _text(value) or " "
        self.problems.append(Problem(self.name, row, header, shown, expected))

    def filled_rows(self) -> list[int]:
        return [n for n, cells in self.rows.items() if any(_text(c) for c in cells)]

    def check_locked(self, row: int, expected: list[object]) -> bool:
        """Each pre-filled cell of `row` as made; False (with a problem each) when one is not."""
        ok = True
        for column, wanted in zip(self.columns, expected, strict=True):
            if column.filled_in:
                continue
            found = self.cell(row, column.header)
            if _text(found) != _text(wanted):
                shown = _text(wanted) or "blank"
                self.problem(row, column.header, found, f"{shown}, as pre-filled ({LOCKED})")
                ok = False
        return ok


def _check_actions(sheet: _Sheet, returns: ReturnsRound, asked: Asked, returned: Returned) -> None:
    expected = action_rows(returns, asked)
    for row, wanted in enumerate(expected, start=2):
        if not sheet.check_locked(row, wanted):
            continue
        rating = _rating(sheet, row)
        commentary = _text(sheet.cell(row, "Commentary"))
        due = _date(sheet, row, "Revised due date")
        current = layout.RATING_CHOICES[wanted[4]]
        result = rating or current
        if rating is not None and rating != current and not commentary:
            sheet.problem(row, "Commentary", "", "commentary, because the rating changes")
        elif result == "red" and not commentary:
            sheet.problem(row, "Commentary", "", "commentary, because the rating is red")
        if rating or commentary or due:
            returned.actions.append(ActionUpdate(str(wanted[0]), rating, commentary or None, due))
    _no_rows_below(sheet, len(expected) + 1, "the analyst adds new actions to the plan")


def _check_investment(
    sheet: _Sheet, returns: ReturnsRound, asked: Asked, returned: Returned
) -> None:
    expected = line_rows(returns, asked)
    for row, wanted in enumerate(expected, start=2):
        if not sheet.check_locked(row, wanted):
            continue
        amounts = _amounts(sheet, row)
        if amounts is not None:
            returned.lines.append(LineUpdate(str(wanted[0]), *amounts))
    for row in sheet.filled_rows():
        if row <= len(expected) + 1:
            continue
        line = _new_line(sheet, row, returns)
        if line is not None:
            returned.lines.append(line)


def _check_measures(sheet: _Sheet, returns: ReturnsRound, asked: Asked, returned: Returned) -> None:
    expected = measure_rows(asked)
    for row, (wanted, due) in enumerate(zip(expected, asked.measures, strict=True), start=2):
        if due.period_end is None:  # the owner gives the period end: it is not pre-filled
            wanted = [*wanted[:3], sheet.cell(row, "Period end"), *wanted[4:]]
        if not sheet.check_locked(row, wanted):
            continue
        value = sheet.cell(row, "Value")
        if not _text(value):
            continue
        period = due.period_end or _date(sheet, row, "Period end", required=True)
        number = _measure_value(sheet, row, value, due.measure.unit)
        status = _text(sheet.cell(row, "Status")).casefold()
        if status and status not in layout.MEASURE_STATUSES:
            sheet.problem(row, "Status", status, "final or provisional, or blank (final)")
            continue
        if period is not None and number is not None:
            note = _text(sheet.cell(row, "Note"))
            returned.measures.append(
                MeasureValue(due.measure.id, period, number, status or "final", note)
            )
    _no_rows_below(sheet, len(expected) + 1, "the analyst adds measures to measures.yml")


def _no_rows_below(sheet: _Sheet, last: int, why: str) -> None:
    for row in sheet.filled_rows():
        if row > last:
            first = next(c for c in sheet.rows[row] if _text(c))
            sheet.problem(row, None, first, f"no row below the pre-filled ones ({why})")


def _rating(sheet: _Sheet, row: int) -> str | None:
    text = _text(sheet.cell(row, "New rating"))
    if not text:
        return None
    words = {word.casefold(): rag for word, rag in layout.RATING_CHOICES.items()}
    rating = words.get(text.casefold()) or normalise_rag(text)
    if rating is None:
        sheet.problem(row, "New rating", text, RATING_EXPECTED)
    return rating


def _date(sheet: _Sheet, row: int, header: str, required: bool = False) -> dt.date | None:
    value = sheet.cell(row, header)
    if isinstance(value, dt.datetime) and value.time() == dt.time(0, 0):
        return value.date()
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    text = _text(value)
    if not text and not required:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        sheet.problem(row, header, value if text else "", DATE_EXPECTED)
        return None


def _pence(sheet: _Sheet, row: int, header: str) -> int | None:
    """An amount in pounds as pence: a number of zero or more, at most two decimal places."""
    value = sheet.cell(row, header)
    expected = "an amount in pounds, zero or more, e.g. 1250.50"
    if isinstance(value, bool):
        sheet.problem(row, header, value, expected)
        return None
    if isinstance(value, int | float):
        pence = round(value * 100)
        if value < 0:
            sheet.problem(row, header, value, expected)
            return None
        if abs(value * 100 - pence) > 1e-6:
            sheet.problem(row, header, value, "an amount in pounds with at most two decimal places")
            return None
        return pence
    text = _text(value)
    match = POUNDS.match(text)
    if not match:
        sheet.problem(row, header, value if text else "", expected)
        return None
    return int(Decimal(text.lstrip("£").strip().replace(",", "")) * 100)


def _amounts(sheet: _Sheet, row: int) -> tuple[int, int] | None:
    committed = _pence(sheet, row, "Committed (£)")
    spent = _pence(sheet, row, "Spent (£)")
    if committed is None or spent is None:
        return None
    if spent > committed:
        value = sheet.cell(row, "Spent (£)")
        sheet.problem(row, "Spent (£)", value, "no more than the amount committed on the same row")
        return None
    return committed, spent


def _new_line(sheet: _Sheet, row: int, returns: ReturnsRound) -> LineUpdate | None:
    config = returns.config
    if _text(sheet.cell(row, "Line id")):
        sheet.problem(row, "Line id", sheet.cell(row, "Line id"), "blank: new lines get their id")
        return None
    description = _text(sheet.cell(row, "Description"))
    if not description:
        sheet.problem(row, "Description", "", "a description of the new line")
    areas = {name.casefold(): key for key, name in config.priority_areas.items()}
    areas |= {key.casefold(): key for key in config.priority_areas}
    area = areas.get(_text(sheet.cell(row, "Priority area")).casefold())
    if area is None:
        found = _text(sheet.cell(row, "Priority area"))
        sheet.problem(row, "Priority area", found, "a priority area from the drop-down")
    districts = {name.casefold(): name for name in config.district_names}
    district_text = _text(sheet.cell(row, "District"))
    district = districts.get(district_text.casefold(), "") if district_text else ""
    if district_text and not district:
        expected = "a district from the drop-down, or blank for countywide"
        sheet.problem(row, "District", district_text, expected)
    kind = _text(sheet.cell(row, "Kind")).casefold()
    if kind not in FUNDING_KINDS:
        sheet.problem(row, "Kind", kind, "funding, physical resources or staff time")
    amounts = _amounts(sheet, row)
    if not description or area is None or (district_text and not district):
        return None
    if kind not in FUNDING_KINDS or amounts is None:
        return None
    return LineUpdate(None, *amounts, description, area, district, kind)


def _measure_value(sheet: _Sheet, row: int, value: object, unit: str) -> str | None:
    expected = "a number from 0 to 100" if unit == "percent" else "a number of zero or more"
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int | float):
        number = Decimal(str(value))
    else:
        text = _text(value)
        number = Decimal(text) if NUMBER.match(text) else None
    if number is None or number < 0 or (unit == "percent" and number > 100):
        sheet.problem(row, "Value", value, expected)
        return None
    return format(number.normalize(), "f")


def _text(value: object) -> str:
    """A cell as text: dates as YYYY-MM-DD, whole numbers without '.0', blank as ''."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0, 0) else str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()


def _open(path: Path, data_only: bool):
    from openpyxl import load_workbook

    try:
        return load_workbook(path, data_only=data_only)
    except Exception:  # openpyxl raises many kinds for a damaged file
        return None
