"""What can go wrong, as exceptions that carry their exit code; the command maps them once.

Every error boardbrief reports to its user derives from `BoardbriefError`: the command prints
its message (no traceback) and exits with its `exit_code`. `DataError`, which carries every
problem found in the data, lives with the data contract (`contract.problems`).
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILED = 1  # the render failed, or an internal error
EXIT_BAD_INPUT = 2  # bad input data, or a request the command refuses
EXIT_NOT_REPRODUCED = 3  # `verify`: the briefing did not reproduce
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT


class BoardbriefError(Exception):
    """An error reported to the user as one message and an exit code, never a traceback."""

    exit_code = EXIT_FAILED

    def message(self) -> str:
        """What the command prints after `boardbrief: `."""
        return str(self)


class RenderError(BoardbriefError):
    """The briefing could not be produced for a reason that is not the input data."""


class PdfError(BoardbriefError):
    """The PDF could not be printed; the message says why and what to do."""


class UsageError(BoardbriefError):
    """The command was asked for something it must not do, such as writing into the data."""

    exit_code = EXIT_BAD_INPUT


class NotebookDataError(BoardbriefError):
    """The notebook rejected the data (it changed after checking, or a section refused it)."""

    exit_code = EXIT_BAD_INPUT

    def message(self) -> str:
        return f"the notebook rejected the data: {self}"


class NothingToVerify(BoardbriefError):
    """There is no archived briefing with a run record for that meeting."""

    exit_code = EXIT_BAD_INPUT


class FigureMismatch(BoardbriefError):
    """`trace`: a figure recomputed from the data differs from the archived figures.json."""

    exit_code = EXIT_NOT_REPRODUCED
