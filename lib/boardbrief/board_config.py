"""Reading and checking `board.yml`: who the board is, its areas, partners, districts, meetings."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    ValidationError,
    field_validator,
)

from boardbrief.plain_yaml import line_of, load_plain_yaml
from boardbrief.problems import DataError, Problem, unreadable
from boardbrief.ratings import DEFAULT_RULE, RagRule

BOARD_FILE = "board.yml"
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


class _Settings(BaseModel):
    # Extra keys are allowed so later sections can add their own settings. Numbers and flags are
    # strict: `true` is not a threshold of 1, and "yes" is not a flag.
    model_config = ConfigDict(extra="allow", str_strip_whitespace=True, frozen=True)


class Organisation(_Settings):
    """A partner organisation; `id` is what the data files refer to."""

    id: Identifier
    name: Text
    type: Text
    nhs_name: str | None = None


class District(_Settings):
    """A district of the area, with its 0-25 population for per-child figures."""

    name: Text
    population_0_25: Annotated[StrictInt, Field(gt=0)]


class RagRuleSettings(_Settings):
    """`rag_rule`: the shares of open actions that make an area red or green."""

    red_share: Annotated[float, Field(gt=0, le=1, strict=True)] = DEFAULT_RULE.red_share
    green_share: Annotated[float, Field(gt=0, le=1, strict=True)] = DEFAULT_RULE.green_share

    def rule(self) -> RagRule:
        return RagRule(red_share=self.red_share, green_share=self.green_share)


class BoardConfig(_Settings):
    """The whole of `board.yml`, checked."""

    board: Text
    area: Text
    la_code: Annotated[str, Field(pattern=r"^[EWSN]\d{8}$")]
    priority_areas: dict[Identifier, Text] = Field(min_length=1)
    pledges: dict[Identifier, Text] = Field(default_factory=dict)
    organisations: list[Organisation] = Field(min_length=1)
    districts: list[District] = Field(min_length=1)
    meetings: list[IsoDate] = Field(min_length=1)
    suppression_threshold: Annotated[StrictInt, Field(ge=1, le=100)] = 5
    sample: StrictBool = False
    rag_rule: RagRuleSettings = Field(default_factory=RagRuleSettings)
    stale_after_days: Annotated[StrictInt, Field(ge=1)] = 60
    stuck_after_snapshots: Annotated[StrictInt, Field(ge=2)] = 3
    redact: list[Text] = Field(default_factory=list)
    not_names: list[Text] = Field(default_factory=list)
    quotes_per_theme: Annotated[StrictInt, Field(ge=0, le=10)] = 2
    top_themes: Annotated[StrictInt, Field(ge=1, le=20)] = 5

    @field_validator("meetings")
    @classmethod
    def _meetings_sorted_and_unique(cls, meetings: list[dt.date]) -> list[dt.date]:
        if len(set(meetings)) != len(meetings):
            raise ValueError("each meeting date listed once")
        return sorted(meetings)

    @field_validator("priority_areas", "pledges")
    @classmethod
    def _keys_unique(cls, mapping: dict[str, str]) -> dict[str, str]:
        _require_unique(list(mapping), "ids (ignoring case)")
        return mapping

    @field_validator("organisations")
    @classmethod
    def _organisations_unique(cls, organisations: list[Organisation]) -> list[Organisation]:
        _require_unique([o.id for o in organisations], "organisation ids (ignoring case)")
        return organisations

    @field_validator("districts")
    @classmethod
    def _districts_unique(cls, districts: list[District]) -> list[District]:
        _require_unique([d.name for d in districts], "district names (ignoring case)")
        return districts

    @property
    def organisation_ids(self) -> list[str]:
        return [o.id for o in self.organisations]

    @property
    def district_names(self) -> list[str]:
        return [d.name for d in self.districts]

    def organisation(self, organisation_id: str) -> Organisation:
        return next(o for o in self.organisations if o.id == organisation_id)


def config_warnings(config: BoardConfig) -> list[str]:
    """Settings that are allowed but that an analyst should know the meaning of."""
    warnings = []
    if config.quotes_per_theme and not config.redact:
        warnings.append(
            f"{BOARD_FILE} quotes comments (quotes_per_theme is {config.quotes_per_theme}) but "
            "lists no names under 'redact'. Names are still found without a list: a comment is "
            "quoted only when no word in it may still be a person's name. List the children's "
            "and staff's names you know of under 'redact' so they are always removed, and your "
            "towns, schools and venues under 'not_names' so they are not taken for names."
        )
    return warnings


def _require_unique(values: list[str], what: str) -> None:
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


def load_board_config(data_dir: Path) -> BoardConfig:
    """Read and check `board.yml` in `data_dir`.

    Raises
    ------
    DataError
        When the file is missing, is not safe YAML, or breaks the data contract; every problem
        names the field and, where it can, the line.
    """
    path = data_dir / BOARD_FILE
    if not path.is_file():
        raise DataError(
            [Problem(BOARD_FILE, None, None, None, "this file to exist (see data/README.md)")]
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataError([_not_utf8(BOARD_FILE, error)]) from None
    except OSError as error:
        raise DataError([unreadable(BOARD_FILE, error)]) from None
    raw, root = load_plain_yaml(text, BOARD_FILE)
    if not isinstance(raw, dict):
        raise DataError([Problem(BOARD_FILE, None, None, None, "a YAML mapping of settings")])
    try:
        return BoardConfig.model_validate(raw)
    except ValidationError as error:
        raise DataError(_problems_from(error, root)) from None


def _problems_from(
    error: ValidationError, root: yaml.Node | None, file: str = BOARD_FILE
) -> list[Problem]:
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


def _not_utf8(name: str, error: UnicodeDecodeError) -> Problem:
    line = error.object[: error.start].count(b"\n") + 1
    return Problem(
        name,
        line,
        None,
        None,
        f"UTF-8 text, but byte 0x{error.object[error.start]:02x} is not UTF-8 "
        "(save the file as UTF-8)",
    )
