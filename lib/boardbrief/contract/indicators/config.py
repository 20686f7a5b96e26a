"""The `indicators` section of `board.yml`: which published statistics the impact section reads.

Each measure names a column of a Department for Education file in its tidy format, how it is
labelled, which direction is better and whether it is a percentage or a count. The NHS England
waiting-list file is named on its own. Paths are relative to the data folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StrictFloat, StrictInt, ValidationError, field_validator

from boardbrief.contract.board_config import BOARD_FILE
from boardbrief.contract.plain_yaml import load_plain_yaml
from boardbrief.contract.problems import DataError, Problem
from boardbrief.contract.settings import Settings, Text, problems_from, require_unique

DEFAULT_CHECK_JUMP_POINTS = 25
RelativePath = Annotated[str, Field(min_length=1, max_length=300, pattern=r"^[^/\\]")]
# A link to the publication, shown beside the figures and printed on paper; https only.
SourceUrl = Annotated[str, Field(max_length=500, pattern=r"^https://[^\s\"'<>\\]+$")]


class Measure(Settings):
    """One published measure: a column of a DfE tidy file, shown for the area, region, England."""

    file: RelativePath
    column: Annotated[str, Field(pattern=r"^[A-Za-z0-9_]+$", max_length=100)]
    label: Text
    better: Literal["higher", "lower"]
    unit: Literal["percent", "count"]
    target: StrictInt | StrictFloat | None = None
    source: Text | None = None
    source_url: SourceUrl | None = None

    @field_validator("column")
    @classmethod
    def _lower_case(cls, column: str) -> str:
        return column.lower()  # the reader lower-cases headers


class WaitingLists(Settings):
    """The NHS England community health services waiting-list file (children and young people)."""

    file: RelativePath
    source: Text | None = None
    source_url: SourceUrl | None = None


class IndicatorsConfig(Settings):
    """The whole `indicators` section, checked."""

    measures: list[Measure] = Field(default_factory=list)
    waiting_lists: WaitingLists | None = None
    check_jump_points: Annotated[StrictInt | StrictFloat, Field(gt=0, le=100)] = (
        DEFAULT_CHECK_JUMP_POINTS
    )

    @field_validator("measures")
    @classmethod
    def _columns_unique(cls, measures: list[Measure]) -> list[Measure]:
        require_unique([m.column for m in measures], "measure columns (ignoring case)")
        return measures

    @property
    def files(self) -> list[str]:
        """Every file the section names, each once, in the order given."""
        names = [m.file for m in self.measures]
        if self.waiting_lists:
            names.append(self.waiting_lists.file)
        return list(dict.fromkeys(names))


class _BoardIndicators(Settings):
    indicators: IndicatorsConfig | None = None


def load_indicators_config(data_dir: Path) -> IndicatorsConfig | None:
    """The `indicators` section of board.yml, or None when the board has not configured one.

    board.yml is read again (it is small) so that problems can name the line they are on.

    Raises
    ------
    DataError
        When the section breaks the rules above; every problem names its field and line.
    """
    text = (data_dir / BOARD_FILE).read_text(encoding="utf-8-sig")
    raw, root = load_plain_yaml(text, BOARD_FILE)
    if not isinstance(raw, dict) or raw.get("indicators") is None:
        return None
    try:
        return _BoardIndicators.model_validate({"indicators": raw["indicators"]}).indicators
    except ValidationError as error:
        raise DataError(problems_from(error, root, BOARD_FILE)) from None


def missing_files(data_dir: Path, config: IndicatorsConfig) -> list[Problem]:
    """A problem for each file the section names that is not in the data folder."""
    return [
        Problem(name, None, None, None, "this file to exist (named in board.yml, indicators)")
        for name in config.files
        if not (data_dir / name).is_file()
    ]
