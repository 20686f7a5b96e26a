"""The base of the contract's settings files: strict types, and their errors as plain problems.

`board.yml` (`board_config`), its `indicators` section (`indicators.config`) and the codebook
(`codebook`) are pydantic models built on `Settings`; `problems_from` turns a failed check into
problems that name the setting and its line.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from boardbrief.contract.plain_yaml import line_of, load_plain_yaml
from boardbrief.contract.problems import DataError, Problem, unreadable

IDENTIFIER = r"^[A-Za-z0-9][A-Za-z0-9_-]*$"
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value: Any) -> dt.date:
    """Accept a YAML date or an ISO `YYYY-MM-DD` string; never a bare number."""
    if isinstance(value, dt.datetime):
        raise ValueError("a date as YYYY-MM-DD, without a time")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and ISO_DATE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError("a real date written as YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
Identifier = Annotated[str, Field(pattern=IDENTIFIER, max_length=64)]
Text = Annotated[str, Field(min_length=1, max_length=500)]


class Settings(BaseModel):
    """The base of every settings model read from YAML (board.yml, themes.yml)."""

    # Extra keys are allowed so later sections can add their own settings. Numbers and flags are
    # strict: `true` is not a threshold of 1, and "yes" is not a flag.
    model_config = ConfigDict(extra="allow", str_strip_whitespace=True, frozen=True)


def require_unique(values: list[str], what: str) -> None:
    """Data files match ids and names ignoring case, so two that differ only in case clash."""
    first: dict[str, str] = {}
    repeated = []
    for value in values:
        key = value.casefold()
        if key in first:
            repeated.append(f"{first[key]} and {value}" if first[key] != value else value)
        else:
            first[key] = value
    if repeated:
        raise ValueError(f"unique {what}; repeated: {', '.join(repeated)}")


def problems_from(error: ValidationError, root: yaml.Node | None, file: str) -> list[Problem]:
    """pydantic's errors as problems: the setting, its line in `file`, what was expected."""
    problems = []
    for detail in error.errors():
        location = tuple(detail["loc"])
        value = detail.get("input")
        shown = (
            None if detail["type"] == "missing" or isinstance(value, dict | list) else str(value)
        )
        expected = _expected_from(detail)
        problems.append(Problem(file, line_of(root, location), _dotted(location), shown, expected))
    return problems


def _expected_from(detail: dict[str, Any]) -> str:
    if detail["type"] == "missing":
        return "this setting (it is required)"
    message = str(detail["msg"])
    message = message.removeprefix("Value error, ").removeprefix("Input should be ")
    if detail["type"] == "string_pattern_mismatch":
        pattern = detail.get("ctx", {}).get("pattern")
        if pattern == IDENTIFIER:
            return "an id of letters, digits, '-' or '_'"
        return "a code like E10000017" if "EWSN" in str(pattern) else message
    return message[0].lower() + message[1:] if message else "a valid value"


def _dotted(location: tuple[Any, ...]) -> str:
    text = ""
    for part in location:
        if part == "[key]":
            continue
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def not_utf8(name: str, error: UnicodeDecodeError) -> Problem:
    """A file that is not UTF-8, with the line of its first bad byte."""
    line = error.object[: error.start].count(b"\n") + 1
    return Problem(
        name,
        line,
        None,
        None,
        f"UTF-8 text, but byte 0x{error.object[error.start]:02x} is not UTF-8 "
        "(save the file as UTF-8)",
    )


def read_settings_file(data_dir: Path, name: str, expected: str) -> tuple[dict, yaml.Node | None]:
    """A settings file's mapping and its YAML tree (for line numbers), or every reason it is not.

    `expected` says what the file should hold when it is not a mapping ("a YAML mapping of ...").
    """
    try:
        text = (data_dir / name).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataError([not_utf8(name, error)]) from None
    except OSError as error:
        raise DataError([unreadable(name, error)]) from None
    raw, root = load_plain_yaml(text, name)
    if not isinstance(raw, dict):
        raise DataError([Problem(name, None, None, None, expected)])
    return raw, root
