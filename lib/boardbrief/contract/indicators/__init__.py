"""Loading the published statistics board.yml names in `indicators`: every file, checked at once.

Their settings are in `config`; the readers live beside it: `dfe` (DfE's tidy format, any measure
column) and `nhs` (NHS England's children's community waiting lists).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from boardbrief.contract.board_config import BoardConfig
from boardbrief.contract.indicators.config import (
    IndicatorsConfig,
    load_indicators_config,
    missing_files,
)
from boardbrief.contract.indicators.dfe import MeasureSeries, read_dfe_measures
from boardbrief.contract.indicators.nhs import WaitingListData, read_waiting_lists
from boardbrief.contract.problems import DataError, Problem

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class Indicators:
    """The published statistics for a board, read and checked; empty when none are configured."""

    config: IndicatorsConfig | None
    area: str
    la_code: str
    measures: dict[str, MeasureSeries] = field(default_factory=dict)
    waiting_lists: WaitingListData | None = None
    files_read: tuple[str, ...] = ()


def load_indicators(data_dir: Path | str, config: BoardConfig) -> Indicators:
    """Read every file in board.yml's `indicators` section.

    Parameters
    ----------
    data_dir
        The data folder; the section's paths are relative to it.
    config
        The checked board.yml: its `la_code`, `area` and organisations' `nhs_name`.

    Returns
    -------
    Indicators
        Measures keyed by column, in board.yml's order, and the waiting lists; with no
        `indicators` section, an `Indicators` with neither (the briefing then says so).

    Raises
    ------
    DataError
        With every problem in the section and in every file it names.
    """
    data_dir = Path(data_dir)
    settings = load_indicators_config(data_dir)
    if settings is None:
        return Indicators(config=None, area=config.area, la_code=config.la_code)
    problems: list[Problem] = missing_files(data_dir, settings)
    if problems:
        raise DataError(problems)

    def collect(step: Callable[[], T]) -> T | None:
        try:
            return step()
        except DataError as error:
            problems.extend(error.problems)
            return None

    by_file: dict[str, list] = {}
    for measure in settings.measures:
        by_file.setdefault(measure.file, []).append(measure)
    read = {}
    for name, measures in by_file.items():
        read.update(
            collect(
                lambda n=name, m=measures: read_dfe_measures(
                    data_dir, n, m, config.la_code, config.area
                )
            )
            or {}
        )
    waiting = None
    if settings.waiting_lists:
        waiting = collect(
            lambda: read_waiting_lists(data_dir, settings.waiting_lists.file, config.organisations)
        )
    if problems:
        raise DataError(problems)
    log.info(
        "read %d published measures from %d files; waiting lists: %s",
        len(read),
        len(by_file),
        waiting.month.isoformat() if waiting else "none",
    )
    return Indicators(
        config=settings,
        area=config.area,
        la_code=config.la_code,
        measures={m.column: read[m.column] for m in settings.measures},
        waiting_lists=waiting,
        files_read=tuple(settings.files),
    )
