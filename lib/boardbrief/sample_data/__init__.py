"""Deterministic sample data for a made-up year of the Lancashire SEND Partnership Board.

The same seed writes byte-identical files on any machine: every table draws from its own
``random.Random`` derived from the seed, and nothing reads the clock or relies on set order.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from datetime import date
from pathlib import Path

from boardbrief.contract.meeting import load_meeting
from boardbrief.sample_data import actions, feedback, funding, measures, risks
from boardbrief.sample_data.actions import action_snapshots
from boardbrief.sample_data.board import board_config
from boardbrief.sample_data.commentary import COMMENTARY_MEETINGS, commentary_text
from boardbrief.sample_data.feedback import CHANNELS, feedback_files
from boardbrief.sample_data.funding import funding_registers
from boardbrief.sample_data.measures import measure_values, measures_config
from boardbrief.sample_data.risks import risk_registers
from boardbrief.sample_data.seeding import table_rng
from boardbrief.sample_data.themes import codebook
from boardbrief.sample_data.writing import write_csv, write_text, write_yaml
from boardbrief.sections.feedback import FeedbackStatus, feedback_status

__all__ = ["write_sample_data"]

log = logging.getLogger(__name__)


def write_sample_data(out_dir: Path, seed: int = 2026) -> list[Path]:
    """Write every sample file into ``out_dir``, creating folders as needed.

    Parameters
    ----------
    out_dir
        The data folder to fill; existing files with the same names are overwritten.
    seed
        Seed for all randomness; the default produces the data committed in ``data/``.

    Returns
    -------
    list[Path]
        The paths written, sorted.
    """
    out_dir = Path(out_dir)
    written = [
        write_yaml(out_dir / "board.yml", board_config()),
        write_yaml(out_dir / "themes.yml", codebook()),
    ]
    snapshots = action_snapshots(table_rng(seed, "actions"))
    for snapshot, rows in snapshots.items():
        path = out_dir / "actions" / f"{snapshot.isoformat()}.csv"
        written.append(write_csv(path, actions.COLUMNS, rows))
    registers = funding_registers(table_rng(seed, "funding"))
    for register, rows in registers.items():
        path = out_dir / "funding" / f"{register.isoformat()}.csv"
        written.append(write_csv(path, funding.COLUMNS, rows))
    rngs = {channel.key: table_rng(seed, f"feedback-{channel.key}") for channel in CHANNELS}
    for file_name, rows in feedback_files(rngs).items():
        written.append(write_csv(out_dir / "feedback" / file_name, feedback.COLUMNS, rows))
    written.append(write_yaml(out_dir / "measures.yml", measures_config()))
    for file_name, rows in measure_values(table_rng(seed, "measures")).items():
        written.append(write_csv(out_dir / "measures" / file_name, measures.COLUMNS, rows))
    for register, rows in risk_registers().items():
        path = out_dir / "risks" / f"{register.isoformat()}.csv"
        written.append(write_csv(path, risks.COLUMNS, rows))
    # Written last: the feedback paragraph is made from the figures the briefing computes.
    for meeting in COMMENTARY_MEETINGS:
        snapshot = max(day for day in snapshots if day <= meeting)
        register = max(day for day in registers if day <= meeting)
        voices = _feedback_as_briefed(out_dir, meeting)
        text = commentary_text(meeting, snapshots[snapshot], registers[register], voices)
        written.append(write_text(out_dir / "commentary" / f"{meeting.isoformat()}.md", text))
    log.info("Wrote %d sample files into %s (seed %d)", len(written), out_dir, seed)
    return sorted(written)


def _feedback_as_briefed(out_dir: Path, meeting: date) -> FeedbackStatus:
    """The feedback section of the meeting's briefing, from the files just written.

    Read from a copy without the published statistics (which are not generated, so may not be
    beside the data yet) and without the commentary being written.
    """
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder)
        config = {k: v for k, v in board_config().items() if k != "indicators"}
        write_yaml(copy / "board.yml", config)
        shutil.copy(out_dir / "themes.yml", copy / "themes.yml")
        for table in ("actions", "funding", "feedback"):
            shutil.copytree(out_dir / table, copy / table)
        return feedback_status(load_meeting(copy, meeting))
