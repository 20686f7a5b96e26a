"""Which organisations have sent their workbook back for a meeting: the chasing list."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from boardbrief.contract.problems import Problem
from boardbrief.errors import UsageError
from boardbrief.formatting import long_date
from boardbrief.returns.expected import ReturnsRound
from boardbrief.returns.read_workbooks import identity_problem, read_identity, returned_files


@dataclass(frozen=True)
class ReturnsStatus:
    """Organisations asked, those whose workbook is in the folder, and those still to return."""

    returns: ReturnsRound
    received: tuple[str, ...]
    missing: tuple[str, ...]
    not_counted: tuple[str, ...]  # files in the folder that are not a return for this meeting

    def lines(self, missing_heading: str = "still to return (the chasing list):") -> list[str]:
        """The status in words, one line each: the count, then who is missing."""
        returns = self.returns
        lines = [
            f"returns for the meeting of {long_date(returns.meeting)} "
            f"(due {long_date(returns.due_by)}): "
            f"received from {len(self.received)} of {len(returns.asked)} organisations"
        ]
        if self.missing:
            lines.append(missing_heading)
            lines += [f"  - {org}: {returns.config.organisation(org).name}" for org in self.missing]
        if self.not_counted:
            lines.append("not counted (not a workbook for this meeting, or unreadable):")
            lines += [f"  - {name}" for name in self.not_counted]
        return lines


def returns_status(folder: Path, returns: ReturnsRound) -> ReturnsStatus:
    """Count the workbooks in `folder` by the organisation each says it is from (not checked
    further: `collect` checks every cell).

    Raises
    ------
    UsageError
        When the folder does not exist.
    """
    require_folder(folder)
    received: set[str] = set()
    not_counted = []
    for path in returned_files(folder):
        identity = read_identity(path)
        if (
            isinstance(identity, Problem)
            or identity_problem(identity, path.name, returns) is not None
        ):
            not_counted.append(path.name)
        else:
            received.add(identity.organisation)
    asked = list(returns.asked)
    return ReturnsStatus(
        returns,
        tuple(org for org in asked if org in received),
        tuple(org for org in asked if org not in received),
        tuple(not_counted),
    )


def require_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise UsageError(f"the returns folder {folder} does not exist")
