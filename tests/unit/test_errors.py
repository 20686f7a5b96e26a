"""Every error the user sees carries its exit code, and the command maps them in one place."""

import pytest

from boardbrief import errors
from boardbrief.cli import main
from boardbrief.contract.problems import DataError, Problem


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (errors.RenderError("x"), 1),
        (errors.PdfError("x"), 1),
        (errors.UsageError("x"), 2),
        (errors.NotebookDataError("x"), 2),
        (errors.NothingToVerify("x"), 2),
        (DataError([Problem("board.yml", None, None, None, "a file")]), 2),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, Exception) else str(value),
)
def test_each_error_carries_its_exit_code(error, code):
    assert isinstance(error, errors.BoardbriefError)
    assert error.exit_code == code


def test_notebook_data_error_says_the_notebook_rejected_the_data():
    assert errors.NotebookDataError("a snapshot changed").message() == (
        "the notebook rejected the data: a snapshot changed"
    )


def test_the_command_prints_the_message_and_returns_the_code(tmp_path, capsys):
    assert main(["validate", "--data", str(tmp_path / "missing")]) == errors.EXIT_BAD_INPUT
    assert capsys.readouterr().err.startswith("boardbrief: The data has 1 problem:")
