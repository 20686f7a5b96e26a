"""`returns make`: one workbook per organisation, pre-filled, protected, with real drop-downs.

Pre-filled cells are locked by sheet protection without a password (it prevents accidents, not
people); the cells an organisation fills are unlocked and carry Excel data validation. Workbooks
are byte-for-byte the same for the same data: fixed document dates and zip entry times.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import zipfile
from pathlib import Path

from boardbrief.contract.columns import FUNDING_KINDS
from boardbrief.errors import UsageError
from boardbrief.formatting import long_date, plural
from boardbrief.publish.folders import replace_retrying
from boardbrief.returns import layout
from boardbrief.returns.expected import Asked, ReturnsRound
from boardbrief.returns.layout import Column
from boardbrief.returns.rows import action_rows, line_rows, measure_rows

log = logging.getLogger(__name__)

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
CORE_PROPERTIES = "docProps/core.xml"
MODIFIED = re.compile(r"<dcterms:modified[^>]*>[^<]*</dcterms:modified>")
EARLIEST_DATE = dt.date(2000, 1, 1)


def make_workbooks(returns: ReturnsRound, out_dir: Path) -> list[Path]:
    """Write `<org_id>-<DATE>.xlsx` for every organisation that owes a return; their paths.

    Raises
    ------
    UsageError
        When a workbook of that name in `out_dir` differs from the one made now (it may be a
        return, with an organisation's answers): nothing is written.
    """
    contents = {
        out_dir / layout.workbook_name(organisation_id, returns.meeting): workbook_bytes(
            returns, asked
        )
        for organisation_id, asked in returns.asked.items()
    }
    changed = [
        p.name for p, content in contents.items() if p.exists() and p.read_bytes() != content
    ]
    if changed:
        raise UsageError(
            f"{out_dir} already has {', '.join(changed)}, different from the workbook made now "
            "(perhaps filled in and returned): make never replaces one; choose another --out"
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path, content in contents.items():
        temporary = path.with_name(f".{path.name}.partial")
        temporary.write_bytes(content)
        replace_retrying(temporary, path)  # waits a moment for a workbook open in Excel
        written.append(path)
    log.info(
        "made %s for the meeting of %s, due back by %s",
        plural(len(written), "returns workbook"),
        long_date(returns.meeting),
        long_date(returns.due_by),
    )
    return written


def workbook_bytes(returns: ReturnsRound, asked: Asked) -> bytes:
    """One organisation's workbook as the bytes of an .xlsx file."""
    from openpyxl import Workbook

    workbook = Workbook()
    choices = _choices(returns)
    lists = _list_ranges(choices)
    _how_to_sheet(workbook.active, returns, asked)
    _actions_sheet(workbook.create_sheet(layout.ACTIONS_SHEET), returns, asked, lists)
    _investment_sheet(workbook.create_sheet(layout.INVESTMENT_SHEET), returns, asked, lists)
    if returns.data.measures is not None:
        _measures_sheet(workbook.create_sheet(layout.MEASURES_SHEET), asked, lists)
    _identity_sheet(workbook.create_sheet(layout.IDENTITY_SHEET), returns, asked)
    _lists_sheet(workbook.create_sheet(layout.LISTS_SHEET), choices)
    made = dt.datetime.combine(returns.due_by, dt.time(0, 0))
    workbook.properties.creator = "boardbrief"
    workbook.properties.created = made
    workbook.properties.modified = made
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _fixed_zip_times(buffer.getvalue(), made)


def _how_to_sheet(sheet, returns: ReturnsRound, asked: Asked) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.title = layout.HOW_TO_SHEET
    config = returns.config
    name = asked.organisation.name
    lines = [
        (f"{config.board}: update from {name}", True),
        (f"For the board meeting of {long_date(returns.meeting)}.", False),
        (f"Please send this workbook back by {long_date(returns.due_by)}.", True),
        ("", False),
        ("Who it is for", True),
        (
            f"It is for whoever in {name} updates the partnership's action plan, the "
            "investment register and the outcome measures your organisation owns.",
            False,
        ),
        ("What to fill in", True),
        (
            "Only the white cells with a coloured header can be changed; the grey ones are "
            "what the board has now and are locked so they are not changed by accident.",
            False,
        ),
        (
            "Actions: for each open action, choose a new rating from the drop-down (Red, "
            "Amber, Green, or Complete when the action is finished). Leave it blank if "
            "nothing has changed. Commentary is required when the rating changes and "
            "whenever the rating is red: say what has happened and what happens next. "
            "Give a revised due date only when the date has been agreed to move.",
            False,
        ),
        (
            "Investment: update the amount committed and the amount spent so far, in pounds "
            "(no amount below zero; spent no more than committed). Add any new line in the "
            "empty rows below your lines: a description, the priority area, the district "
            "(blank when countywide), the kind, and the amounts.",
            False,
        ),
    ]
    if returns.data.measures is not None:
        lines.append(
            (
                "Measures: give the value for each period listed, as a number. Mark it "
                "provisional if it may still change. Where the period end is blank (a termly "
                "measure), give the last day of the term the value covers.",
                False,
            )
        )
    sheets = [(layout.ACTIONS_SHEET, layout.ACTION_COLUMNS)]
    sheets.append((layout.INVESTMENT_SHEET, layout.INVESTMENT_COLUMNS))
    if returns.data.measures is not None:
        sheets.append((layout.MEASURES_SHEET, layout.MEASURE_COLUMNS))
    lines.append(("What each column means", True))
    lines += [
        (f"{sheet}, {column.header}: {column.meaning}.", False)
        for sheet, columns in sheets
        for column in columns
    ]
    lines += [
        ("How to send it back", True),
        (
            "Save it as an Excel workbook (.xlsx), keeping its name, and email it back to the "
            "partnership's analyst. Do not save it as a macro-enabled workbook (.xlsm) or as "
            "CSV, and do not rename the sheets or move the columns.",
            False,
        ),
    ]
    for row, (text, bold) in enumerate(lines, start=1):
        cell = sheet.cell(row=row, column=1, value=text or None)
        cell.font = Font(bold=bold, size=14 if row == 1 else 11)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 110
    sheet.protection.sheet = True


def _actions_sheet(sheet, returns: ReturnsRound, asked: Asked, lists: dict[str, str]) -> None:
    rows = action_rows(returns, asked)
    last = _table(sheet, layout.ACTION_COLUMNS, rows)
    _list_validation(sheet, layout.ACTION_COLUMNS, "New rating", last, lists["rating"], "rating")
    _date_validation(sheet, layout.ACTION_COLUMNS, "Revised due date", last)


def _investment_sheet(sheet, returns: ReturnsRound, asked: Asked, lists: dict[str, str]) -> None:
    from openpyxl.styles import Protection

    rows = line_rows(returns, asked)
    existing = len(rows)
    rows += [[None] * len(layout.INVESTMENT_COLUMNS) for _ in range(layout.NEW_LINE_ROWS)]
    last = _table(sheet, layout.INVESTMENT_COLUMNS, rows)
    for row in range(existing + 2, last + 1):  # the rows for new lines: all but the id
        for column in range(2, len(layout.INVESTMENT_COLUMNS) + 1):
            cell = sheet.cell(row=row, column=column)
            cell.protection = Protection(locked=False)
            cell.fill = _input_fill()
    first_new = existing + 2
    columns = layout.INVESTMENT_COLUMNS
    for header, key, what in (
        ("Priority area", "area", "priority area"),
        ("District", "district", "district"),
        ("Kind", "kind", "kind"),
    ):
        _list_validation(sheet, columns, header, last, lists[key], what, first=first_new)
    _money_validation(sheet, columns, last)
    for column in ("Committed (£)", "Spent (£)"):
        for row in range(2, last + 1):
            sheet.cell(
                row=row, column=layout.column_number(columns, column)
            ).number_format = "#,##0.00"


def _measures_sheet(sheet, asked: Asked, lists: dict[str, str]) -> None:
    from openpyxl.styles import Protection

    rows = measure_rows(asked)
    columns = layout.MEASURE_COLUMNS
    last = _table(sheet, columns, rows)
    period = layout.column_number(columns, "Period end")
    for row, due in enumerate(asked.measures, start=2):
        if due.period_end is None:  # a termly measure: the owner gives the term's end
            cell = sheet.cell(row=row, column=period)
            cell.protection = Protection(locked=False)
            cell.fill = _input_fill()
    _date_validation(sheet, columns, "Period end", last)
    _list_validation(sheet, columns, "Status", last, lists["status"], "status")
    _value_validation(sheet, asked)


def _value_validation(sheet, asked: Asked) -> None:
    """A value of zero or more; a percentage from 0 to 100 (one rule per cell, as Excel asks)."""
    from openpyxl.utils import get_column_letter

    letter = get_column_letter(layout.column_number(layout.MEASURE_COLUMNS, "Value"))
    rows = list(enumerate(asked.measures, start=2))
    percent = " ".join(f"{letter}{n}" for n, due in rows if due.measure.unit == "percent")
    others = " ".join(f"{letter}{n}" for n, due in rows if due.measure.unit != "percent")
    if percent:
        rule = {"type": "decimal", "operator": "between", "formula1": "0", "formula2": "100"}
        _validate(sheet, percent, "Not a percentage", "Type a number from 0 to 100.", **rule)
    if others:
        rule = {"type": "decimal", "operator": "greaterThanOrEqual", "formula1": "0"}
        _validate(sheet, others, "Not a number", "Type a number of zero or more.", **rule)


def _table(sheet, columns: tuple[Column, ...], rows: list[list[object]]) -> int:
    """Header, rows, widths, frozen header, locked pre-filled cells; the last row's number."""
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter

    sheet.append([column.header for column in columns])
    for row in rows:
        sheet.append(row)
    last = max(len(rows) + 1, 2)
    locked_fill = PatternFill("solid", fgColor="EDEDED")
    for position, column in enumerate(columns, start=1):
        letter = get_column_letter(position)
        sheet.column_dimensions[letter].width = column.width
        header = sheet.cell(row=1, column=position)
        header.font = Font(bold=True)
        header.fill = PatternFill("solid", fgColor="C6E0B4" if column.filled_in else "D9D9D9")
        header.alignment = Alignment(wrap_text=True, vertical="top")
        for row in range(2, len(rows) + 2):
            cell = sheet.cell(row=row, column=position)
            cell.alignment = Alignment(wrap_text=column.width >= 40, vertical="top")
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            if column.filled_in:
                cell.protection = Protection(locked=False)
                cell.fill = _input_fill()
            else:
                cell.fill = locked_fill
    sheet.freeze_panes = "A2"
    sheet.protection.sheet = True
    return last


def _input_fill():
    from openpyxl.styles import PatternFill

    return PatternFill("solid", fgColor="FFFFFF")


def _range(columns: tuple[Column, ...], header: str, first: int, last: int) -> str:
    from openpyxl.utils import get_column_letter

    letter = get_column_letter(layout.column_number(columns, header))
    return f"{letter}{first}:{letter}{last}"


def _validate(sheet, cells: str, title: str, error: str, **rule: str) -> None:
    """Excel data validation on `cells` (ranges separated by spaces): a blank is allowed,
    anything else must pass `rule`."""
    from openpyxl.worksheet.datavalidation import DataValidation

    validation = DataValidation(
        allow_blank=True, showErrorMessage=True, errorTitle=title, error=error, **rule
    )
    sheet.add_data_validation(validation)
    for cell_range in cells.split():
        validation.add(cell_range)


def _list_validation(
    sheet,
    columns: tuple[Column, ...],
    header: str,
    last: int,
    source: str,
    what: str,
    first: int = 2,
) -> None:
    cells = _range(columns, header, first, last)
    error = f"Choose a {what} from the drop-down list."
    _validate(sheet, cells, f"Not a {what}", error, type="list", formula1=source)


def _date_validation(sheet, columns: tuple[Column, ...], header: str, last: int) -> None:
    earliest = f"DATE({EARLIEST_DATE.year},{EARLIEST_DATE.month},{EARLIEST_DATE.day})"
    rule = {"type": "date", "operator": "greaterThanOrEqual", "formula1": earliest}
    cells = _range(columns, header, 2, last)
    _validate(sheet, cells, "Not a date", "Type a date, e.g. 2027-03-31.", **rule)


def _number_validation(sheet, columns: tuple[Column, ...], header: str, last: int) -> None:
    rule = {"type": "decimal", "operator": "greaterThanOrEqual", "formula1": "0"}
    cells = _range(columns, header, 2, last)
    _validate(sheet, cells, "Not a number", "Type a number of zero or more.", **rule)


def _money_validation(sheet, columns: tuple[Column, ...], last: int) -> None:
    """Committed: pounds, zero or more. Spent: from zero to the committed amount beside it."""
    from openpyxl.utils import get_column_letter

    _number_validation(sheet, columns, "Committed (£)", last)
    committed = get_column_letter(layout.column_number(columns, "Committed (£)"))
    rule = {"type": "decimal", "operator": "between", "formula1": "0", "formula2": f"{committed}2"}
    _validate(
        sheet,
        _range(columns, "Spent (£)", 2, last),
        "Spent more than committed",
        "Spent must be from zero to the amount committed on the same row.",
        **rule,
    )


def _choices(returns: ReturnsRound) -> dict[str, list[str]]:
    """Each drop-down's choices, by name."""
    return {
        "rating": list(layout.RATING_CHOICES),
        "area": list(returns.config.priority_areas.values()),
        "district": returns.config.district_names,
        "kind": list(FUNDING_KINDS),
        "status": list(layout.MEASURE_STATUSES),
    }


def _list_ranges(choices: dict[str, list[str]]) -> dict[str, str]:
    """Where each drop-down's choices are on the hidden sheet, a column each."""
    from openpyxl.utils import get_column_letter

    return {
        key: f"'{layout.LISTS_SHEET}'!${get_column_letter(n)}$1:${get_column_letter(n)}${len(v)}"
        for n, (key, v) in enumerate(choices.items(), start=1)
    }


def _lists_sheet(sheet, choices: dict[str, list[str]]) -> None:
    """The drop-downs' choices on a hidden, locked sheet."""
    for position, values in enumerate(choices.values(), start=1):
        for row, value in enumerate(values, start=1):
            sheet.cell(row=row, column=position, value=value)
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True


def _identity_sheet(sheet, returns: ReturnsRound, asked: Asked) -> None:
    """Which board, meeting and organisation the workbook is for, so collect can check it."""
    config = returns.config
    values = (config.board, config.la_code, returns.meeting.isoformat(), asked.organisation.id)
    for row, (key, value) in enumerate(zip(layout.IDENTITY_KEYS, values, strict=True), start=1):
        sheet.cell(row=row, column=1, value=key)
        sheet.cell(row=row, column=2, value=value)
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True


def _fixed_zip_times(content: bytes, made: dt.datetime) -> bytes:
    """The same workbook with every zip entry dated 1980-01-01 and its document dated `made`
    (openpyxl stamps the time of saving), so the bytes repeat."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    stamp = f'<dcterms:modified xsi:type="dcterms:W3CDTF">{made.isoformat()}Z</dcterms:modified>'
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename == CORE_PROPERTIES:
                data = MODIFIED.sub(stamp, data.decode("utf-8")).encode("utf-8")
            fixed = zipfile.ZipInfo(entry.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = entry.external_attr
            target.writestr(fixed, data)
    return buffer.getvalue()
