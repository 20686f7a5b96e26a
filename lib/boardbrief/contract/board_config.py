"""Reading and checking `board.yml`: who the board is, its areas, partners, districts, meetings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

from pydantic import (
    Field,
    StrictBool,
    StrictInt,
    ValidationError,
    field_validator,
    model_validator,
)

from boardbrief.contract.problems import DataError, Problem
from boardbrief.contract.settings import (
    Identifier,
    IsoDate,
    Settings,
    Text,
    problems_from,
    read_settings_file,
    require_unique,
)
from boardbrief.ratings import DEFAULT_RISK_BANDS, DEFAULT_RULE, RagRule, RiskBands

BOARD_FILE = "board.yml"


class Organisation(Settings):
    """A partner organisation; `id` is what the data files refer to."""

    id: Identifier
    name: Text
    type: Text
    nhs_name: str | None = None


class District(Settings):
    """A district of the area, with its 0-25 population for per-child figures."""

    name: Text
    population_0_25: Annotated[StrictInt, Field(gt=0)]


class RagRuleSettings(Settings):
    """`rag_rule`: the shares of open actions that make an area red or green."""

    red_share: Annotated[float, Field(gt=0, le=1, strict=True)] = DEFAULT_RULE.red_share
    green_share: Annotated[float, Field(gt=0, le=1, strict=True)] = DEFAULT_RULE.green_share

    def rule(self) -> RagRule:
        return RagRule(red_share=self.red_share, green_share=self.green_share)


RiskScore = Annotated[StrictInt, Field(ge=2, le=25)]


class RiskBandsSettings(Settings):
    """`risk_bands`: the scores (likelihood x impact) from which a risk is red, and amber."""

    red_from: RiskScore = DEFAULT_RISK_BANDS.red_from
    amber_from: RiskScore = DEFAULT_RISK_BANDS.amber_from

    @model_validator(mode="after")
    def _amber_below_red(self) -> RiskBandsSettings:
        if self.amber_from >= self.red_from:
            raise ValueError("amber_from less than red_from")
        return self

    def bands(self) -> RiskBands:
        return RiskBands(red_from=self.red_from, amber_from=self.amber_from)


class BoardConfig(Settings):
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
    risk_bands: RiskBandsSettings = Field(default_factory=RiskBandsSettings)
    stale_after_days: Annotated[StrictInt, Field(ge=1)] = 60
    stuck_after_snapshots: Annotated[StrictInt, Field(ge=2)] = 3
    redact: list[Text] = Field(default_factory=list)
    not_names: list[Text] = Field(default_factory=list)
    quotes_per_theme: Annotated[StrictInt, Field(ge=0, le=10)] = 2
    top_themes: Annotated[StrictInt, Field(ge=1, le=20)] = 5
    returns_due_days: Annotated[StrictInt, Field(ge=0, le=60)] = 10  # `returns make`'s deadline
    papers_due_days: Annotated[StrictInt, Field(ge=0, le=60)] = 0  # the default cut-off

    @field_validator("meetings")
    @classmethod
    def _meetings_sorted_and_unique(cls, meetings: list[dt.date]) -> list[dt.date]:
        if len(set(meetings)) != len(meetings):
            raise ValueError("each meeting date listed once")
        return sorted(meetings)

    @field_validator("priority_areas", "pledges")
    @classmethod
    def _keys_unique(cls, mapping: dict[str, str]) -> dict[str, str]:
        require_unique(list(mapping), "ids (ignoring case)")
        return mapping

    @field_validator("organisations")
    @classmethod
    def _organisations_unique(cls, organisations: list[Organisation]) -> list[Organisation]:
        require_unique([o.id for o in organisations], "organisation ids (ignoring case)")
        return organisations

    @field_validator("districts")
    @classmethod
    def _districts_unique(cls, districts: list[District]) -> list[District]:
        require_unique([d.name for d in districts], "district names (ignoring case)")
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
    raw, root = read_settings_file(data_dir, BOARD_FILE, "a YAML mapping of settings")
    try:
        return BoardConfig.model_validate(raw)
    except ValidationError as error:
        raise DataError(problems_from(error, root, BOARD_FILE)) from None
