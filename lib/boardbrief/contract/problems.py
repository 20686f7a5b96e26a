"""Problems found in the input data, reported to the analyst in plain words."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from boardbrief.errors import EXIT_BAD_INPUT, BoardbriefError


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one input file.

    ``row`` is the row number as a spreadsheet shows it (the header is row 1), or ``None`` when the
    problem is with the whole file. ``column`` is a column name, or a dotted field path in YAML.
    """

    file: str
    row: int | None
    column: str | None
    value: str | None
    expected: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            unit = "line" if self.file.endswith((".yml", ".yaml", ".md")) else "row"
            where += f", {unit} {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        if self.value is None:
            return f"{where}: expected {self.expected}"
        return f"{where}: found {_quote(self.value)}, expected {self.expected}"


class DataError(BoardbriefError):
    """The input data cannot be briefed as it stands; carries every problem found."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems), key=_sort_key)
        if not self.problems:
            raise ValueError("a DataError must name at least one problem")
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one per line, with a count first."""
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"The data has {count} {noun}:"]
        lines += [f"  - {problem}" for problem in self.problems]
        return "\n".join(lines)


def _sort_key(problem: Problem) -> tuple:
    return (problem.file, problem.row or 0, problem.column or "", problem.expected)


def _quote(value: str, limit: int = 60) -> str:
    """Show a bad value briefly and unambiguously, whatever it contains."""
    if not value.strip():
        return "a blank cell"
    text = value if len(value) <= limit else value[: limit - 1] + "…"
    return repr(text)


def unreadable(name: str, error: OSError) -> Problem:
    """A file the system would not let us read (missing, a folder, no permission)."""
    reason = error.strerror or type(error).__name__
    return Problem(name, None, None, None, f"a file that can be read ({reason.lower()})")
