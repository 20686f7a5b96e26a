"""Source notebooks: committed without outputs, with one typed, commented parameters cell."""

from __future__ import annotations

from pathlib import Path

import nbformat
import papermill
import pytest

# Beyond the meeting and the data folder, which every notebook takes.
EXTRA_PARAMETERS = {"area.ipynb": {"area"}}
CHECKED_ONCE = ("as_at", "checked_data", "checked_sha256")  # the cut-off; data the render checked
NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


def test_there_are_the_briefing_and_area_notebooks():
    assert {"briefing.ipynb", "area.ipynb"} <= {path.name for path in NOTEBOOKS}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: a cell has outputs"
            assert cell.execution_count is None, f"{path.name}: a cell has an execution count"
    assert "papermill" not in notebook.metadata


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_has_one_documented_parameters_cell(path):
    notebook = nbformat.read(path, as_version=4)
    tagged = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    parameters = papermill.inspect_notebook(str(path))
    assert set(parameters) == {"meeting_date", "data_dir", *CHECKED_ONCE} | EXTRA_PARAMETERS.get(
        path.name, set()
    )
    for parameter in parameters.values():
        assert parameter["inferred_type_name"] == "str"
        assert parameter["help"], f"{parameter['name']} has no comment"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_cells_define_nothing(path):
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert not any(
                line.lstrip().startswith(("def ", "class ")) for line in cell.source.splitlines()
            ), "logic belongs in lib/boardbrief/"
